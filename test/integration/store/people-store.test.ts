import { beforeAll, describe, expect, it } from 'vitest';
import type { Subscriber } from '../../../shared/model/subscriber';
import type { SourceState } from '../../../shared/ports';
import { createDynamoStores, StoreError, SubscriberNotFoundError, type DynamoStores } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';
import { hex32 } from './event-fixtures';

let stores: DynamoStores;
beforeAll(async () => {
  const services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames);
}, LOCAL_SERVICES_TIMEOUT_MS);

function subscriber(key: string, email: string, status: Subscriber['status']): Subscriber {
  return {
    id: hex32(`subscriber:${key}`),
    email,
    status,
    zip: '01852',
    radiusMiles: 25,
    mix: 'balanced',
    fields: [],
    interests: ['data'],
    targetEmployers: [],
    online: true,
    digestSize: 8,
    lat: 42.64,
    lon: -71.31,
    placeName: 'Lowell',
    timeZone: 'America/New_York',
    consent: { at: '2025-10-01T12:00:00.000Z', ip: '127.0.0.1', userAgent: null, formVersion: 'v1' },
    pausedUntil: null,
    calendarGeneration: 0,
    createdAt: '2025-10-01T12:00:00.000Z',
    updatedAt: '2025-10-01T12:00:00.000Z',
  };
}

describe('SubscriberStore', () => {
  const ann = subscriber('ann', 'ann@example.com', 'active');
  const bob = subscriber('bob', 'bob@example.com', 'pending');
  const cy = subscriber('cy', 'cy@example.com', 'active');

  it('lists only active subscribers, finds by normalised email and updates', async () => {
    await Promise.all([ann, bob, cy].map((entry) => stores.subscribers.put(entry)));
    expect(new Set((await stores.subscribers.listActive()).map((entry) => entry.id))).toEqual(new Set([ann.id, cy.id]));

    expect(await stores.subscribers.getByEmail('  Ann@Example.COM ')).toEqual(ann);
    expect(await stores.subscribers.getByEmail('nobody@example.com')).toBeNull();
    expect(await stores.subscribers.getByEmail('not an address')).toBeNull();

    const later = new Date('2025-10-08T09:00:00.000Z');
    await stores.subscribers.setStatus(cy.id, 'unsubscribed', later);
    expect((await stores.subscribers.listActive()).map((entry) => entry.id)).toEqual([ann.id]);
    expect(await stores.subscribers.get(cy.id)).toMatchObject({ status: 'unsubscribed', updatedAt: later.toISOString() });

    await stores.subscribers.updatePreferences(
      ann.id,
      { zip: '01060', radiusMiles: 40, mix: 'professional', fields: [], interests: [], targetEmployers: ['Acme'], online: false, digestSize: 5, lat: 42.32, lon: -72.63, placeName: 'Northampton' },
      later,
    );
    expect(await stores.subscribers.get(ann.id)).toMatchObject({ zip: '01060', radiusMiles: 40, placeName: 'Northampton', email: ann.email });
  });

  it('refuses updates of an unknown id and invalid subscribers', async () => {
    await expect(stores.subscribers.setStatus(hex32('ghost'), 'active', new Date())).rejects.toBeInstanceOf(SubscriberNotFoundError);
    await expect(stores.subscribers.put({ ...ann, zip: '1852' })).rejects.toBeInstanceOf(StoreError);
    expect(await stores.subscribers.get(hex32('ghost'))).toBeNull();
  });
});

// The DeliveryStore's claims, leases and takeovers: test/integration/digest/delivery-claims.test.ts.

describe('SourceStateStore', () => {
  it('round-trips source states and lists them by id', async () => {
    const state: SourceState = {
      sourceId: 'wind',
      etag: '"abc"',
      lastModified: 'Mon, 20 Oct 2025 10:00:00 GMT',
      contentHash: hex32('body'),
      lastStatus: 'ok',
      lastAttemptAt: '2025-10-20T10:00:00.000Z',
      lastSuccessAt: '2025-10-20T10:00:00.000Z',
      lastError: null,
      consecutiveFailures: 0,
      eventsFound: 12,
      notBefore: null,
      horizonEnd: '2026-01-18',
    };
    const failing: SourceState = { ...state, sourceId: 'acme', lastStatus: 'failed', lastError: 'HTTP 500', consecutiveFailures: 3 };
    await stores.sources.put(state);
    await stores.sources.put(failing);
    expect(await stores.sources.get('wind')).toEqual(state);
    expect(await stores.sources.get('missing')).toBeNull();
    expect((await stores.sources.list()).map((entry) => entry.sourceId)).toEqual(['acme', 'wind']);
  });
});

/**
 * Renewing the personal calendar address against DynamoDB Local: one atomic add, so renewals at once
 * each get their own generation and a change made between the page's read and the renewal (an
 * unsubscribe, new preferences) is not undone, as the put of a stale record used to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SubscriberNotFoundError } from '../../../shared/store/dynamo-subscriber-store';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';
import { subscriberFixture } from '../../unit/subscriptions/support/memory-ports';
import { hex32 } from './event-fixtures';

let stores: DynamoStores;
beforeAll(async () => {
  const services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames);
}, LOCAL_SERVICES_TIMEOUT_MS);

const NOW = new Date('2026-12-01T15:00:00Z');

describe('renewCalendar', () => {
  it('gives each of five renewals at once its own generation', async () => {
    const id = hex32('renew:concurrent');
    await stores.subscribers.put(subscriberFixture({ id, email: 'renew.concurrent@example.com', status: 'active' }));
    const generations = await Promise.all(Array.from({ length: 5 }, () => stores.subscribers.renewCalendar(id, NOW)));
    expect([...generations].sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await stores.subscribers.get(id))?.calendarGeneration).toBe(5);
  });

  it('keeps an unsubscribe made after the record was read, and writes only the generation and updatedAt', async () => {
    const id = hex32('renew:unsubscribed');
    await stores.subscribers.put(subscriberFixture({ id, email: 'renew.unsub@example.com', status: 'active' }));
    const read = await stores.subscribers.get(id);
    await stores.subscribers.setStatus(id, 'unsubscribed', new Date('2026-12-01T14:59:00Z'));
    expect(await stores.subscribers.renewCalendar(id, NOW)).toBe((read?.calendarGeneration ?? -1) + 1);
    expect(await stores.subscribers.get(id)).toMatchObject({ status: 'unsubscribed', calendarGeneration: 1, updatedAt: '2026-12-01T15:00:00.000Z' });
  });

  it('refuses a subscriber that is not there, creating nothing', async () => {
    const id = hex32('renew:missing');
    await expect(stores.subscribers.renewCalendar(id, NOW)).rejects.toBeInstanceOf(SubscriberNotFoundError);
    expect(await stores.subscribers.get(id)).toBeNull();
  });
});

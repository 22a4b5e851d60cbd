import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalDynamoClient } from '../../../shared/local/aws-clients';
import { createDynamoStores, mergeDuplicateSubscribers, type DynamoStores } from '../../../shared/store';
import { toItem } from '../../../shared/store/attribute-value';
import { createDynamoSubscriberStore } from '../../../shared/store/dynamo-subscriber-store';
import { resolveStoreOptions } from '../../../shared/store/store-options';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { UNLIMITED } from '../../../shared/subscriptions/signup-limits';
import { createHarness, subscriberFixture } from '../../unit/subscriptions/support/memory-ports';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { uniqueAddress } from './served-app';

let services: LocalServices;
let stores: DynamoStores;

beforeAll(async () => {
  services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames);
}, LOCAL_SERVICES_TIMEOUT_MS);

const hex = (digit: string) => digit.repeat(32);

describe('merging subscribers an old race duplicated', () => {
  it('keeps one row per address with the most protective status, aliases the others and guards the address', async () => {
    const email = uniqueAddress('dup');
    // Rows as the store wrote them before address items: plain PutItems, no guard.
    const rows = [
      subscriberFixture({ id: hex('1'), email, status: 'active', createdAt: '2026-10-01T12:00:00.000Z' }),
      subscriberFixture({ id: hex('2'), email, status: 'unsubscribed', createdAt: '2026-10-02T12:00:00.000Z' }),
      subscriberFixture({ id: hex('3'), email, status: 'pending', createdAt: '2026-10-03T12:00:00.000Z' }),
    ];
    for (const row of rows) await services.dynamo.send(new PutItemCommand({ TableName: services.tableNames.subscribers, Item: toItem(row) }));
    const alone = uniqueAddress('alone');
    await services.dynamo.send(new PutItemCommand({ TableName: services.tableNames.subscribers, Item: toItem(subscriberFixture({ id: hex('4'), email: alone, status: 'active' })) }));

    const now = new Date('2026-11-22T12:00:00Z');
    const report = await mergeDuplicateSubscribers(services.dynamo, services.tableNames.subscribers, { now, onCorruptItem: () => undefined });
    expect(report).toMatchObject({ merged: 2, addressItemsWritten: 2 });

    // unsubscribed > active > pending: the unsubscribed row is kept.
    expect((await stores.subscribers.getByEmail(email))?.id).toBe(hex('2'));
    expect((await stores.subscribers.get(hex('1')))?.id).toBe(hex('2'));
    expect((await stores.subscribers.get(hex('3')))?.status).toBe('unsubscribed');
    expect((await stores.subscribers.listActive()).map((s) => s.email)).not.toContain(email);
    expect((await stores.subscribers.getByEmail(alone))?.id).toBe(hex('4'));
    // The address is held now: a new signup of it creates nothing.
    expect(await stores.subscribers.create(subscriberFixture({ id: hex('5'), email, status: 'pending' }))).toBe('exists');

    const again = await mergeDuplicateSubscribers(services.dynamo, services.tableNames.subscribers, { now, onCorruptItem: () => undefined });
    expect(again).toMatchObject({ merged: 0, addressItemsWritten: 0 });
  });

  it('suppresses every row of an address at once (acting on the address, not one row)', async () => {
    const email = uniqueAddress('dup-suppress');
    for (const id of [hex('6'), hex('7')]) {
      await services.dynamo.send(new PutItemCommand({ TableName: services.tableNames.subscribers, Item: toItem(subscriberFixture({ id, email, status: 'active' })) }));
    }
    await stores.subscribers.setStatus(hex('6'), 'suppressed', new Date('2026-11-22T12:00:00Z'));
    expect((await stores.subscribers.get(hex('7')))?.status).toBe('suppressed');
  });
});

describe('/health', () => {
  it('answers 200 with the store up and 503 when DynamoDB does not answer', async () => {
    const up = createHarness();
    const healthy = createSubscriptionApp({ ...up.deps, subscribers: stores.subscribers, limiter: UNLIMITED });
    expect((await healthy.request('/health')).status).toBe(200);
    // A real client to a port nothing listens on: the fault a stopped DynamoDB produces, no mock.
    const dead = createLocalDynamoClient('http://127.0.0.1:9', { maxAttempts: 1 });
    const down = createSubscriptionApp({ ...up.deps, subscribers: createDynamoSubscriberStore(dead, services.tableNames.subscribers, resolveStoreOptions()), limiter: UNLIMITED });
    const response = await down.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
    dead.destroy();
  });
});

/**
 * Pending (never confirmed) subscribers expire: the subscriber item and its address item carry a
 * TTL 7 days after the last confirmation mail; confirming, unsubscribing or suppressing removes it.
 * Against DynamoDB Local, whose TTL deletes items by the machine's clock: this file turns TTL on for
 * its own subscribers table (the shared test setup leaves it off, since most tests' clocks are in
 * the machine's past), the expiry case writes its subscriber dated 8 days before the machine's now and
 * the others are dated in 2036, well after it.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Subscriber } from '../../../shared/model/subscriber';
import { createDynamoStores } from '../../../shared/store';
import { pendingExpiry } from '../../../shared/store/dynamo-subscriber-store';
import { enableTtl } from '../../../shared/store/tables';
import { newSubscriberId } from '../../../shared/subscriptions/signup';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';

let services: LocalServices;

beforeAll(async () => {
  services = await useLocalServices();
  await enableTtl(services.dynamo, services.tableNames.subscribers);
}, LOCAL_SERVICES_TIMEOUT_MS);

function pending(email: string, createdAt: string): Subscriber {
  return {
    id: newSubscriberId(), email, status: 'pending', zip: '01852', lat: 42.64, lon: -71.31, placeName: 'Lowell', radiusMiles: 20, mix: 'balanced',
    online: true, digestSize: 8, interests: [], targetEmployers: [], fields: [], timeZone: 'America/New_York', consent: null, pausedUntil: null,
    calendarGeneration: 0, createdAt, updatedAt: createdAt,
  };
}

/** The `ttl` of the item `id` (epoch seconds), null when it has none, 'absent' when the item is gone. */
async function ttlOf(id: string): Promise<number | null | 'absent'> {
  const { Item } = await services.dynamo.send(new GetItemCommand({ TableName: services.tableNames.subscribers, Key: { id: { S: id } }, ConsistentRead: true }));
  if (Item === undefined) return 'absent';
  const ttl = Item['ttl']?.N;
  return ttl === undefined ? null : Number(ttl);
}

const consent = { at: '2036-11-24T08:00:00.000Z', ip: '203.0.113.9', userAgent: null, formVersion: 'expiry-test' };

describe('pending subscribers expire (TTL), kept ones do not', () => {
  it('gives a pending subscriber and its address item a TTL 7 days after the mail, moved by a later mail', async () => {
    const stores = createDynamoStores(services.dynamo, services.tableNames);
    const subscriber = pending('expiry-a@example.com', '2036-11-23T01:00:00.000Z');
    await stores.subscribers.create(subscriber);
    // 2036-11-23T01:00Z: 24,106 days after 1970-01-01 (66 years, 16 of them leap: 1972…2032) plus
    // 327 days into 2036 (a leap year: 305 to the end of October, 22 more) = 24,433 days
    // = 2,111,011,200 s, + 3,600 s = 2,111,014,800. Seven days on: + 604,800 = 2,111,619,600.
    expect(await ttlOf(subscriber.id)).toBe(2_111_619_600);
    expect(await ttlOf('addr#expiry-a@example.com')).toBe(2_111_619_600);
    // A second confirmation mail at 2036-11-25T09:30Z (2 days 8 h 30 min = 203,400 s later):
    // 2,111,014,800 + 203,400 + 604,800 = 2,111,823,000.
    expect(await stores.subscribers.extendPending(subscriber, new Date('2036-11-25T09:30:00Z'))).toBe(true);
    expect(await ttlOf(subscriber.id)).toBe(2_111_823_000);
    expect(await ttlOf('addr#expiry-a@example.com')).toBe(2_111_823_000);
  });

  it('removes the TTL on confirm, and on unsubscribe or suppression; a kept record is never extended', async () => {
    const stores = createDynamoStores(services.dynamo, services.tableNames);
    const confirmed = pending('expiry-b@example.com', '2036-11-23T01:00:00.000Z');
    const unsubscribed = pending('expiry-c@example.com', '2036-11-23T01:00:00.000Z');
    const suppressed = pending('expiry-d@example.com', '2036-11-23T01:00:00.000Z');
    for (const each of [confirmed, unsubscribed, suppressed]) await stores.subscribers.create(each);
    expect(await stores.subscribers.confirm(confirmed.id, 0, consent, new Date(consent.at))).toBe(true);
    await stores.subscribers.setStatus(unsubscribed.id, 'unsubscribed', new Date(consent.at));
    await stores.subscribers.setStatus(suppressed.id, 'suppressed', new Date(consent.at));
    for (const each of [confirmed, unsubscribed, suppressed]) {
      expect(await ttlOf(each.id)).toBeNull();
      expect(await ttlOf(`addr#${each.email}`)).toBeNull();
      expect(await stores.subscribers.extendPending(each, new Date('2036-11-25T09:30:00Z'))).toBe(false);
      expect(await ttlOf(each.id)).toBeNull();
    }
  });

  it('dates an unconfirmed signup of 8 days ago as expired by the clock DynamoDB deletes by; a confirmed one not at all', async () => {
    // DynamoDB deletes expired items "typically within two days"; DynamoDB Local did not delete
    // them within 60 s here, so this asserts what the deletion goes by: the TTL is in the past of
    // the machine's clock for the pending items and absent for the confirmed ones.
    const stores = createDynamoStores(services.dynamo, services.tableNames);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    const expired = pending('expiry-e@example.com', eightDaysAgo);
    const kept = pending('expiry-f@example.com', eightDaysAgo);
    await stores.subscribers.create(expired);
    await stores.subscribers.create(kept);
    expect(await stores.subscribers.confirm(kept.id, 0, consent, new Date())).toBe(true);
    const nowS = Date.now() / 1000;
    for (const id of [expired.id, 'addr#expiry-e@example.com']) {
      const ttl = await ttlOf(id);
      // One day ago, give or take the test's own run time.
      expect(typeof ttl === 'number' && ttl < nowS && ttl > nowS - 2 * 24 * 3600).toBe(true);
    }
    expect(await ttlOf(kept.id)).toBeNull();
    expect(await ttlOf('addr#expiry-f@example.com')).toBeNull();
    expect(pendingExpiry(new Date(eightDaysAgo))).toBeLessThan(nowS);
  });
});

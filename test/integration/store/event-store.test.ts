import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { toItem } from '../../../shared/store/attribute-value';
import { CorruptItemError, createDynamoStores, type DynamoStores } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { makeEvent } from './event-fixtures';

// Monday 2025-10-20 12:00Z is "now" for every store in this file.
const NOW = new Date('2025-10-20T12:00:00.000Z');

let services: LocalServices;
let stores: DynamoStores;
const corrupt: CorruptItemError[] = [];

beforeAll(async () => {
  services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames, {
    clock: { now: () => NOW },
    onCorruptItem: (error) => corrupt.push(error),
  });
}, LOCAL_SERVICES_TIMEOUT_MS);

// 18:00 EDT (−4) = 22:00Z on each of these October days.
const a = makeEvent('a', { start: '2025-10-22T22:00:00.000Z', end: '2025-10-23T00:00:00.000Z', startDate: '2025-10-22' });
const b = makeEvent('b', { start: '2025-10-23T22:00:00.000Z', end: '2025-10-24T00:00:00.000Z', startDate: '2025-10-23' });
const c = makeEvent('c', { start: '2025-10-24T22:00:00.000Z', end: '2025-10-25T00:00:00.000Z', startDate: '2025-10-24' });
// Ten days before NOW: past, but its end + 30 days (2025-11-09) is after NOW, so it is kept.
const past = makeEvent('past', { start: '2025-10-10T22:00:00.000Z', end: '2025-10-11T00:00:00.000Z', startDate: '2025-10-10' });
const d = makeEvent('d', { start: '2025-10-25T22:00:00.000Z', end: '2025-10-26T00:00:00.000Z', startDate: '2025-10-25' });

describe('EventStore.syncSourceEvents', () => {
  it('creates, skips, updates and removes with exact counts, and keeps history', async () => {
    const first = await stores.events.syncSourceEvents('lowell', [a, b, c, past], NOW);
    expect(first).toEqual({ created: 4, updated: 0, unchanged: 0, removed: 0, itemWrites: 4 });

    const again = await stores.events.syncSourceEvents('lowell', [a, b, c, past], NOW);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 4, removed: 0, itemWrites: 0 });

    const aChanged = makeEvent('a', { start: a.start, end: a.end, startDate: a.startDate }, 'v2');
    // c (upcoming) and past (history) are no longer listed; d is new.
    const third = await stores.events.syncSourceEvents('lowell', [aChanged, b, d], NOW);
    expect(third).toEqual({ created: 1, updated: 1, unchanged: 1, removed: 1, itemWrites: 3 });

    const bySource = await stores.events.listBySource('lowell');
    const removal = new Map(bySource.map((stored) => [stored.event.id, stored.removedAt]));
    expect(removal).toEqual(
      new Map([
        [past.id, null],
        [aChanged.id, null],
        [b.id, null],
        [c.id, NOW.toISOString()],
        [d.id, null],
      ]),
    );
    expect(bySource.find((stored) => stored.event.id === a.id)?.event.contentHash).toBe(aChanged.contentHash);

    const listed = await stores.events.listStartingBetween('2025-10-20', '2025-10-26');
    expect(listed.map((event) => event.id)).toEqual([aChanged.id, b.id, d.id]);
    // A removed event is still readable by id (history), it only leaves the listings.
    expect((await stores.events.get(c.id))?.id).toBe(c.id);

    const relisted = await stores.events.syncSourceEvents('lowell', [aChanged, b, c, d], NOW);
    expect(relisted).toEqual({ created: 0, updated: 1, unchanged: 3, removed: 0, itemWrites: 1 });
    expect((await stores.events.listStartingBetween('2025-10-24', '2025-10-24')).map((event) => event.id)).toEqual([c.id]);
  });

  it('refuses an invalid event before writing anything', async () => {
    const bad = { ...makeEvent('bad', { start: a.start, end: a.end, startDate: a.startDate }), title: '' };
    await expect(stores.events.syncSourceEvents('refused', [d, bad], NOW)).rejects.toThrow(/invalid; nothing was written/);
    expect(await stores.events.listBySource('refused')).toEqual([]);
  });

  it('does not store an event that ended longer ago than the retention', async () => {
    // Ends 2025-08-01; + 30 days = 2025-08-31, before NOW.
    const old = makeEvent('old', { start: '2025-07-31T22:00:00.000Z', end: '2025-08-01T00:00:00.000Z', startDate: '2025-07-31' });
    const stats = await stores.events.syncSourceEvents('old-feed', [old], NOW);
    expect(stats).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 0, itemWrites: 0 });
  });
});

describe('EventStore.listStartingBetween', () => {
  it('returns events by their local start date across the November DST change', async () => {
    const times = [
      // Sat 2025-11-01 23:30 EDT (−4) = 2025-11-02T03:30Z: a UTC Sunday but a local Saturday, so out.
      { key: 'sat-late', start: '2025-11-02T03:30:00.000Z', end: '2025-11-02T04:30:00.000Z', startDate: '2025-11-01' },
      // Sun 2025-11-02 01:30, the first (EDT, −4) of the two, = 05:30Z: in.
      { key: 'sun-ambiguous', start: '2025-11-02T05:30:00.000Z', end: '2025-11-02T06:30:00.000Z', startDate: '2025-11-02' },
      // Sat 2025-11-08 21:00 EST (−5) = 2025-11-09T02:00Z: a UTC Sunday but a local Saturday, so in.
      { key: 'sat-evening', start: '2025-11-09T02:00:00.000Z', end: '2025-11-09T03:00:00.000Z', startDate: '2025-11-08' },
      // Sun 2025-11-09 00:30 EST (−5) = 05:30Z: the day after the range, out.
      { key: 'next-sun', start: '2025-11-09T05:30:00.000Z', end: '2025-11-09T06:30:00.000Z', startDate: '2025-11-09' },
    ];
    const events = times.map((time) => makeEvent(time.key, time));
    await stores.events.syncSourceEvents('dst', events, NOW);
    const listed = await stores.events.listStartingBetween('2025-11-02', '2025-11-08');
    expect(listed.map((event) => event.title)).toEqual(['Event sun-ambiguous', 'Event sat-evening']);
  });

  it('skips an item whose TTL has passed though DynamoDB has not deleted it yet', async () => {
    const expired = makeEvent('expired', { start: '2025-12-01T15:00:00.000Z', end: '2025-12-01T16:00:00.000Z', startDate: '2025-12-01' });
    const live = makeEvent('live', { start: '2025-12-01T17:00:00.000Z', end: '2025-12-01T18:00:00.000Z', startDate: '2025-12-01' });
    await stores.events.syncSourceEvents('ttl', [live], NOW);
    // Written directly: the store never writes a past ttl, but TTL deletion lags by days.
    // ttl 1760000000 = 2025-10-09T08:53:20Z, before NOW.
    await services.dynamo.send(
      new PutItemCommand({
        TableName: services.tableNames.events,
        Item: toItem({
          id: expired.id,
          sourceId: 'ttl',
          day: expired.startDate,
          startId: `${expired.start}#${expired.id}`,
          ttl: 1_760_000_000,
          event: expired,
        }),
      }),
    );
    expect((await stores.events.listStartingBetween('2025-12-01', '2025-12-01')).map((event) => event.id)).toEqual([live.id]);
    expect(await stores.events.get(expired.id)).toBeNull();
    expect((await stores.events.listBySource('ttl')).map((stored) => stored.event.id)).toEqual([live.id]);
  });

  it('skips and reports a corrupt item, naming it, and lists the rest', async () => {
    const good = makeEvent('good', { start: '2025-12-05T17:00:00.000Z', end: '2025-12-05T18:00:00.000Z', startDate: '2025-12-05' });
    await stores.events.syncSourceEvents('corrupt', [good], NOW);
    await services.dynamo.send(
      new PutItemCommand({
        TableName: services.tableNames.events,
        Item: toItem({
          id: 'corrupt-item-1',
          sourceId: 'corrupt',
          day: '2025-12-05',
          startId: '2025-12-05T10:00:00.000Z#corrupt-item-1',
          ttl: 1_900_000_000,
          event: { title: 42 },
        }),
      }),
    );
    corrupt.length = 0;
    const listed = await stores.events.listStartingBetween('2025-12-05', '2025-12-05');
    expect(listed.map((event) => event.id)).toEqual([good.id]);
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]?.message).toContain('id="corrupt-item-1"');
    expect(corrupt[0]?.table).toBe(services.tableNames.events);
    await expect(stores.events.get('corrupt-item-1')).rejects.toBeInstanceOf(CorruptItemError);
  });

  it('refuses a range over 62 days and returns nothing for an empty one', async () => {
    await expect(stores.events.listStartingBetween('2025-10-01', '2025-12-31')).rejects.toThrow(/longer than 62 days/);
    expect(await stores.events.listStartingBetween('2025-10-02', '2025-10-01')).toEqual([]);
  });
});

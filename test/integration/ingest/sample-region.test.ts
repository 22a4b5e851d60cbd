/**
 * The bundled sample region, ingested twice into DynamoDB Local: the first run stores every shape
 * of source; the second, with nothing changed, makes no event writes and loses nothing.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserAgent, createFetcher } from '../../../shared/fetch';
import { ingestAll, type SourceRunResult } from '../../../shared/ingest/ingest';
import type { Source } from '../../../shared/model/source';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { parseSourcesFile } from '../../../shared/sources/sources-file';
import { SAMPLE_ORIGIN, serveSampleRegion, type SampleRegionServer } from '../../../sample/region';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';

// Sunday 2026-11-22 15:00 UTC = 10:00 EST; the sample feeds are generated for that day.
const now = new Date('2026-11-22T15:00:00Z');
const options = { horizonDays: 60, defaultTimeZone: 'America/New_York' };

const WriteInputSchema = z.object({ TableName: z.string().optional(), RequestItems: z.record(z.string(), z.unknown()).optional() });

const WRITE_COMMANDS = new Set(['PutItemCommand', 'BatchWriteItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

/** Counts write requests per table by watching the real client's middleware stack (no behaviour changes). */
function countWrites(client: DynamoDBClient): Map<string, number> {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName && WRITE_COMMANDS.has(context.commandName)) {
        const input = WriteInputSchema.parse(args.input);
        const tables = input.RequestItems ? Object.keys(input.RequestItems) : input.TableName ? [input.TableName] : [];
        for (const table of tables) counts.set(table, (counts.get(table) ?? 0) + 1);
      }
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );
  return counts;
}

describe('the sample region, ingested twice', () => {
  let stores: DynamoStores;
  let sample: SampleRegionServer;
  let sources: Source[];
  let eventsTable: string;
  let writes: Map<string, number>;
  let first: SourceRunResult[];
  let second: SourceRunResult[];
  let writesAfterFirst = 0;

  beforeAll(async () => {
    const local = await useLocalServices();
    eventsTable = local.tableNames.events;
    writes = countWrites(local.dynamo);
    stores = createDynamoStores(local.dynamo, local.tableNames);
    sample = await serveSampleRegion({ today: () => '2026-11-22' });
    const file = parseSourcesFile(readFileSync('sample/sources.json', 'utf8'), 'sample/sources.json');
    sources = file.sources.map((source) => ({ ...source, url: source.url.replace(SAMPLE_ORIGIN, sample.origin) }));
    const fetcher = createFetcher({
      userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/netmix' }),
      perHostDelayMs: 5,
      allowLoopback: { ports: [sample.port] },
    });
    const deps = { fetcher, events: stores.events, sourceStates: stores.sources, clock: { now: () => now } };
    first = await ingestAll(deps, sources, options);
    writesAfterFirst = writes.get(eventsTable) ?? 0;
    second = await ingestAll(deps, sources, options);
    await fetcher.close();
  }, LOCAL_SERVICES_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await sample.close();
  });

  it('reads every supported shape: 15 sources ok, the moved feed failed with its 404', () => {
    const failed = first.filter((result) => result.status !== 'ok');
    expect(failed.map((result) => [result.sourceId, result.status])).toEqual([['andover-chamber', 'failed']]);
    expect(failed[0]?.error).toMatch(/404/);
    for (const result of first.filter((item) => item.status === 'ok')) expect(result.found, result.sourceId).toBeGreaterThan(0);
    expect(writesAfterFirst).toBeGreaterThan(0);
  });

  it('makes zero event writes on a second run of unchanged sources, and keeps every event', async () => {
    expect(writes.get(eventsTable) ?? 0).toBe(writesAfterFirst);
    expect(second.filter((result) => result.sourceId !== 'andover-chamber').every((result) => result.status === 'unchanged')).toBe(true);
    for (const result of first.filter((item) => item.status === 'ok')) {
      const stored = await stores.events.listBySource(result.sourceId);
      expect(stored.filter((item) => item.removedAt === null), result.sourceId).toHaveLength(result.found);
    }
  });

  it('stores the weekly Google series with its moved and skipped weeks at the right instants', async () => {
    const stored = (await stores.events.listBySource('natick-wednesday')).map((item) => item.event);
    const starts = stored.map((event) => event.start).sort();
    // Wednesdays 08:30 EST (−5) = 13:30Z; the week of Dec 9 moves to Thursday Dec 10, Dec 16 is skipped.
    expect(starts.slice(0, 4)).toEqual(['2026-11-25T13:30:00.000Z', '2026-12-02T13:30:00.000Z', '2026-12-10T13:30:00.000Z', '2026-12-23T13:30:00.000Z']);
    expect(stored.every((event) => event.audience === 'job-seeker')).toBe(true);
  });

  it('reads Outlook\'s Windows zone names as New York time', async () => {
    const stored = (await stores.events.listBySource('boston-hr')).map((item) => item.event);
    const breakfast = stored.find((event) => event.title.startsWith('HR Breakfast Roundtable'));
    // Friday 2026-11-27 07:30 "Eastern Standard Time" = 07:30 EST (−5) = 12:30Z.
    expect(breakfast?.start).toBe('2026-11-27T12:30:00.000Z');
    expect(stored.find((event) => event.title === 'Holiday social')?.status).toBe('cancelled');
  });

  it('reads the group that only writes its schedule as a sentence', async () => {
    const stored = (await stores.events.listBySource('andover-job-seekers')).map((item) => item.event);
    // 1st and 3rd Thursdays 09:00 EST (−5) = 14:00Z from Nov 22 for 60 days: Dec 3, Dec 17, Jan 7 (Jan 21 09:00 is past the horizon).
    expect(stored.map((event) => event.start).sort()).toEqual(['2026-12-03T14:00:00.000Z', '2026-12-17T14:00:00.000Z', '2027-01-07T14:00:00.000Z']);
    expect(stored.every((event) => event.provenance === 'schedule-text' && event.venue?.postalCode === '01810')).toBe(true);
  });

  it('lists the next week by local day with one Query per day', async () => {
    const week = await stores.events.listStartingBetween('2026-11-23', '2026-11-29');
    expect(week.length).toBeGreaterThan(15);
    expect(week.every((event) => event.startDate >= '2026-11-23' && event.startDate <= '2026-11-29')).toBe(true);
  });
});

/**
 * Schedule sentences through the real ingest: a volunteer list of groups served over HTTP on
 * 127.0.0.1 and a sources-file entry that carries its own schedule (never fetched), stored in
 * DynamoDB Local. Run on Mon 2027-03-01 with a 30-day horizon: the window is Mar 1 00:00 EST
 * (05:00Z) to Mar 31 00:00 EDT (04:00Z); DST starts Sun Mar 14.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserAgent, createFetcher } from '../../../shared/fetch';
import { ingestAll, type SourceRunResult } from '../../../shared/ingest/ingest';
import { SourcesFileSchema, type Source } from '../../../shared/model/source';
import type { Clock } from '../../../shared/ports';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';

const PAGE = readFileSync(new URL('../../fixtures/schedule-text/volunteer-list.html', import.meta.url), 'utf8');
const now = new Date('2027-03-01T12:00:00Z');
const clock: Clock = { now: () => now };
const options = { horizonDays: 30, defaultTimeZone: 'America/New_York' };

describe('ingest of schedule sentences', () => {
  let server: HttpFixture;
  let stores: DynamoStores;
  let sources: Source[];
  let first: Map<string, SourceRunResult>;
  let second: Map<string, SourceRunResult>;

  beforeAll(async () => {
    const local = await useLocalServices();
    stores = createDynamoStores(local.dynamo, local.tableNames);
    server = await startHttpFixture({
      '/robots.txt': respond(404),
      '/groups': respond(200, PAGE, { 'content-type': 'text/html; charset=utf-8' }),
    });
    // Read through the sources-file schema, as the ingest gets its entries.
    sources = SourcesFileSchema.parse({
      region: { name: 'Test', timeZone: 'America/New_York' },
      sources: [
        { id: 'st-volunteer-list', name: 'Merrimack Valley groups', kind: 'job-seeker-group', audience: 'job-seeker', fetch: 'html', url: server.url('/groups') },
        {
          id: 'st-chelmsford-job-club',
          name: 'Chelmsford Job Club',
          kind: 'job-seeker-group',
          audience: 'job-seeker',
          url: server.url('/chelmsford'),
          schedule: 'Meets every Wednesday, 9:00 to 10:30 a.m.',
          place: { name: 'Chelmsford Public Library', address: '25 Boston Rd', city: 'Chelmsford', region: 'MA', postalCode: '01824' },
        },
      ],
    }).sources;
    const fetcher = createFetcher({
      userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/netmix' }),
      perHostDelayMs: 5,
      allowLoopback: { ports: [server.port] },
    });
    const deps = { events: stores.events, sourceStates: stores.sources, clock, fetcher };
    try {
      first = new Map((await ingestAll(deps, sources, options)).map((result) => [result.sourceId, result]));
      second = new Map((await ingestAll(deps, sources, options)).map((result) => [result.sourceId, result]));
    } finally {
      await fetcher.close();
    }
  }, LOCAL_SERVICES_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await server.close();
  });

  it('stores every readable group of the list and counts the unreadable ones as problems', async () => {
    // Andover 1 (Mar 4), Burlington 4 (Thu 4–25), Lowell 5 (Tue 2–30), Nashua 2 (Mar 3, 17; Mar 31 is past the
    // horizon), Virtual Job Club 1 (Mar 29), Over-50 9 (Mon 1–29, Wed 3–24) = 22; Chelmsford and Tewksbury are problems.
    expect(first.get('st-volunteer-list')).toMatchObject({ status: 'ok', found: 22, created: 22, problems: 2 });
    const stored = await stores.events.listBySource('st-volunteer-list');
    expect(stored).toHaveLength(22);
    const burlington = stored.filter((item) => item.event.title === 'Wednesday Is Networking Day — Burlington').map((item) => item.event.start).sort();
    // Thu 08:30: Mar 4, 11 EST = 13:30Z; Mar 18, 25 EDT = 12:30Z.
    expect(burlington).toEqual(['2027-03-04T13:30:00.000Z', '2027-03-11T13:30:00.000Z', '2027-03-18T12:30:00.000Z', '2027-03-25T12:30:00.000Z']);
    expect(stored.every((item) => item.event.provenance === 'schedule-text' && item.event.scheduleText !== null)).toBe(true);
    expect(stored.find((item) => item.event.title.startsWith('Andover'))?.event.venue?.postalCode).toBe('01810');
  });

  it('reads an entry that carries its own schedule without fetching it', async () => {
    expect(first.get('st-chelmsford-job-club')).toMatchObject({ status: 'ok', found: 4, created: 4, problems: 0 });
    expect(server.requestsTo('/chelmsford')).toHaveLength(0);
    const stored = (await stores.events.listBySource('st-chelmsford-job-club')).map((item) => item.event);
    // Wed 09:00: Mar 3, 10 EST = 14:00Z; Mar 17, 24 EDT = 13:00Z (Mar 31 is past the horizon).
    expect(stored.map((event) => event.start).sort()).toEqual(['2027-03-03T14:00:00.000Z', '2027-03-10T14:00:00.000Z', '2027-03-17T13:00:00.000Z', '2027-03-24T13:00:00.000Z']);
    expect(stored[0]).toMatchObject({
      title: 'Chelmsford Job Club',
      url: server.url('/chelmsford'),
      provenance: 'schedule-text',
      scheduleText: 'Meets every Wednesday, 9:00 to 10:30 a.m.',
      venue: { name: 'Chelmsford Public Library', city: 'Chelmsford', postalCode: '01824' },
    });
  });

  it('writes nothing on a second run of the same day', () => {
    expect(second.get('st-volunteer-list')?.status).toBe('unchanged');
    expect(second.get('st-chelmsford-job-club')?.status).toBe('unchanged');
  });
});

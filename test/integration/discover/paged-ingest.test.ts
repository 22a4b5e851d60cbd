/**
 * A paged platform API through the real ingest: The Events Calendar's REST API on 127.0.0.1
 * (next_rest_url from page 1 to page 2) into DynamoDB Local. A later page that fails fails the
 * run, and the events stored from the last good run are all kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSource } from '../../../shared/ingest/ingest';
import { SourceSchema } from '../../../shared/model/source';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import type { HttpFixture } from '../../support/http-fixtures';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';
import { DISCOVERY_NOW, localOnlyFetcher, startJobSeekerSite } from './site';

// Today Oct 15 2026 in New York; 90 days ahead is Jan 13 2027. refreshLookaheadDays past the horizon
// makes every run read the pages again instead of trusting an unchanged first page.
const options = { horizonDays: 90, defaultTimeZone: 'America/New_York', refreshLookaheadDays: 1000 };

describe('ingest of a paged platform API', () => {
  let server: HttpFixture;
  let stores: DynamoStores;

  beforeAll(async () => {
    const local = await useLocalServices();
    // The store's "now" is the test's too, or its TTL filter would hide October events as expired.
    stores = createDynamoStores(local.dynamo, local.tableNames, { clock: { now: () => DISCOVERY_NOW } });
    server = await startJobSeekerSite();
  }, LOCAL_SERVICES_TIMEOUT_MS);

  afterAll(async () => {
    await server.close();
  });

  it('reads both pages, then keeps every stored event when page 2 fails', async () => {
    const source = SourceSchema.parse({ id: 'paged-tribe', name: 'Merrimack Valley Job Seekers', kind: 'job-seeker-group', audience: 'job-seeker', fetch: 'json', url: server.url('/wp-json/tribe/events/v1/events') });
    const deps = { events: stores.events, sourceStates: stores.sources, clock: { now: () => DISCOVERY_NOW } };
    const fetcher = localOnlyFetcher(server);
    try {
      const first = await ingestSource({ ...deps, fetcher }, source, options);
      // Page 1: Oct 29 22:00Z, Nov 5 14:00Z; page 2: all day Nov 1 (04:00Z, EDT midnight); Mar 16 is
      // past the horizon; page 2's two broken items are problems.
      expect([first.status, first.found, first.created, first.problems]).toEqual(['ok', 3, 3, 2]);
      expect(server.requests.filter((request) => request.path === '/wp-json/tribe/events/v1/events').map((request) => request.url)).toEqual([
        '/wp-json/tribe/events/v1/events',
        '/wp-json/tribe/events/v1/events?page=2',
      ]);
      const stored = (await stores.events.listBySource('paged-tribe')).map((entry) => entry.event.start).sort();
      expect(stored).toEqual(['2026-10-29T22:00:00.000Z', '2026-11-01T04:00:00.000Z', '2026-11-05T14:00:00.000Z']);

      // Next day: page 1 still answers (now listing nothing itself), page 2 is down.
      server.route('/wp-json/tribe/events/v1/events', (request, response) => {
        const broken = (request.url ?? '').includes('page=2');
        response.writeHead(broken ? 500 : 200, { 'content-type': 'application/json' });
        response.end(broken ? 'database error' : pageOne(server));
      });
      const second = await ingestSource({ ...deps, fetcher }, source, options);
      expect(second.status).toBe('failed');
      expect(second.error).toMatch(/500/);
      const after = await stores.events.listBySource('paged-tribe');
      expect(after).toHaveLength(3);
      expect(after.every((entry) => entry.removedAt === null)).toBe(true);
    } finally {
      await fetcher.close();
    }
  });
});

function pageOne(server: HttpFixture): string {
  return JSON.stringify({
    events: [],
    rest_url: server.url('/wp-json/tribe/events/v1/events?page=1'),
    next_rest_url: server.url('/wp-json/tribe/events/v1/events?page=2'),
    total: 3,
    total_pages: 2,
  });
}

/**
 * Sources over their budget (issue 8 §4), through the ingest against DynamoDB Local and pages on
 * 127.0.0.1: a page that takes too long, one that needs too much memory, one over the source's
 * event cap. Each fails as `over-budget` with the reason, and keeps every event it had stored.
 * The limits are real worker limits, set small so ordinary pages reach them quickly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserAgent, createFetcher } from '../../../shared/fetch';
import { ingestAll, type IngestDeps, type SourceRunResult } from '../../../shared/ingest/ingest';
import { SourceSchema, type Source } from '../../../shared/model/source';
import type { Clock } from '../../../shared/ports';
import { BoundedReader, readWithinBudget } from '../../../shared/sources/bounded-read';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { flatPage, nestedNamedItems } from '../../support/hostile-pages';
import { respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';

// Monday 2026-11-23 12:00 UTC; the events are in the following weeks.
const now = new Date('2026-11-23T12:00:00Z');
const clock: Clock = { now: () => now };
const options = { horizonDays: 60, defaultTimeZone: 'America/New_York', concurrency: 3 };

/** `count` h-events on consecutive days from Nov 25 2026, 18:00 local (EST, −5 → 23:00Z). */
function eventPage(id: string, count: number): string {
  const events = Array.from({ length: count }, (_, index) => {
    const day = String(25 + index).padStart(2, '0');
    const date = 25 + index <= 30 ? `2026-11-${day}` : `2026-12-${String(index - 5).padStart(2, '0')}`;
    return `<div class="h-event"><span class="p-name">${id} meeting ${index + 1}</span><time class="dt-start" datetime="${date}T18:00">${date}</time></div>`;
  });
  return `<!doctype html><html><head><title>${id}</title></head><body>${events.join('')}</body></html>`;
}

function source(id: string, url: string, extra: Record<string, unknown> = {}): Source {
  return SourceSchema.parse({ id, name: `Source ${id}`, kind: 'association', audience: 'professional', fetch: 'html', url, ...extra });
}

describe('sources over budget', () => {
  let server: HttpFixture;
  let stores: DynamoStores;
  let sources: Source[];
  let first: Map<string, SourceRunResult>;
  let second: Map<string, SourceRunResult>;
  const readers: BoundedReader[] = [];

  beforeAll(async () => {
    const local = await useLocalServices();
    stores = createDynamoStores(local.dynamo, local.tableNames);
    server = await startHttpFixture({ '/robots.txt': respond(404) });
    for (const id of ['slow', 'greedy', 'capped']) server.route(`/${id}.html`, respond(200, eventPage(id, 3), { 'content-type': 'text/html' }));
    sources = [
      source('slow', server.url('/slow.html')),
      source('greedy', server.url('/greedy.html')),
      source('capped', server.url('/capped.html'), { maxEvents: 5 }),
    ];
    const fetcher = () =>
      createFetcher({
        userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/netmix' }),
        perHostDelayMs: 1,
        maxBytes: 3_000_000,
        allowLoopback: { ports: [server.port] },
      });
    // One reader per limit under test, each real: a 400 ms deadline, a 40 MB heap (a bare worker
    // needs about 30), and the default reader for the event cap.
    // The slow page (10,000 nested items, the most that fit the 2 MB document cap) takes about
    // 0.84 s to read on a quiet machine here: a 1 s deadline passed or failed with the load.
    const slow = new BoundedReader({ deadlineMs: 400, poolSize: 1 });
    const greedy = new BoundedReader({ maxHeapMb: 40, deadlineMs: 60_000 });
    readers.push(slow, greedy);
    // The first document a worker reads also pays for loading the normaliser's tables: read one
    // first, so the deadline measures the page and not the warm-up.
    await slow.read(eventPage('warm-up', 1), { id: 'warm-up', name: 'Warm-up', kind: 'association', audience: 'professional', timeZone: 'America/New_York' }, { from: now, to: new Date('2027-01-31T00:00:00Z'), defaultTimeZone: 'America/New_York' });
    const deps = (fetch: IngestDeps['fetcher']): IngestDeps => ({
      fetcher: fetch,
      events: stores.events,
      sourceStates: stores.sources,
      clock,
      read: (text, context, readOptions) => {
        if (context.id === 'slow') return slow.read(text, context, readOptions);
        if (context.id === 'greedy') return greedy.read(text, context, readOptions);
        return readWithinBudget(text, context, readOptions);
      },
    });

    const day1 = fetcher();
    first = new Map((await ingestAll(deps(day1), sources, options)).map((r) => [r.sourceId, r]));
    await day1.close();

    // The next day each page turns hostile in its own way.
    server.route('/slow.html', respond(200, nestedNamedItems(10_000), { 'content-type': 'text/html' }));
    server.route('/greedy.html', respond(200, flatPage(1_500_000), { 'content-type': 'text/html' }));
    server.route('/capped.html', respond(200, eventPage('capped', 10), { 'content-type': 'text/html' }));
    const day2 = fetcher();
    second = new Map((await ingestAll(deps(day2), sources, options)).map((r) => [r.sourceId, r]));
    await day2.close();
  }, LOCAL_SERVICES_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await Promise.all([server.close(), ...readers.map((reader) => reader.close())]);
  });

  it('stores three events per source on the healthy first run', () => {
    for (const item of sources) expect(first.get(item.id), item.id).toMatchObject({ status: 'ok', found: 3, created: 3 });
  });

  it.each([
    ['slow', /^deadline: reading the document took longer than 400 ms$/],
    ['greedy', /^memory: reading the document needed more than 40 MB$/],
    ['capped', /^limit: the page lists more than 5 events$/],
  ] as const)('%s fails as over-budget with its reason and keeps its three stored events', async (id, reason) => {
    const result = second.get(id);
    expect(result?.status, result?.error ?? '').toBe('over-budget');
    expect(result?.error).toMatch(reason);
    expect(result).toMatchObject({ created: 0, updated: 0, removed: 0 });
    const stored = await stores.events.listBySource(id);
    expect(stored.map((item) => item.event.title).sort()).toEqual([`${id} meeting 1`, `${id} meeting 2`, `${id} meeting 3`]);
    expect(stored.every((item) => item.removedAt === null)).toBe(true);
    // 2026-11-25 18:00 EST (UTC−5) = 23:00Z.
    expect(stored.find((item) => item.event.title === `${id} meeting 1`)?.event.start).toBe('2026-11-25T23:00:00.000Z');
  });

  it('records the over-budget status in the source health, and the page is fetched afresh next time', async () => {
    const health = await stores.sources.get('capped');
    expect(health).toMatchObject({ lastStatus: 'over-budget', consecutiveFailures: 1, eventsFound: 3 });
    expect(health?.lastError).toMatch(/more than 5 events/);
  });
});

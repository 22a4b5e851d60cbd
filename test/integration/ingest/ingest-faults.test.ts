/**
 * The ingest job against real parts: DynamoDB Local and HTTP servers on 127.0.0.1 that misbehave in
 * every way a source can. Each source ends in the right status, the others are stored, and a source
 * that fails keeps every event it had.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserAgent, createFetcher, type Fetcher } from '../../../shared/fetch';
import { ingestAll, type SourceRunResult } from '../../../shared/ingest/ingest';
import { SourceSchema, type Source } from '../../../shared/model/source';
import type { Clock } from '../../../shared/ports';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { buildIcs, type TestEvent } from '../../support/ics-builder';
import { gzipBomb, redirectTo, respond, startHttpFixture, type HttpFixture, type RouteHandler } from '../../support/http-fixtures';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';

// Monday 2026-11-23 12:00 UTC; the events below are in the following two weeks.
const now = new Date('2026-11-23T12:00:00Z');
const clock: Clock = { now: () => now };
const options = { horizonDays: 30, defaultTimeZone: 'America/New_York', concurrency: 4 };

const FAULTS = [
  'steady', // unchanged, answers 304 to our ETag
  'http-500',
  'never-answers',
  'trickles',
  'fifty-megabytes',
  'gzip-bomb',
  'redirect-to-metadata',
  'redirect-to-runtime-api',
  'six-redirects',
  'changed',
] as const;

function eventsOf(id: string): TestEvent[] {
  // 18:00 EST (−5) = 23:00Z on Nov 25 and Dec 2; 07:30 EST = 12:30Z on Nov 27.
  return [
    { uid: `${id}-a@test`, title: `${id} chapter meeting`, start: '2026-11-25T23:00:00Z' },
    { uid: `${id}-b@test`, title: `${id} breakfast roundtable`, start: '2026-11-27T12:30:00Z' },
    { uid: `${id}-c@test`, title: `${id} networking night`, start: '2026-12-02T23:00:00Z' },
  ];
}

/** Serves a feed with an ETag and answers 304 when the client already has it. */
function feed(body: string): RouteHandler {
  const etag = `"${body.length}"`;
  return (request, response) => {
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/calendar', etag });
    response.end(body);
  };
}

function trickle(): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/calendar' });
    const timer = setInterval(() => response.write('B'), 100);
    response.on('close', () => {
      clearInterval(timer);
    });
  };
}

function stream(totalBytes: number): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/calendar' });
    const chunk = Buffer.alloc(64 * 1024, 66);
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    response.on('close', () => {
      sent = totalBytes;
    });
    pump();
  };
}

function source(id: string, url: string): Source {
  return SourceSchema.parse({ id, name: `Source ${id}`, kind: 'association', audience: 'professional', fetch: 'ical', url });
}

function fetcherFor(servers: HttpFixture[]): Fetcher {
  return createFetcher({
    userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/netmix' }),
    timeouts: { connectMs: 500, headersMs: 500, bodyIdleMs: 500, totalMs: 1500 },
    perHostDelayMs: 5,
    maxBytes: 1_000_000,
    allowLoopback: { ports: servers.map((server) => server.port) },
  });
}

describe('ingest against misbehaving sources', () => {
  let main: HttpFixture;
  let robotsDisallow: HttpFixture;
  let robotsDown: HttpFixture;
  let stores: DynamoStores;
  let sources: Source[];
  let first: Map<string, SourceRunResult>;
  let second: Map<string, SourceRunResult>;

  beforeAll(async () => {
    const local = await useLocalServices();
    stores = createDynamoStores(local.dynamo, local.tableNames);
    main = await startHttpFixture({ '/robots.txt': respond(404) });
    robotsDisallow = await startHttpFixture({ '/robots.txt': respond(200, 'User-agent: *\nAllow: /\n') });
    robotsDown = await startHttpFixture({ '/robots.txt': respond(200, 'User-agent: *\nAllow: /\n') });
    for (const id of FAULTS) main.route(`/${id}.ics`, feed(buildIcs(id, eventsOf(id))));
    robotsDisallow.route('/feed.ics', feed(buildIcs('robots-disallow', eventsOf('robots-disallow'))));
    robotsDown.route('/feed.ics', feed(buildIcs('robots-down', eventsOf('robots-down'))));
    sources = [
      ...FAULTS.map((id) => source(id, main.url(`/${id}.ics`))),
      source('robots-disallow', robotsDisallow.url('/feed.ics')),
      source('robots-down', robotsDown.url('/feed.ics')),
    ];
    const servers = [main, robotsDisallow, robotsDown];
    const deps = { events: stores.events, sourceStates: stores.sources, clock };

    const firstFetcher = fetcherFor(servers);
    first = new Map((await ingestAll({ ...deps, fetcher: firstFetcher }, sources, options)).map((r) => [r.sourceId, r]));
    await firstFetcher.close();

    // The next day every source but `steady` misbehaves (a new fetcher: robots.txt is fetched afresh).
    main.route('/http-500.ics', respond(500, 'oops'));
    main.route('/never-answers.ics', () => undefined);
    main.route('/trickles.ics', trickle());
    main.route('/fifty-megabytes.ics', stream(50 * 1024 * 1024));
    main.route('/gzip-bomb.ics', respond(200, gzipBomb(200), { 'content-type': 'text/calendar', 'content-encoding': 'gzip' }));
    main.route('/redirect-to-metadata.ics', redirectTo('http://169.254.169.254/latest/meta-data/'));
    main.route('/redirect-to-runtime-api.ics', redirectTo('http://127.0.0.1:9001/2018-06-01/runtime/invocation/next'));
    main.route('/six-redirects.ics', redirectTo('/hop1'));
    for (let hop = 1; hop < 6; hop += 1) main.route(`/hop${hop}`, redirectTo(`/hop${hop + 1}`));
    main.route('/hop6', respond(200, buildIcs('x', [])));
    const [kept, retitled] = eventsOf('changed');
    if (!kept || !retitled) throw new Error('eventsOf returns three events');
    main.route('/changed.ics', feed(buildIcs('changed', [kept, { ...retitled, title: 'changed breakfast roundtable (new speaker)' }])));
    robotsDisallow.route('/robots.txt', respond(200, 'User-agent: *\nDisallow: /\n'));
    robotsDown.route('/robots.txt', respond(503, 'maintenance'));

    const secondFetcher = fetcherFor(servers);
    second = new Map((await ingestAll({ ...deps, fetcher: secondFetcher }, sources, options)).map((r) => [r.sourceId, r]));
    await secondFetcher.close();
  }, LOCAL_SERVICES_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await Promise.all([main.close(), robotsDisallow.close(), robotsDown.close()]);
  });

  it('stores every source on the first, healthy run', () => {
    for (const item of sources) {
      expect(first.get(item.id), item.id).toMatchObject({ status: 'ok', found: 3, created: 3 });
    }
  });

  it.each([
    ['steady', 'unchanged', null],
    ['http-500', 'failed', /http-status/],
    ['never-answers', 'failed', /timeout/],
    ['trickles', 'failed', /timeout/],
    ['fifty-megabytes', 'failed', /too-large/],
    ['gzip-bomb', 'failed', /too-large/],
    ['redirect-to-metadata', 'failed', /forbidden-address/],
    ['redirect-to-runtime-api', 'failed', /forbidden-address/],
    ['six-redirects', 'failed', /too-many-redirects/],
    ['robots-disallow', 'blocked-by-robots', /blocked-by-robots/],
    ['robots-down', 'blocked-by-robots', /robots-unreachable/],
  ] as const)('%s ends %s and keeps all three stored events', async (id, status, error) => {
    const result = second.get(id);
    expect(result?.status).toBe(status);
    if (error) expect(result?.error).toMatch(error);
    const stored = await stores.events.listBySource(id);
    expect(stored.map((item) => item.event.title).sort()).toEqual(eventsOf(id).map((event) => event.title).sort());
    expect(stored.every((item) => item.removedAt === null)).toBe(true);
  });

  it('records failures in the source health', async () => {
    const failed = await stores.sources.get('http-500');
    expect(failed).toMatchObject({ lastStatus: 'failed', consecutiveFailures: 1, eventsFound: 3 });
    expect(failed?.lastSuccessAt).toBe(now.toISOString());
    expect(failed?.lastError).toMatch(/500/);
  });

  it('defers a source whose host answers 429 with Retry-After, keeps its events, and does not ask again early', async () => {
    // Its own server and fetcher: a Retry-After rightly holds back every request to that host.
    const server = await startHttpFixture({ '/robots.txt': respond(404), '/feed.ics': feed(buildIcs('retry', eventsOf('retry'))) });
    const retrySource = source('retry-after', server.url('/feed.ics'));
    const deps = { events: stores.events, sourceStates: stores.sources, clock };
    try {
      const healthy = fetcherFor([server]);
      expect((await ingestAll({ ...deps, fetcher: healthy }, [retrySource], options))[0]?.status).toBe('ok');
      await healthy.close();
      server.route('/feed.ics', respond(429, 'slow down', { 'retry-after': '120' }));
      const busy = fetcherFor([server]);
      const [deferred] = await ingestAll({ ...deps, fetcher: busy }, [retrySource], options);
      expect(deferred).toMatchObject({ status: 'deferred' });
      expect(deferred?.error).toMatch(/retry-later/);
      // 12:00:00Z + 120 s
      expect((await stores.sources.get('retry-after'))?.notBefore).toBe('2026-11-23T12:02:00.000Z');
      const requestsBefore = server.requestsTo('/feed.ics').length;
      const [again] = await ingestAll({ ...deps, fetcher: busy }, [retrySource], options);
      expect(again?.status).toBe('deferred');
      expect(server.requestsTo('/feed.ics')).toHaveLength(requestsBefore);
      await busy.close();
      expect((await stores.events.listBySource('retry-after')).filter((item) => item.removedAt === null)).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('applies a successful change: one updated, one marked removed (kept as history), one unchanged', async () => {
    expect(second.get('changed')).toMatchObject({ status: 'ok', found: 2, created: 0, updated: 1, unchanged: 1, removed: 1 });
    const stored = await stores.events.listBySource('changed');
    const removed = stored.filter((item) => item.removedAt !== null).map((item) => item.event.title);
    expect(removed).toEqual(['changed networking night']);
    const upcoming = await stores.events.listStartingBetween('2026-11-23', '2026-12-06');
    expect(upcoming.some((event) => event.title === 'changed networking night')).toBe(false);
    expect(upcoming.some((event) => event.title === 'changed breakfast roundtable (new speaker)')).toBe(true);
  });

  it('never lets a misbehaving source hold up or touch the healthy one', () => {
    expect(second.get('steady')).toMatchObject({ status: 'unchanged', created: 0, updated: 0, removed: 0 });
  });
});

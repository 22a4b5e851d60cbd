import { afterEach, describe, expect, it } from 'vitest';
import { RetryLaterError, type Fetcher } from '../../../shared/fetch';
import { respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { failureOf, fetcherFor } from './fetcher-for';

let server: HttpFixture | undefined;
let fetcher: Fetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  server = undefined;
  fetcher = undefined;
});

describe('per-host politeness (SC-08)', () => {
  it('turns 429 with Retry-After: 120 into retry-later 120 and sends nothing more to that host', async () => {
    server = await startHttpFixture({ '/feed.ics': respond(429, 'slow down', { 'retry-after': '120' }) });
    const time = { now: 1_000_000 };
    fetcher = fetcherFor(server, { clock: () => time.now });
    const error = await failureOf(fetcher.fetch(server.url('/feed.ics')));
    expect(error).toBeInstanceOf(RetryLaterError);
    expect(error).toMatchObject({ code: 'retry-later', retryAfterSeconds: 120 });
    // 30 s later the host is still deferred for 90 s, and the server hears nothing.
    time.now += 30_000;
    await expect(fetcher.fetch(server.url('/other.ics'))).rejects.toMatchObject({ retryAfterSeconds: 90 });
    expect(server.requestsTo('/feed.ics')).toHaveLength(1);
    expect(server.requestsTo('/other.ics')).toHaveLength(0);
  });

  it('reads an HTTP-date Retry-After on 503: 07:28:00Z is 120 s after 07:26:00Z', async () => {
    server = await startHttpFixture({
      '/feed.ics': respond(503, '', { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }),
    });
    fetcher = fetcherFor(server, { clock: () => Date.UTC(2015, 9, 21, 7, 26, 0) });
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'retry-later', retryAfterSeconds: 120 });
  });

  it('reports a 503 without Retry-After as http-status 503', async () => {
    server = await startHttpFixture({ '/feed.ics': respond(503) });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'http-status', status: 503 });
  });

  it('never overlaps requests to one host and spaces them by the delay', async () => {
    const delayMs = 50;
    server = await startHttpFixture();
    for (const name of ['a', 'b', 'c']) {
      server.route(`/${name}.ics`, (_request, response) => {
        // Answer a little later so overlapping requests would have a chance to show.
        setTimeout(() => {
          response.end(name);
        }, 20);
      });
    }
    const polite = fetcherFor(server, { perHostDelayMs: delayMs });
    fetcher = polite;
    const target = server;
    const outcomes = await Promise.all(['a', 'b', 'c'].map((name) => polite.fetch(target.url(`/${name}.ics`))));
    expect(outcomes.map((outcome) => (outcome.kind === 'ok' ? outcome.body : null))).toEqual(['a', 'b', 'c']);
    expect(server.maxConcurrentRequests).toBe(1);
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/a.ics', '/b.ics', '/c.ics']);
    // Each request arrives at least the delay after the previous one was answered.
    const starts = server.requests.map((request) => request.receivedAt);
    const ends = server.requests.map((request) => request.closedAt ?? Number.POSITIVE_INFINITY);
    const gaps = starts.slice(1).map((start, index) => start - (ends[index] ?? Number.POSITIVE_INFINITY));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(delayMs);
  });
});

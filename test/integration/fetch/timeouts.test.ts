import { afterEach, describe, expect, it } from 'vitest';
import { FetchTimeoutError, type Fetcher } from '../../../shared/fetch';
import { neverAnswer, respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { fetcherFor } from './fetcher-for';

let server: HttpFixture | undefined;
let fetcher: Fetcher | undefined;
const timers: NodeJS.Timeout[] = [];

afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await fetcher?.close();
  await server?.close();
  server = undefined;
  fetcher = undefined;
});

const SHORT = { connectMs: 500, headersMs: 300, bodyIdleMs: 400, totalMs: 700 };

describe('timeouts (SC-09)', () => {
  it('fails with timeout when the server never sends headers', async () => {
    server = await startHttpFixture({ '/robots.txt': respond(404), '/feed.ics': neverAnswer() });
    fetcher = fetcherFor(server, { timeouts: SHORT });
    const error: unknown = await fetcher.fetch(server.url('/feed.ics')).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(FetchTimeoutError);
    expect(error).toMatchObject({ code: 'timeout' });
  });

  it('fails by the total deadline when the body trickles in faster than the idle timeout', async () => {
    server = await startHttpFixture({
      '/robots.txt': respond(404),
      '/feed.ics': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/calendar' });
        // One byte every 100 ms: never idle for 400 ms, never done either.
        timers.push(setInterval(() => response.write('x'), 100));
      },
    });
    fetcher = fetcherFor(server, { timeouts: SHORT });
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('700 ms') as unknown,
    });
  });

  it('fails with timeout when the body stalls longer than the idle timeout', async () => {
    server = await startHttpFixture({
      '/robots.txt': respond(404),
      '/feed.ics': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/calendar' });
        response.write('BEGIN:VCALENDAR\r\n');
      },
    });
    fetcher = fetcherFor(server, { timeouts: { ...SHORT, totalMs: 5000 } });
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'timeout' });
  });

  it('treats a robots.txt that never answers as unreachable: complete disallow (SC-02)', async () => {
    server = await startHttpFixture({ '/robots.txt': neverAnswer(), '/feed.ics': respond(200, 'x') });
    fetcher = fetcherFor(server, { timeouts: SHORT });
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'robots-unreachable' });
    expect(server.requestsTo('/feed.ics')).toHaveLength(0);
  });
});

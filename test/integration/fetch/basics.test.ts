import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpStatusError, TooLargeError, type Fetcher } from '../../../shared/fetch';
import { gzipBomb, respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { failureOf, fetcherFor } from './fetcher-for';

const FEED = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n';
const SC05 = /^Netmix\/\d.+\(.+(https?:|@).+\)/;

let server: HttpFixture | undefined;
let fetcher: Fetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  server = undefined;
  fetcher = undefined;
});

/** Streams `total` zero bytes in 64 KiB writes, honouring backpressure; returns what it managed. */
function streamZeros(response: ServerResponse, total: number, written: { bytes: number }): void {
  const chunk = Buffer.alloc(64 * 1024);
  const pump = (): void => {
    while (written.bytes < total && !response.destroyed) {
      written.bytes += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

describe('fetch against a local server', () => {
  it('fetches a feed with its validators, then gets not-modified on the conditional GET (SC-06)', async () => {
    server = await startHttpFixture({
      '/feed.ics': (request, response) => {
        if (request.headers['if-none-match'] === '"v1"') {
          response.writeHead(304, { etag: '"v1"' });
          response.end();
          return;
        }
        response.writeHead(200, {
          'content-type': 'text/calendar; charset=utf-8',
          etag: '"v1"',
          'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT',
        });
        response.end(FEED);
      },
    });
    fetcher = fetcherFor(server);
    const first = await fetcher.fetch(server.url('/feed.ics'));
    expect(first).toEqual({
      kind: 'ok',
      body: FEED,
      finalUrl: server.url('/feed.ics'),
      etag: '"v1"',
      lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT',
      contentType: 'text/calendar; charset=utf-8',
    });
    const second = await fetcher.fetch(server.url('/feed.ics'), { etag: '"v1"', lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT' });
    expect(second).toEqual({ kind: 'not-modified' });
    const [, conditional] = server.requestsTo('/feed.ics');
    expect(conditional?.headers['if-none-match']).toBe('"v1"');
    expect(conditional?.headers['if-modified-since']).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
  });

  it('sends our honest User-Agent on robots.txt and on the page (SC-05)', async () => {
    server = await startHttpFixture({ '/feed.ics': respond(200, FEED) });
    fetcher = fetcherFor(server);
    await fetcher.fetch(server.url('/feed.ics'));
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/feed.ics']);
    for (const request of server.requests) expect(request.headers['user-agent']).toMatch(SC05);
  });

  it('reports a 500 as http-status 500', async () => {
    server = await startHttpFixture({ '/feed.ics': respond(500, 'oops') });
    fetcher = fetcherFor(server);
    const error = await failureOf(fetcher.fetch(server.url('/feed.ics')));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ code: 'http-status', status: 500 });
  });

  it('decodes a latin1 page by its Content-Type charset', async () => {
    server = await startHttpFixture({
      '/page': respond(200, Buffer.from([0x43, 0x61, 0x66, 0xe9]), { 'content-type': 'text/html; charset=iso-8859-1' }),
    });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/page'))).resolves.toMatchObject({ kind: 'ok', body: 'Café' });
  });

  it('aborts a streamed 50 MB body at the 5 MB cap (SC-10)', async () => {
    const written = { bytes: 0 };
    server = await startHttpFixture({
      '/big.ics': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/calendar' });
        streamZeros(response, 50 * 1024 * 1024, written);
      },
    });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/big.ics'))).rejects.toBeInstanceOf(TooLargeError);
    expect(written.bytes).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a Content-Length over the cap before reading the body', async () => {
    const written = { bytes: 0 };
    server = await startHttpFixture({
      '/big.ics': (_request, response) => {
        response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
        streamZeros(response, 50 * 1024 * 1024, written);
      },
    });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/big.ics'), undefined, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('Content-Length') as unknown,
    });
    expect(written.bytes).toBeLessThan(50 * 1024 * 1024);
  });

  it('stops a gzip bomb that inflates to 1 GiB at the cap (SC-10)', async () => {
    const bomb = gzipBomb(1024);
    server = await startHttpFixture({
      '/bomb.ics': respond(200, bomb, { 'content-type': 'text/calendar', 'content-encoding': 'gzip' }),
    });
    fetcher = fetcherFor(server);
    const before = process.memoryUsage().arrayBuffers;
    await expect(fetcher.fetch(server.url('/bomb.ics'), undefined, { maxBytes: 2 * 1024 * 1024 })).rejects.toMatchObject({
      code: 'too-large',
    });
    // Bounded memory: far below the 1 GiB the bomb would inflate to.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(256 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('still reads a small gzip body in full', async () => {
    server = await startHttpFixture({ '/feed.ics': respond(200, gzipBomb(1), { 'content-encoding': 'gzip' }) });
    fetcher = fetcherFor(server);
    const outcome = await fetcher.fetch(server.url('/feed.ics'), undefined, { maxBytes: 2 * 1024 * 1024 });
    expect(outcome.kind === 'ok' ? outcome.body.length : 0).toBe(1024 * 1024);
  });
});

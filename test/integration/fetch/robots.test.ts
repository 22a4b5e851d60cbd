import { afterEach, describe, expect, it } from 'vitest';
import { BlockedByRobotsError, RobotsUnreachableError, type Fetcher } from '../../../shared/fetch';
import { redirectTo, respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { fetcherFor } from './fetcher-for';

let server: HttpFixture | undefined;
let fetcher: Fetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  server = undefined;
  fetcher = undefined;
});

describe('robots.txt (SC-01…SC-04)', () => {
  it('blocks a disallowed page without requesting it', async () => {
    server = await startHttpFixture({
      '/robots.txt': respond(200, 'User-agent: *\nAllow: /\n\nUser-agent: Netmix\nDisallow: /private/\n'),
      '/private/feed.ics': respond(200, 'secret'),
      '/public/feed.ics': respond(200, 'fine'),
    });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/private/feed.ics'))).rejects.toBeInstanceOf(BlockedByRobotsError);
    await expect(fetcher.fetch(server.url('/public/feed.ics'))).resolves.toMatchObject({ body: 'fine' });
    expect(server.requestsTo('/private/feed.ics')).toHaveLength(0);
    // Fetched once for both pages.
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('fetches the page when robots.txt is 404', async () => {
    server = await startHttpFixture({ '/feed.ics': respond(200, 'ok') });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/feed.ics'))).resolves.toMatchObject({ kind: 'ok', body: 'ok' });
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it.each([503, 500, 429])('treats robots.txt %i as complete disallow (robots-unreachable)', async (status) => {
    server = await startHttpFixture({ '/robots.txt': respond(status), '/feed.ics': respond(200, 'ok') });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toBeInstanceOf(RobotsUnreachableError);
    expect(server.requestsTo('/feed.ics')).toHaveLength(0);
  });

  it('follows a robots.txt redirect on the same server', async () => {
    server = await startHttpFixture({
      '/robots.txt': redirectTo('/robots-real.txt', 301),
      '/robots-real.txt': respond(200, 'User-agent: Netmix\nDisallow: /\n'),
      '/feed.ics': respond(200, 'ok'),
    });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'blocked-by-robots' });
  });

  it('treats a robots.txt redirected to a forbidden address as unreachable', async () => {
    server = await startHttpFixture({
      '/robots.txt': redirectTo('http://169.254.169.254/robots.txt'),
      '/feed.ics': respond(200, 'ok'),
    });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'robots-unreachable' });
  });

  it('reads a 2 MiB robots.txt up to 500 KiB instead of rejecting it (SC-03)', async () => {
    const padding = '# ' + 'x'.repeat(76) + '\n';
    const robots = 'User-agent: Netmix\nDisallow: /early\n' + padding.repeat(Math.ceil((2 * 1024 * 1024) / padding.length)) + 'Disallow: /late\n';
    server = await startHttpFixture({
      '/robots.txt': respond(200, robots, { 'content-type': 'text/plain' }),
      '/early': respond(200, 'early'),
      '/late': respond(200, 'late'),
    });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/early'))).rejects.toMatchObject({ code: 'blocked-by-robots' });
    // The rule past 500 KiB was never read.
    await expect(fetcher.fetch(server.url('/late'))).resolves.toMatchObject({ body: 'late' });
  });

  it('honours Crawl-delay as a floor on the per-host delay (SC-04)', async () => {
    server = await startHttpFixture({
      '/robots.txt': respond(200, 'User-agent: Netmix\nCrawl-delay: 2\n'),
      '/a': respond(200, 'a'),
      '/b': respond(200, 'b'),
    });
    // A fake clock that only sleep moves, so a 2 s politeness wait costs no real time.
    const time = { now: 0 };
    const sleeps: number[] = [];
    fetcher = fetcherFor(server, {
      perHostDelayMs: 100,
      clock: () => time.now,
      sleep: (ms) => {
        sleeps.push(ms);
        time.now += ms;
        return Promise.resolve();
      },
    });
    await fetcher.fetch(server.url('/a'));
    await fetcher.fetch(server.url('/b'));
    // robots.txt is read before /a is sent, so both robots.txt → /a and /a → /b wait the 2000 ms
    // Crawl-delay rather than the 100 ms default.
    expect(sleeps).toEqual([2000, 2000]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { type Fetcher } from '../../../shared/fetch';
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

/** Routes /hop/0 → /hop/1 → … → /hop/<count>, which answers 200. */
function chain(target: HttpFixture, count: number): void {
  for (let hop = 0; hop < count; hop += 1) target.route(`/hop/${hop}`, redirectTo(`/hop/${hop + 1}`, hop % 2 === 0 ? 301 : 307));
  target.route(`/hop/${count}`, respond(200, 'arrived'));
}

describe('redirects (SC-23)', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'forbidden-address'],
    ['http://127.0.0.1:9001/2018-06-01/runtime/invocation/next', 'forbidden-address'],
    ['http://[::ffff:127.0.0.1]/', 'forbidden-address'],
    ['http://0x7f000001/', 'forbidden-address'],
    ['file:///proc/self/environ', 'bad-url'],
    ['https://user:pass@example.org/', 'bad-url'],
  ])('refuses a redirect to %s with %s', async (location, code) => {
    server = await startHttpFixture({ '/feed.ics': redirectTo(location) });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code });
  });

  it('refuses a redirect to another loopback port than the one the test allowed', async () => {
    const other = await startHttpFixture({ '/feed.ics': respond(200, 'internal') });
    try {
      server = await startHttpFixture({ '/feed.ics': redirectTo(other.url('/feed.ics')) });
      fetcher = fetcherFor(server);
      await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'forbidden-address' });
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('follows five redirects and reports the final URL', async () => {
    server = await startHttpFixture();
    chain(server, 5);
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/hop/0'))).resolves.toMatchObject({
      kind: 'ok',
      body: 'arrived',
      finalUrl: server.url('/hop/5'),
    });
  });

  it('gives up after the fifth redirect: six chained redirects → too-many-redirects', async () => {
    server = await startHttpFixture();
    chain(server, 6);
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/hop/0'))).rejects.toMatchObject({ code: 'too-many-redirects' });
    expect(server.requestsTo('/hop/6')).toHaveLength(0);
  });

  it('reports a redirect without Location as http-status', async () => {
    server = await startHttpFixture({ '/feed.ics': respond(302) });
    fetcher = fetcherFor(server);
    await expect(fetcher.fetch(server.url('/feed.ics'))).rejects.toMatchObject({ code: 'http-status', status: 302 });
  });
});

/**
 * HTTPS fetched for real: TLS servers on 127.0.0.1 with certificates from a CA made in this test
 * (`test/support/test-ca.ts`, system openssl), trusted only by the fetcher under test through its
 * test-only `ca` option. The host name `feeds.test` resolves to 127.0.0.1 through the fetcher's
 * `resolve` option (no DNS), so the certificate is checked against the name, as in production.
 *
 * Redirect policy: http → https is followed (an upgrade); https → http is refused with
 * `insecure-redirect` — a feed the operator asked for over TLS is not read in clear text.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../../shared/fetch';
import { redirectTo, respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { createTestCa, type IssuedCert, type TestCa } from '../../support/test-ca';
import { failureOf, TEST_USER_AGENT } from './fetcher-for';

const HOST = 'feeds.test';
const FEED = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n';

interface TlsFixture {
  port: number;
  url(path: string): string;
  close(): Promise<void>;
}

/** An https server for `cert` answering a few fixed paths; everything else is 404 (robots.txt too). */
async function startTlsFixture(cert: IssuedCert, routes: Readonly<Record<string, (port: number) => { status: number; headers?: Record<string, string>; body?: string }>>): Promise<TlsFixture> {
  let port = 0;
  const server: Server = createServer({ cert: cert.cert, key: cert.key }, (request, response) => {
    const route = routes[(request.url ?? '/').split('?')[0] ?? '/'];
    const answer = route === undefined ? { status: 404, body: 'not found' } : route(port);
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body ?? '');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('TLS fixture has no TCP address');
  port = (address satisfies AddressInfo).port;
  return {
    port,
    url: (path) => `https://${HOST}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe('HTTPS with a test CA', () => {
  let ca: TestCa;
  let good: TlsFixture;
  let wrongHost: TlsFixture;
  let expired: TlsFixture;
  let plain: HttpFixture;
  const fetchers: Fetcher[] = [];

  const fetcherWith = (overrides: Partial<FetcherOptions> = {}): Fetcher => {
    const fetcher = createFetcher({
      userAgent: TEST_USER_AGENT,
      allowLoopback: { ports: [good.port, wrongHost.port, expired.port, plain.port] },
      resolve: () => Promise.resolve(['127.0.0.1']),
      perHostDelayMs: 0,
      timeouts: { connectMs: 2000, headersMs: 2000, bodyIdleMs: 2000, totalMs: 5000 },
      ca: ca.caCert,
      ...overrides,
    });
    fetchers.push(fetcher);
    return fetcher;
  };

  beforeAll(async () => {
    ca = await createTestCa();
    plain = await startHttpFixture({ '/feed.ics': respond(200, FEED, { 'content-type': 'text/calendar' }) });
    good = await startTlsFixture(await ca.issue(HOST), {
      '/feed.ics': () => ({ status: 200, headers: { 'content-type': 'text/calendar', etag: '"tls1"' }, body: FEED }),
      '/to-http': () => ({ status: 302, headers: { location: `http://${HOST}:${plain.port}/feed.ics` } }),
    });
    plain.route('/to-https', redirectTo(`https://${HOST}:${good.port}/feed.ics`, 301));
    wrongHost = await startTlsFixture(await ca.issue('other.test'), { '/feed.ics': () => ({ status: 200, body: FEED }) });
    // Valid Jan 1 – Feb 1 2025 (UTC): long past on any clock this test runs on.
    expired = await startTlsFixture(await ca.issue(HOST, { notBefore: new Date(Date.UTC(2025, 0, 1)), notAfter: new Date(Date.UTC(2025, 1, 1)) }), {
      '/feed.ics': () => ({ status: 200, body: FEED }),
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(fetchers.map((fetcher) => fetcher.close()));
    await Promise.all([good?.close(), wrongHost?.close(), expired?.close(), plain?.close()]);
    await ca?.dispose();
  });

  it('fetches a feed over TLS from a server whose certificate the test CA signed for its name', async () => {
    const outcome = await fetcherWith().fetch(good.url('/feed.ics'));
    expect(outcome).toMatchObject({ kind: 'ok', body: FEED, etag: '"tls1"', finalUrl: `https://${HOST}:${good.port}/feed.ics` });
  });

  it('trusts the test CA only where it is passed: a fetcher without `ca` refuses the same server', async () => {
    const error = await failureOf(fetcherWith({ ca: undefined }).fetch(good.url('/feed.ics')));
    expect(error).toMatchObject({ code: 'tls' });
    expect(String(error)).toMatch(/TLS certificate of feeds\.test:\d+ (is not signed by a trusted CA|chains to an untrusted self-signed CA)/);
  });

  it('follows a redirect from http to https (an upgrade)', async () => {
    const outcome = await fetcherWith().fetch(`http://${HOST}:${plain.port}/to-https`);
    expect(outcome).toMatchObject({ kind: 'ok', body: FEED, finalUrl: `https://${HOST}:${good.port}/feed.ics` });
  });

  it('refuses a redirect from https to plain http, naming the downgrade, and never asks the http server for the feed', async () => {
    const before = plain.requestsTo('/feed.ics').length;
    const error = await failureOf(fetcherWith().fetch(good.url('/to-http')));
    expect(error).toMatchObject({ code: 'insecure-redirect' });
    expect(String(error)).toContain(`${HOST}:${good.port} redirected from https to plain http`);
    expect(plain.requestsTo('/feed.ics').length).toBe(before);
  });

  it('refuses an expired certificate with a message naming the cause', async () => {
    const error = await failureOf(fetcherWith().fetch(expired.url('/feed.ics')));
    expect(error).toMatchObject({ code: 'tls', message: `TLS certificate of ${HOST}:${expired.port} has expired (CERT_HAS_EXPIRED)` });
  });

  it('refuses a certificate for another host name with a message naming the cause', async () => {
    const error = await failureOf(fetcherWith().fetch(wrongHost.url('/feed.ics')));
    expect(error).toMatchObject({
      code: 'tls',
      message: `TLS certificate of ${HOST}:${wrongHost.port} is for another host name (ERR_TLS_CERT_ALTNAME_INVALID)`,
    });
  });
});

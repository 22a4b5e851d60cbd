import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFetcher } from '../../../shared/fetch';
import { respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { TEST_USER_AGENT } from './fetcher-for';

/** A public address that stands for "some host on the internet"; nothing is ever sent to it. */
const PUBLIC_ADDRESS = '93.184.216.34';

function isTcpOptions(value: unknown): value is net.TcpNetConnectOpts {
  return typeof value === 'object' && value !== null && 'host' in value && 'port' in value;
}

describe('DNS pinning (SC-22)', () => {
  let internal: HttpFixture;
  let publicStandIn: HttpFixture;
  const dialled: string[] = [];

  beforeAll(async () => {
    internal = await startHttpFixture({ '/feed.ics': respond(200, 'INTERNAL SECRET') });
    publicStandIn = await startHttpFixture({ '/feed.ics': respond(200, 'public feed') });
    // Mock, because a test may not reach the internet: a socket to PUBLIC_ADDRESS is re-pointed at
    // a local stand-in server. Every other address is dialled for real, so a connection that went
    // to 127.0.0.1 would reach `internal` and show up in its request log.
    const realConnect = net.connect;
    vi.spyOn(net, 'connect').mockImplementation((...args: unknown[]) => {
      const [options] = args;
      if (!isTcpOptions(options)) throw new Error('unexpected net.connect call in this test');
      dialled.push(String(options.host));
      return options.host === PUBLIC_ADDRESS
        ? realConnect({ ...options, host: '127.0.0.1', port: publicStandIn.port })
        : realConnect(options);
    });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await internal.close();
    await publicStandIn.close();
  });

  it('dials the address it checked, even when the name re-resolves to 127.0.0.1 afterwards', async () => {
    // The rebinding DNS server: a public answer first, loopback for every later question.
    const answers: string[] = [];
    const resolve = (hostname: string): Promise<readonly string[]> => {
      const answer = answers.length === 0 ? PUBLIC_ADDRESS : '127.0.0.1';
      answers.push(`${hostname}=${answer}`);
      return Promise.resolve([answer]);
    };
    const fetcher = createFetcher({ userAgent: TEST_USER_AGENT, perHostDelayMs: 0, resolve });
    try {
      // The URL's port is the internal server's, so a client that re-resolved would land there.
      const outcome = await fetcher.fetch(`http://rebind.test:${internal.port}/feed.ics`);
      expect(outcome).toMatchObject({ kind: 'ok', body: 'public feed' });
    } finally {
      await fetcher.close();
    }
    expect(internal.requests).toHaveLength(0);
    expect(dialled).not.toContain('127.0.0.1');
    expect(dialled.length).toBeGreaterThan(0);
    // One DNS answer per connection, and it is the one the socket used.
    expect(answers).toEqual(dialled.map(() => `rebind.test=${PUBLIC_ADDRESS}`));
    expect(publicStandIn.requests.map((request) => request.path)).toEqual(['/robots.txt', '/feed.ics']);
    expect(publicStandIn.requests[1]?.headers.host).toBe(`rebind.test:${internal.port}`);
  });
});

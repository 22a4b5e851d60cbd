import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildUserAgent, createFetcher, FetchError, isAllowedAddress, type Fetcher } from '../../../shared/fetch';

const userAgent = buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/contact' });

describe('isAllowedAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['::1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['fc00::1', false],
    ['0.0.0.0', false],
    ['0.1.2.3', false],
    ['100.64.0.1', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['240.0.0.1', false],
    ['192.0.2.1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', false],
    ['::127.0.0.1', false],
    ['64:ff9b::7f00:1', false],
    ['2002:7f00:1::', false],
    ['ff02::1', false],
    ['::', false],
    ['not-an-ip', false],
    ['1', false],
  ])('%s → %s', (address, allowed) => {
    expect(isAllowedAddress(address, 80)).toBe(allowed);
  });

  it('lets exact loopback through only on an allowed port (test-only opt-in)', () => {
    const loopback = { ports: [8080] };
    expect(isAllowedAddress('127.0.0.1', 8080, loopback)).toBe(true);
    expect(isAllowedAddress('::1', 8080, loopback)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', 9001, loopback)).toBe(false);
    expect(isAllowedAddress('127.0.0.2', 8080, loopback)).toBe(false);
    expect(isAllowedAddress('::ffff:127.0.0.1', 8080, loopback)).toBe(false);
    expect(isAllowedAddress('10.0.0.1', 8080, loopback)).toBe(false);
  });
});

describe('URLs refused before any connection (SC-20, SC-21, SC-24)', () => {
  const connectAttempts: unknown[] = [];
  const onConnect = (message: unknown): void => {
    connectAttempts.push(message);
  };
  const resolved: string[] = [];
  let fetcher: Fetcher;

  beforeAll(() => {
    subscribe('undici:client:beforeConnect', onConnect);
    fetcher = createFetcher({
      userAgent,
      perHostDelayMs: 0,
      resolve: (hostname) => {
        resolved.push(hostname);
        return Promise.resolve(['127.0.0.1']);
      },
      // The loopback allowance must not open the Runtime API port or the default ports.
      allowLoopback: { ports: [65000] },
    });
  });
  afterEach(() => {
    connectAttempts.length = 0;
    resolved.length = 0;
  });
  afterAll(async () => {
    unsubscribe('undici:client:beforeConnect', onConnect);
    await fetcher.close();
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'forbidden-address'],
    ['http://[::ffff:127.0.0.1]/', 'forbidden-address'],
    ['http://2130706433/', 'forbidden-address'],
    ['http://0x7f000001/', 'forbidden-address'],
    ['http://0177.0.0.1/', 'forbidden-address'],
    ['http://[fd00::1]/', 'forbidden-address'],
    ['http://100.64.0.1/', 'forbidden-address'],
    ['http://10.1.2.3/', 'forbidden-address'],
    ['http://[::1]/', 'forbidden-address'],
    ['http://[fe80::1]/', 'forbidden-address'],
    ['http://0.0.0.0/', 'forbidden-address'],
    ['http://127.0.0.1:9001/2018-06-01/runtime/invocation/next', 'forbidden-address'],
    ['file:///proc/self/environ', 'bad-url'],
    ['ftp://x/', 'bad-url'],
    ['gopher://x/', 'bad-url'],
    ['data:text/plain,hi', 'bad-url'],
    ['https://user:pass@example.org/', 'bad-url'],
    ['javascript:alert(1)', 'bad-url'],
    ['not a url', 'bad-url'],
  ])('%s → %s', async (url, code) => {
    const error: unknown = await fetcher.fetch(url).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ code });
    expect(connectAttempts).toHaveLength(0);
    expect(resolved).toHaveLength(0);
  });

  it('keeps credentials out of the error message', async () => {
    await expect(fetcher.fetch('https://user:s3cret@example.org/')).rejects.toSatisfy(
      (error: unknown) => error instanceof Error && !error.message.includes('s3cret'),
    );
  });

  it('refuses a DNS name that resolves to loopback (127.0.0.1.nip.io) without opening a socket', async () => {
    const connected: unknown[] = [];
    const onConnected = (message: unknown): void => {
      connected.push(message);
    };
    subscribe('undici:client:connected', onConnected);
    try {
      await expect(fetcher.fetch('http://127.0.0.1.nip.io/')).rejects.toMatchObject({ code: 'forbidden-address' });
    } finally {
      unsubscribe('undici:client:connected', onConnected);
    }
    expect(resolved).toEqual(['127.0.0.1.nip.io']);
    // The connect hook ran (so the zero counts in the table above are meaningful), but no socket opened.
    expect(connectAttempts.length).toBeGreaterThan(0);
    expect(connected).toHaveLength(0);
  });
});

describe('a name with one public and one private address', () => {
  it('is refused: every resolved address must be public', async () => {
    const fetcher = createFetcher({
      userAgent,
      perHostDelayMs: 0,
      resolve: () => Promise.resolve(['93.184.216.34', '10.0.0.7']),
    });
    try {
      await expect(fetcher.fetch('https://mixed.example/feed.ics')).rejects.toMatchObject({ code: 'forbidden-address' });
    } finally {
      await fetcher.close();
    }
  });
});

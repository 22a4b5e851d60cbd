import { buildUserAgent, createFetcher, type Fetcher, type FetcherOptions } from '../../../shared/fetch';
import type { HttpFixture } from '../../support/http-fixtures';

export const TEST_USER_AGENT = buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/contact' });

/**
 * A fetcher that may reach exactly these fixture servers on 127.0.0.1 (the test-only loopback
 * allowance), with short timeouts and no per-host delay unless a test asks for one.
 */
export function fetcherFor(servers: HttpFixture | readonly HttpFixture[], overrides: Partial<FetcherOptions> = {}): Fetcher {
  const list = Array.isArray(servers) ? servers : [servers];
  return createFetcher({
    userAgent: TEST_USER_AGENT,
    allowLoopback: { ports: list.map((server: HttpFixture) => server.port) },
    perHostDelayMs: 0,
    timeouts: { connectMs: 1000, headersMs: 2000, bodyIdleMs: 2000, totalMs: 5000 },
    ...overrides,
  });
}

/** The rejection of `promise`, or null if it resolved: lets a test look at the error's fields. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

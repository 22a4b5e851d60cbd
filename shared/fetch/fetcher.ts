import { setTimeout as sleepFor } from 'node:timers/promises';
import { Agent } from './undici-slim';
import { assertLiteralHostAllowed, parseHttpUrl, type LoopbackAllowance } from './address-policy';
import { ACCEPTED_ENCODINGS, decodeText } from './body';
import {
  BlockedByRobotsError,
  FetchError,
  ForbiddenAddressError,
  HttpStatusError,
  InsecureRedirectError,
  RetryLaterError,
  RobotsUnreachableError,
  TlsError,
  TooManyRedirectsError,
} from './errors';
import { createHostQueue, type Clock } from './host-queue';
import { exchange, type ExchangeRequest, type ExchangeResponse } from './http-exchange';
import { createPinnedConnector, resolveWithSystem } from './pinned-connector';
import { parseRetryAfter } from './retry-after';
import {
  createRobotsCache,
  parseRobotsTxt,
  robotsAllows,
  robotsTextOf,
  ROBOTS_MAX_BYTES,
  type RobotsPolicy,
} from './robots';
import type { ConditionalHeaders, FetchLimits, FetchOutcome, Fetcher, FetcherOptions, FetchTimeouts } from './types';

const DEFAULT_TIMEOUTS: FetchTimeouts = { connectMs: 10_000, headersMs: 15_000, bodyIdleMs: 15_000, totalMs: 30_000 };
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_PER_HOST_DELAY_MS = 1000;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_MAX_POLITENESS_WAIT_MS = 60_000;
/** A 429 without Retry-After still means "not now"; ten minutes is a modest guess. */
const DEFAULT_429_RETRY_SECONDS = 600;
/** RFC 9309 §2.3.1.2: follow at least five redirects for robots.txt. */
const ROBOTS_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/calendar, text/html;q=0.9, application/xhtml+xml;q=0.9, */*;q=0.5';

/** A `Date.now` with sub-millisecond precision, so spacing checks do not lose a millisecond to rounding. */
const preciseNow: Clock = () => performance.timeOrigin + performance.now();

/**
 * Creates a polite, SSRF-safe fetcher (reliability.md SC-01…SC-24): robots.txt per origin,
 * one request at a time per host with a delay, conditional GET, timeouts, a decompressed-size cap,
 * and only public unicast addresses, checked at connect time and pinned, on every redirect hop.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const timeouts: FetchTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const clock = options.clock ?? preciseNow;
  const defaultMaxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const loopback: LoopbackAllowance | undefined = options.allowLoopback;

  const agent = new Agent({
    connect: createPinnedConnector({
      resolve: options.resolve ?? resolveWithSystem,
      loopback,
      connectTimeoutMs: timeouts.connectMs,
      ca: options.ca,
    }),
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyIdleMs,
    // One connection per origin: we send one request per host at a time anyway, and reusing the
    // socket means one DNS answer, checked once, serves robots.txt and the page.
    connections: 1,
  });
  const queue = createHostQueue({
    delayMs: options.perHostDelayMs ?? DEFAULT_PER_HOST_DELAY_MS,
    maxWaitMs: options.maxPolitenessWaitMs ?? DEFAULT_MAX_POLITENESS_WAIT_MS,
    clock,
    sleep: options.sleep ?? ((ms) => sleepFor(ms)),
  });
  const baseHeaders = { 'user-agent': options.userAgent, 'accept-encoding': ACCEPTED_ENCODINGS };

  const send = (request: Omit<ExchangeRequest, 'totalMs'>): Promise<ExchangeResponse> => {
    assertLiteralHostAllowed(request.url, loopback);
    return queue.run(request.url.hostname, () => exchange(agent, { ...request, totalMs: timeouts.totalMs }));
  };

  const robots = createRobotsCache({ clock, load: loadRobots });

  const enforceRobots = async (url: URL): Promise<void> => {
    assertLiteralHostAllowed(url, loopback);
    const policy = await robots.policyFor(url);
    if (policy.kind === 'unreachable') {
      throw new RobotsUnreachableError(`robots.txt of ${url.origin} is unreachable (${policy.reason})`, {
        cause: policy.cause,
      });
    }
    if (!robotsAllows(policy, url)) throw new BlockedByRobotsError(`robots.txt of ${url.origin} disallows ${url.pathname}`);
    if (policy.kind === 'rules' && policy.crawlDelayMs !== null) queue.raiseDelay(url.hostname, policy.crawlDelayMs);
  };

  const outcomeOf = (url: URL, response: ExchangeResponse): FetchOutcome => {
    const { status } = response;
    if (status === 304) return { kind: 'not-modified' };
    if (status >= 200 && status < 300) {
      const contentType = response.header('content-type');
      return {
        kind: 'ok',
        body: decodeText(response.body ?? Buffer.alloc(0), contentType),
        finalUrl: url.href,
        etag: response.header('etag'),
        lastModified: response.header('last-modified'),
        contentType,
      };
    }
    if (status === 429 || status === 503) {
      const now = clock();
      const seconds = parseRetryAfter(response.header('retry-after'), now);
      if (seconds !== null || status === 429) {
        const wait = seconds ?? DEFAULT_429_RETRY_SECONDS;
        queue.deferUntil(url.hostname, now + wait * 1000);
        throw new RetryLaterError(wait, `${url.host} answered ${status}; retry in ${wait} s`);
      }
    }
    throw new HttpStatusError(status, `${url.host} answered HTTP ${status}`);
  };

  return {
    async fetch(raw: string, conditional?: ConditionalHeaders, limits?: FetchLimits): Promise<FetchOutcome> {
      let url = parseHttpUrl(raw);
      const headers = { ...baseHeaders, accept: ACCEPT, ...validatorHeaders(conditional) };
      const maxBytes = limits?.maxBytes ?? defaultMaxBytes;
      for (let redirects = 0; ; ) {
        await enforceRobots(url);
        const response = await send({ url, headers, maxBytes, overflow: 'reject', wantsBody: isSuccess });
        const location = redirectLocation(response);
        if (location === null) return outcomeOf(url, response);
        redirects += 1;
        if (redirects > maxRedirects) throw new TooManyRedirectsError(`more than ${maxRedirects} redirects`);
        url = followRedirect(url, location);
      }
    },
    close: () => agent.close(),
  };

  async function loadRobots(robotsUrl: URL): Promise<RobotsPolicy> {
    const headers = { ...baseHeaders, accept: 'text/plain' };
    let url = robotsUrl;
    for (let redirects = 0; redirects <= ROBOTS_MAX_REDIRECTS; redirects += 1) {
      let response: ExchangeResponse;
      try {
        response = await send({ url, headers, maxBytes: ROBOTS_MAX_BYTES, overflow: 'truncate', wantsBody: isSuccess });
      } catch (error) {
        // The site's own address being forbidden, or its own certificate refused, is the real story;
        // anything after a redirect, or a timeout or network error, means robots.txt is unreachable:
        // complete disallow.
        if (redirects === 0 && (error instanceof ForbiddenAddressError || error instanceof TlsError)) throw error;
        if (error instanceof RetryLaterError) throw error;
        if (error instanceof FetchError) return { kind: 'unreachable', reason: error.code, cause: error };
        throw error;
      }
      const location = redirectLocation(response);
      if (location !== null) {
        try {
          url = parseHttpUrl(location, url);
        } catch (error) {
          return { kind: 'unreachable', reason: 'bad-url', cause: error };
        }
        continue;
      }
      return robotsPolicyOf(url, response);
    }
    // RFC 9309 §2.3.1.2: past five redirects robots.txt MAY be treated as unavailable (allow all).
    return { kind: 'allow-all' };
  }
}

function robotsPolicyOf(url: URL, response: ExchangeResponse): RobotsPolicy {
  const { status } = response;
  if (isSuccess(status)) return parseRobotsTxt(url, robotsTextOf(response.body ?? Buffer.alloc(0)));
  // RFC 9309 puts 429 among the 4xx ("allow all"); we treat it like 5xx, as large crawlers do:
  // a host that is rate-limiting us should not be crawled more.
  if (status === 429) return { kind: 'unreachable', reason: 'HTTP 429' };
  if (status >= 400 && status < 500) return { kind: 'allow-all' };
  return { kind: 'unreachable', reason: `HTTP ${status}` };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * The next URL of a redirect. http → https is followed (an upgrade); https → http is refused: the
 * operator wrote (or a hop reached) an https URL, and following would hand us a body any network
 * between could have changed, with no sign of it. The error names both URLs' schemes, so the fix
 * (put the http URL in the sources file, knowingly) is plain.
 */
function followRedirect(from: URL, location: string): URL {
  const next = parseHttpUrl(location, from);
  if (from.protocol === 'https:' && next.protocol === 'http:') {
    throw new InsecureRedirectError(`${from.host} redirected from https to plain http (${next.host}); refusing the downgrade`);
  }
  return next;
}

function redirectLocation(response: ExchangeResponse): string | null {
  return REDIRECT_STATUSES.has(response.status) ? response.header('location') : null;
}

function validatorHeaders(conditional: ConditionalHeaders | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (conditional?.etag) headers['if-none-match'] = conditional.etag;
  if (conditional?.lastModified) headers['if-modified-since'] = conditional.lastModified;
  return headers;
}

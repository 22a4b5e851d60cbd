import type { LoopbackAllowance } from './address-policy';
import type { Clock, Sleep } from './host-queue';
import type { ResolveHost } from './pinned-connector';

/** Timeouts of one HTTP exchange, in milliseconds. */
export interface FetchTimeouts {
  /** TCP (and TLS) connect. */
  readonly connectMs: number;
  /** From sending the request to the end of the response headers. */
  readonly headersMs: number;
  /** Longest silence between two body chunks. */
  readonly bodyIdleMs: number;
  /** Whole exchange, connect to last body byte: catches a server that trickles bytes. */
  readonly totalMs: number;
}

/** Options of `createFetcher`; everything but the User-Agent has a default. */
export interface FetcherOptions {
  /** Build it with `buildUserAgent`. */
  readonly userAgent: string;
  readonly timeouts?: Partial<FetchTimeouts>;
  /** Default cap on the decompressed body; default 5 MB. */
  readonly maxBytes?: number;
  /** Gap between requests to one host; default 1000 ms. robots.txt Crawl-delay can raise it. */
  readonly perHostDelayMs?: number;
  /** Redirects followed per fetch; default 5. */
  readonly maxRedirects?: number;
  /** A politeness wait longer than this throws `RetryLaterError` instead of sleeping; default 60 s. */
  readonly maxPolitenessWaitMs?: number;
  /** Default `Date.now`-like clock with sub-millisecond precision. */
  readonly clock?: Clock;
  /** Default `setTimeout`-based sleep. */
  readonly sleep?: Sleep;
  /** Default: the system resolver, all address families. */
  readonly resolve?: ResolveHost;
  /**
   * TEST ONLY. Lets 127.0.0.1 / ::1 through on exactly these ports. Production code never sets it;
   * every other loopback port (the Lambda Runtime API on 9001) and every redirect stays checked.
   */
  readonly allowLoopback?: LoopbackAllowance;
  /**
   * TEST ONLY. The CA certificates (PEM) that https servers must chain to, INSTEAD of Node's
   * bundled roots: lets a test trust its own CA without touching the process. Production never sets it.
   */
  readonly ca?: string | readonly string[];
}

/** Validators from the last successful fetch, sent as If-None-Match / If-Modified-Since. */
export interface ConditionalHeaders {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

/** Per-call limits. */
export interface FetchLimits {
  /** Overrides the fetcher's default body cap. */
  readonly maxBytes?: number;
}

/** A fetch that worked: the body, or "unchanged since the validators you sent". */
export type FetchOutcome =
  | {
      readonly kind: 'ok';
      readonly body: string;
      /** The URL after redirects. */
      readonly finalUrl: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
      readonly contentType: string | null;
    }
  | { readonly kind: 'not-modified' };

/** Polite, SSRF-safe HTTP GET. Failures throw a `FetchError` subclass. */
export interface Fetcher {
  fetch(url: string, conditional?: ConditionalHeaders, limits?: FetchLimits): Promise<FetchOutcome>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/** Why a fetch failed; each code has its own `FetchError` subclass. */
export type FetchErrorCode =
  | 'blocked-by-robots'
  | 'robots-unreachable'
  | 'forbidden-address'
  | 'bad-url'
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'too-many-redirects'
  | 'retry-later'
  | 'insecure-redirect'
  | 'tls'
  | 'network';

/**
 * Base of every error the fetcher throws. Messages never carry a fetched body or URL credentials,
 * so they are safe to store as a source's `lastError` and to log.
 */
export abstract class FetchError extends Error {
  abstract readonly code: FetchErrorCode;
  /** The HTTP status; set on `http-status` errors only. */
  declare readonly status?: number;
  /** Seconds the host asked us to wait; set on `retry-later` errors only. */
  declare readonly retryAfterSeconds?: number;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** robots.txt disallows the URL for our product token. */
export class BlockedByRobotsError extends FetchError {
  readonly code = 'blocked-by-robots';
}

/** robots.txt answered 5xx (or 429) or could not be fetched: RFC 9309 says assume complete disallow. */
export class RobotsUnreachableError extends FetchError {
  readonly code = 'robots-unreachable';
}

/** The host is, or resolves to, an address that is not public unicast (SSRF defence). */
export class ForbiddenAddressError extends FetchError {
  readonly code = 'forbidden-address';
}

/** Not an absolute http(s) URL, or it carries credentials. */
export class BadUrlError extends FetchError {
  readonly code = 'bad-url';
}

/** Connect, headers, body-idle or total deadline ran out. */
export class FetchTimeoutError extends FetchError {
  readonly code = 'timeout';
}

/** The (decompressed) body, or its announced Content-Length, is over the cap. */
export class TooLargeError extends FetchError {
  readonly code = 'too-large';
}

/** The server answered with a status we do not treat as success. */
export class HttpStatusError extends FetchError {
  readonly code = 'http-status';

  constructor(
    override readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** More redirects than allowed. */
export class TooManyRedirectsError extends FetchError {
  readonly code = 'too-many-redirects';
}

/** The host asked us to come back later (429/503 with Retry-After); the caller defers the source. */
export class RetryLaterError extends FetchError {
  readonly code = 'retry-later';

  constructor(
    override readonly retryAfterSeconds: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** DNS, socket, TLS or decoding failure. */
export class NetworkError extends FetchError {
  readonly code = 'network';
}

/** An https URL redirected to plain http: the body would arrive unauthenticated (see `createFetcher`). */
export class InsecureRedirectError extends FetchError {
  readonly code = 'insecure-redirect';
}

/** The server's TLS certificate was refused: expired, for another host, or not from a trusted CA. */
export class TlsError extends FetchError {
  readonly code = 'tls';
}

import type { Dispatcher } from 'undici';
import { errors } from './undici-slim';
import { readBody, type OverflowPolicy } from './body';
import { FetchError, FetchTimeoutError, NetworkError, TlsError, TooLargeError } from './errors';

/** One GET, no redirects followed. */
export interface ExchangeRequest {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly maxBytes: number;
  readonly overflow: OverflowPolicy;
  /** Whole-exchange deadline (connect to last body byte). */
  readonly totalMs: number;
  /** Statuses whose body we read; other bodies are drained (bounded) and dropped. */
  readonly wantsBody: (status: number) => boolean;
}

/** The raw answer: status, lower-case headers, and the decompressed body when it was wanted. */
export interface ExchangeResponse {
  readonly status: number;
  readonly header: (name: string) => string | null;
  readonly body: Buffer | null;
}

/** A drained body we do not want still lets the connection be reused if it is this small. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

/**
 * Sends one GET through `dispatcher` (the pinned agent) and maps every failure to a `FetchError`:
 * timeouts, size cap, connect-time address refusal, and anything else as `network`.
 */
export async function exchange(dispatcher: Dispatcher, request: ExchangeRequest): Promise<ExchangeResponse> {
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(new FetchTimeoutError(`no complete response within ${request.totalMs} ms`));
  }, request.totalMs);
  try {
    const response = await dispatcher.request({
      origin: request.url.origin,
      path: `${request.url.pathname}${request.url.search}`,
      method: 'GET',
      headers: { ...request.headers },
      signal: deadline.signal,
    });
    const header = headerReader(response.headers);
    if (!request.wantsBody(response.statusCode)) {
      await response.body.dump({ limit: DRAIN_LIMIT_BYTES, signal: deadline.signal });
      return { status: response.statusCode, header, body: null };
    }
    const declared = Number(header('content-length') ?? Number.NaN);
    if (request.overflow === 'reject' && declared > request.maxBytes) {
      response.body.destroy();
      throw new TooLargeError(`Content-Length ${declared} is over the ${request.maxBytes}-byte cap`);
    }
    const body = await readBody(response.body, {
      maxBytes: request.maxBytes,
      overflow: request.overflow,
      contentEncoding: header('content-encoding'),
    });
    return { status: response.statusCode, header, body };
  } catch (error) {
    throw classify(error, deadline.signal, request.url);
  } finally {
    clearTimeout(timer);
  }
}

/** Node's certificate-verification codes, with the cause an operator can act on. */
const TLS_CAUSES: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'is for another host name',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'chains to an untrusted self-signed CA',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'is not signed by a trusted CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'is not signed by a trusted CA',
  CERT_REVOKED: 'is revoked',
};

function tlsErrorOf(error: unknown, url: URL): TlsError | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  const cause = TLS_CAUSES[error.code];
  return cause === undefined ? null : new TlsError(`TLS certificate of ${url.host} ${cause} (${error.code})`, { cause: error });
}

function classify(error: unknown, deadline: AbortSignal, url: URL): FetchError {
  if (error instanceof FetchError) return error;
  const tls = tlsErrorOf(error, url);
  if (tls !== null) return tls;
  if (deadline.aborted && deadline.reason instanceof FetchError) return deadline.reason;
  if (error instanceof errors.ConnectTimeoutError) return new FetchTimeoutError('connect timed out', { cause: error });
  if (error instanceof errors.HeadersTimeoutError) return new FetchTimeoutError('no response headers in time', { cause: error });
  if (error instanceof errors.BodyTimeoutError) return new FetchTimeoutError('response body stalled', { cause: error });
  return new NetworkError(error instanceof Error ? error.message : 'request failed', { cause: error });
}

function headerReader(headers: Record<string, string | string[] | undefined>): (name: string) => string | null {
  return (name) => {
    const value = headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? (value[0] ?? null) : value;
  };
}

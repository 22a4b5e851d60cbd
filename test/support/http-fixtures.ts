/**
 * A real `node:http` server on 127.0.0.1 with an ephemeral port and programmable routes, for
 * integration tests that need HTTP (fetch, ingest). It records every request with a monotonic
 * timestamp and counts overlapping requests, so politeness can be checked from the server's side.
 *
 *   const server = await startHttpFixture({ '/feed.ics': respond(200, ics, { etag: '"v1"' }) });
 *   server.route('/robots.txt', respond(404));
 *   await fetcher.fetch(server.url('/feed.ics'));
 *   expect(server.requestsTo('/feed.ics')).toHaveLength(1);
 *   await server.close();
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** Handles one request; may answer late, slowly, or never (`close()` cuts it off). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  /** Path without the query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** `performance.now()` when the request arrived. */
  readonly receivedAt: number;
  /** `performance.now()` when the response closed; null while it is open. */
  closedAt: number | null;
}

/** A running fixture server. */
export interface HttpFixture {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Absolute URL of `path` on this server. */
  url(path: string): string;
  /** Adds or replaces the handler for an exact path (query ignored); unknown paths get 404. */
  route(path: string, handler: RouteHandler): void;
  /** Every request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests whose path (query ignored) is `path`. */
  requestsTo(path: string): RecordedRequest[];
  /** Most requests that were open at the same time. */
  readonly maxConcurrentRequests: number;
  /** TCP connections accepted so far. */
  readonly connectionCount: number;
  /** Stops the server, cutting any request still open. */
  close(): Promise<void>;
}

/** Starts a fixture server on 127.0.0.1:0 with the given routes. */
export async function startHttpFixture(routes: Readonly<Record<string, RouteHandler>> = {}): Promise<HttpFixture> {
  const handlers = new Map<string, RouteHandler>(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  let open = 0;
  let maxConcurrentRequests = 0;
  let connectionCount = 0;

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      url,
      path,
      headers: request.headers,
      receivedAt: performance.now(),
      closedAt: null,
    };
    requests.push(record);
    open += 1;
    maxConcurrentRequests = Math.max(maxConcurrentRequests, open);
    response.on('close', () => {
      open -= 1;
      record.closedAt = performance.now();
    });
    const handler = handlers.get(path) ?? respond(404, 'not found');
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(error instanceof Error ? error.message : 'handler failed');
    });
  });
  server.on('connection', () => {
    connectionCount += 1;
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no TCP address');
  const { port } = address satisfies AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    url: (path) => new URL(path, origin).href,
    route: (path, handler) => {
      handlers.set(path, handler);
    },
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    get maxConcurrentRequests() {
      return maxConcurrentRequests;
    },
    get connectionCount() {
      return connectionCount;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

/** A handler that answers `status` with `body` and `headers` at once. */
export function respond(status: number, body: string | Buffer = '', headers: OutgoingHttpHeaders = {}): RouteHandler {
  return (_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };
}

/** A handler that redirects to `location` (absolute, or relative to the request). */
export function redirectTo(location: string, status = 302): RouteHandler {
  return respond(status, '', { location });
}

/** A handler that reads the request and never answers (for header timeouts). */
export function neverAnswer(): RouteHandler {
  return () => undefined;
}

/**
 * A gzip body that inflates to `inflatedMiB` MiB of zeros while staying about 1 KiB per MiB: one
 * member of 1 MiB of zeros repeated (gzip allows concatenated members), so it costs almost
 * nothing to build. Serve it with `content-encoding: gzip`.
 */
export function gzipBomb(inflatedMiB: number): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: inflatedMiB }, () => member));
}

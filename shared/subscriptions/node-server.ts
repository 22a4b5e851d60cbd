/**
 * Serves the subscription app from Node for the local runner and the tests; on Lambda the same app
 * runs through `hono/aws-lambda` instead.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface ServedApp {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

/** Starts listening (port 0 picks a free one) and resolves once the server accepts connections. */
export async function serveSubscriptionApp(
  app: Hono,
  options: { port?: number; hostname?: string } = {},
): Promise<ServedApp> {
  const hostname = options.hostname ?? '127.0.0.1';
  const { server, info } = await new Promise<{ server: ReturnType<typeof serve>; info: AddressInfo }>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (address) => {
      resolve({ server: started, info: address });
    });
    started.once('error', reject);
  });
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  return {
    url: `http://${host}:${info.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

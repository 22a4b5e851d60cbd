import ipaddr from 'ipaddr.js';
import type { Context } from 'hono';

/**
 * The client address recorded as consent evidence (EM-33), or null when none is known.
 *
 * Behind API Gateway the nearest proxy appends the caller's address to `X-Forwarded-For`, so the
 * LAST entry is the one a client cannot forge; earlier entries are whatever the client sent. Without
 * the header (the local Node server), the socket address that `@hono/node-server` exposes on
 * `c.env.incoming` is used.
 */
export function clientIpOf(c: Context): string | null {
  const forwarded = c.req.header('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  if (last && ipaddr.isValid(last)) return last;
  const socketAddress = socketAddressOf(c.env);
  return socketAddress && ipaddr.isValid(socketAddress) ? socketAddress : null;
}

function socketAddressOf(env: unknown): string | null {
  if (!isRecord(env)) return null;
  const incoming = env['incoming'];
  if (!isRecord(incoming)) return null;
  const socket = incoming['socket'];
  if (!isRecord(socket)) return null;
  const address = socket['remoteAddress'];
  return typeof address === 'string' ? address : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

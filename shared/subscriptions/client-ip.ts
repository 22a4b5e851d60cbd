import ipaddr from 'ipaddr.js';
import type { Context } from 'hono';
import * as z from 'zod';
import { lazySchema } from '../model/lazy-schema';

/** Client addresses and CIDR ranges of proxies whose `X-Forwarded-For` may be believed. */
export const TrustedProxiesSchema = lazySchema(() => z
  .array(z.string().refine((value) => ipaddr.isValid(value) || isCidr(value), 'an IP address or CIDR range'))
  .max(50)
  .default([]));

function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}

/** How to find the client: API Gateway's source IP on AWS, else the socket, else (only behind a trusted proxy) `X-Forwarded-For`. */
export interface ClientIpOptions {
  trustedProxies?: readonly string[];
}

/**
 * The client address (consent evidence, EM-33, and the per-client signup limit), or null.
 *
 * On Lambda, API Gateway's own `requestContext` source IP: a header a client sends cannot change it.
 * On the Node server, the socket address; `X-Forwarded-For` is read only when the socket is a
 * configured trusted proxy, and then from the right, skipping trusted proxies, since entries to the
 * left of the last untrusted hop are whatever the client wrote.
 */
export function createClientIpResolver(options: ClientIpOptions = {}): (c: Context) => string | null {
  const trusted = TrustedProxiesSchema.parse(options.trustedProxies ?? []);
  const isTrusted = (address: string): boolean =>
    trusted.some((entry) => {
      try {
        const parsed = ipaddr.process(address);
        if (!entry.includes('/')) return parsed.toString() === ipaddr.process(entry).toString();
        const range = ipaddr.parseCIDR(entry);
        return parsed.kind() === range[0].kind() && parsed.match(range);
      } catch {
        return false;
      }
    });
  return (c) => {
    const gateway = GatewayEnvSchema.safeParse(c.env);
    if (gateway.success) return valid(gateway.data.event.requestContext.http?.sourceIp ?? gateway.data.event.requestContext.identity?.sourceIp);
    const socket = valid(SocketEnvSchema.safeParse(c.env).data?.incoming.socket.remoteAddress);
    if (socket === null || !isTrusted(socket)) return socket;
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    for (const hop of hops.reverse()) {
      if (!ipaddr.isValid(hop)) return socket;
      if (!isTrusted(hop)) return ipaddr.process(hop).toString();
    }
    return socket;
  };
}

/** The default: no proxy is trusted, so `X-Forwarded-For` is never read. */
export const clientIpOf = createClientIpResolver();

const GatewayEnvSchema = lazySchema(() => z.object({
  event: z.object({
    requestContext: z.object({
      http: z.object({ sourceIp: z.string() }).optional(),
      identity: z.object({ sourceIp: z.string() }).optional(),
    }),
  }),
}));

const SocketEnvSchema = lazySchema(() => z.object({ incoming: z.object({ socket: z.object({ remoteAddress: z.string() }) }) }));

function valid(address: string | undefined): string | null {
  if (address === undefined || !ipaddr.isValid(address)) return null;
  return ipaddr.process(address).toString();
}

import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BadUrlError, ForbiddenAddressError } from './errors';

/**
 * Test-only escape hatch: loopback (exactly 127.0.0.1 or ::1) becomes reachable on these ports.
 * Production code never sets it, so the Lambda Runtime API on 127.0.0.1:9001 stays out of reach.
 */
export interface LoopbackAllowance {
  readonly ports: readonly number[];
}

/** The only IPv6 block IANA allocates for global unicast; everything outside it is refused. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Parses `raw` as an absolute http(s) URL without credentials, or throws `BadUrlError`
 * (no I/O happens before this check).
 */
export function parseHttpUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (error) {
    throw new BadUrlError('not a valid URL', { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BadUrlError(`scheme ${url.protocol} is not allowed; only http: and https:`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new BadUrlError('URLs carrying credentials are not allowed');
  }
  return url;
}

/** The TCP port a parsed http(s) URL connects to. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * The IP address a URL's host spells, or null when the host is a DNS name. WHATWG URL parsing
 * has already turned decimal, hex and octal IPv4 forms (`2130706433`, `0x7f000001`, `0177.0.0.1`)
 * into dotted quads and bracketed IPv6 into its canonical form.
 */
export function ipLiteralOf(url: URL): string | null {
  const host = url.hostname;
  if (host.startsWith('[') && host.endsWith(']')) return host.slice(1, -1);
  return ipaddr.IPv4.isValidFourPartDecimal(host) ? host : null;
}

/**
 * True when connecting to `address` on `port` is allowed: public unicast only (ipaddr.js
 * `range()` is `unicast`, and for IPv6 inside 2000::/3), or exact loopback on a port the test-only
 * allowance lists. IPv4-mapped, NAT64, 6to4 and Teredo forms are refused outright rather than
 * decoded, since a public site has no reason to publish them.
 */
export function isAllowedAddress(address: string, port: number, loopback?: LoopbackAllowance): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.parse(address);
  if (loopback !== undefined && isExactLoopback(parsed) && loopback.ports.includes(port)) return true;
  if (parsed.range() !== 'unicast') return false;
  if (parsed.kind() === 'ipv6') return parsed.match(GLOBAL_UNICAST_V6);
  return true;
}

function isExactLoopback(parsed: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  const text = parsed.toNormalizedString();
  return text === '127.0.0.1' || text === '0:0:0:0:0:0:0:1';
}

/** Throws `ForbiddenAddressError` unless `address` passes {@link isAllowedAddress}. */
export function assertAllowedAddress(address: string, port: number, host: string, loopback?: LoopbackAllowance): void {
  if (!isAllowedAddress(address, port, loopback)) {
    const target = host === address || host === `[${address}]` ? `${host}:${port}` : `${host}:${port} (${address})`;
    throw new ForbiddenAddressError(`${target} is not a public unicast address`);
  }
}

/** Refuses an IP-literal host before any I/O; DNS names are checked when they are resolved. */
export function assertLiteralHostAllowed(url: URL, loopback?: LoopbackAllowance): void {
  const literal = ipLiteralOf(url);
  if (literal !== null) assertAllowedAddress(literal, effectivePort(url), url.hostname, loopback);
}

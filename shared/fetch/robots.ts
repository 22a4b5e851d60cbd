import robotsParser from 'robots-parser';
import type { Clock } from './host-queue';

/** The product token we look for in robots.txt `User-agent` lines. */
export const ROBOTS_PRODUCT_TOKEN = 'Netmix';
/** RFC 9309 §2.5: parse at least 500 KiB; we read exactly that much and drop the rest. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** RFC 9309 §2.4: do not use a cached robots.txt for more than 24 hours. */
export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * An unreachable robots.txt means "disallow all"; we re-ask sooner than 24 h so a short outage
 * does not block a host for a whole day in a long-running process.
 */
export const ROBOTS_UNREACHABLE_TTL_MS = 60 * 60 * 1000;

/** What robots.txt lets us do on one origin. */
export type RobotsPolicy =
  | { readonly kind: 'rules'; readonly isAllowed: (url: URL) => boolean; readonly crawlDelayMs: number | null }
  | { readonly kind: 'allow-all' }
  | { readonly kind: 'unreachable'; readonly reason: string; readonly cause?: unknown };

/** The robots.txt URL that governs `url` (same scheme, host and port). */
export function robotsUrlFor(url: URL): URL {
  return new URL('/robots.txt', url.origin);
}

/**
 * Parses robots.txt text with robots-parser (RFC 9309 matching: longest match wins, allow wins a
 * tie, `*` and `$` wildcards, and a group naming our token does not inherit the `*` group).
 */
export function parseRobotsTxt(robotsUrl: URL, text: string): RobotsPolicy {
  const robot = robotsParser(robotsUrl.href, text);
  const delaySeconds = robot.getCrawlDelay(ROBOTS_PRODUCT_TOKEN);
  const crawlDelayMs =
    typeof delaySeconds === 'number' && Number.isFinite(delaySeconds) && delaySeconds > 0 ? delaySeconds * 1000 : null;
  return {
    kind: 'rules',
    // robots-parser answers undefined for a URL of another origin; treat that as not allowed.
    isAllowed: (url) => robot.isAllowed(url.href, ROBOTS_PRODUCT_TOKEN) === true,
    crawlDelayMs,
  };
}

/**
 * Text of a robots.txt body read with a {@link ROBOTS_MAX_BYTES} cap: when the cap was hit, the
 * partial last line is dropped so a cut rule cannot change meaning (`Disallow: /private` → `/p`).
 */
export function robotsTextOf(bytes: Buffer): string {
  let usable = bytes;
  if (bytes.length >= ROBOTS_MAX_BYTES) {
    const lastNewline = bytes.lastIndexOf(0x0a);
    usable = lastNewline >= 0 ? bytes.subarray(0, lastNewline + 1) : Buffer.alloc(0);
  }
  return new TextDecoder('utf-8').decode(usable);
}

/** Whether a policy lets us fetch `url`; `unreachable` is complete disallow (RFC 9309 §2.3.1.4). */
export function robotsAllows(policy: RobotsPolicy, url: URL): boolean {
  switch (policy.kind) {
    case 'allow-all':
      return true;
    case 'unreachable':
      return false;
    case 'rules':
      return policy.isAllowed(url);
  }
}

/** Per-origin cache of robots policies. */
export interface RobotsCache {
  /** The policy for `url`'s origin, loading it at most once per TTL (concurrent callers share). */
  policyFor(url: URL): Promise<RobotsPolicy>;
}

/** Options of {@link createRobotsCache}. */
export interface RobotsCacheOptions {
  /** Fetches and classifies one robots.txt. A rejection is not cached. */
  readonly load: (robotsUrl: URL) => Promise<RobotsPolicy>;
  readonly clock: Clock;
  readonly ttlMs?: number;
  readonly unreachableTtlMs?: number;
}

interface CacheEntry {
  readonly policy: Promise<RobotsPolicy>;
  expiresAt: number;
}

/** Creates an in-memory robots cache keyed by origin. */
export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const ttlMs = Math.min(options.ttlMs ?? ROBOTS_TTL_MS, ROBOTS_TTL_MS);
  const unreachableTtlMs = Math.min(options.unreachableTtlMs ?? ROBOTS_UNREACHABLE_TTL_MS, ttlMs);
  const entries = new Map<string, CacheEntry>();

  return {
    policyFor(url) {
      const origin = url.origin;
      const now = options.clock();
      const cached = entries.get(origin);
      if (cached !== undefined && now < cached.expiresAt) return cached.policy;

      const policy = options.load(robotsUrlFor(url));
      // Until it settles, concurrent callers share the pending load.
      const entry: CacheEntry = { policy, expiresAt: Number.POSITIVE_INFINITY };
      entries.set(origin, entry);
      policy.then(
        (settled) => {
          entry.expiresAt = options.clock() + (settled.kind === 'unreachable' ? unreachableTtlMs : ttlMs);
        },
        () => {
          if (entries.get(origin) === entry) entries.delete(origin);
        },
      );
      return policy;
    },
  };
}

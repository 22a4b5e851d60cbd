/**
 * Caps how often one address is mailed from the signup form (SEC-10): a form anyone can submit must
 * not become a way to flood someone's inbox.
 *
 * The counters live in memory, keyed by subscriber id, with times from the injected clock. That is
 * per process: on Lambda each warm instance counts on its own, so N concurrent instances allow up to
 * N× the limit, and a cold start forgets. The API Gateway route throttle bounds the total; moving the
 * counters onto the subscriber item would need a store change and is the next step if abuse shows up.
 */
import type { Clock } from '../ports';

export interface SendLimits {
  /** At most one mail per `minIntervalMs`. */
  minIntervalMs: number;
  /** At most `perDay` mails in any 24 hours. */
  perDay: number;
  /** Keys remembered before the oldest are forgotten, so memory stays bounded. */
  maxKeys: number;
}

/** One confirmation per 10 minutes and 3 per day for each address. */
export const DEFAULT_SEND_LIMITS: SendLimits = { minIntervalMs: 10 * 60_000, perDay: 3, maxKeys: 10_000 };

const DAY_MS = 24 * 3600_000;

export interface SendThrottle {
  /** True (and the send is counted) when a mail to `key` is allowed now; false when it is not. */
  tryAcquire(key: string): boolean;
}

/** A throttle that keeps each key's recent send times. */
export function createSendThrottle(clock: Clock, limits: SendLimits = DEFAULT_SEND_LIMITS): SendThrottle {
  const sends = new Map<string, number[]>();
  return {
    tryAcquire(key) {
      const now = clock.now().getTime();
      const recent = (sends.get(key) ?? []).filter((at) => now - at < DAY_MS);
      const last = recent.at(-1);
      const allowed = recent.length < limits.perDay && (last === undefined || now - last >= limits.minIntervalMs);
      if (allowed) recent.push(now);
      // Re-inserting moves the key to the end, so the first key in the map is the least recently used.
      sends.delete(key);
      if (recent.length > 0) sends.set(key, recent);
      while (sends.size > limits.maxKeys) {
        const oldest = sends.keys().next();
        if (oldest.done === true) break;
        sends.delete(oldest.value);
      }
      return allowed;
    },
  };
}

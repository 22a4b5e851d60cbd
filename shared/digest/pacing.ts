/** Send pacing: a token bucket at the provider's rate, and capped exponential backoff for throttles. */
import type { Clock } from '../ports';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hands out `ratePerSecond` sends a second, with a burst of at most one second's worth. Time comes
 * from the injected clock; a wait is credited as elapsed, so a test clock that does not move still
 * paces correctly (each send then waits exactly 1/rate s).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) throw new RangeError('send rate must be a positive number');
    this.capacity = Math.max(1, Math.floor(ratePerSecond));
    this.tokens = 1;
    this.last = clock.now().getTime();
  }

  /** Resolves when one send may go. */
  async take(): Promise<void> {
    const now = this.clock.now().getTime();
    this.tokens = Math.min(this.capacity, this.tokens + (Math.max(0, now - this.last) / 1000) * this.ratePerSecond);
    this.last = Math.max(this.last, now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return;
    }
    const waitMs = Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
    await this.sleep(waitMs);
    this.last += waitMs;
    this.tokens = 0;
  }
}

/** Delay before retry `attempt` (1-based): 1 s, 2 s, 4 s, … capped at `maxMs`. */
export function backoffMs(attempt: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

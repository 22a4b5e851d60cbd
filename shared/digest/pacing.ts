/**
 * Send pacing: a token bucket at the provider's rate for one process, a rate shared by every
 * process through a {@link RateTokenStore} (the digest workers on Lambda), and capped exponential
 * backoff for throttles.
 */
import type { Clock, RateTokenStore, SendPacer } from '../ports';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hands out `ratePerSecond` sends a second, with a burst of at most one second's worth. Time comes
 * from the injected clock; a wait is credited as elapsed, so a test clock that does not move still
 * paces correctly (each send then waits exactly 1/rate s).
 */
export class TokenBucket implements SendPacer {
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

export interface SharedSendRateOptions {
  store: RateTokenStore;
  /** Sends per second for all processes together (SES GetSendQuota MaxSendRate); read on the first take. */
  ratePerSecond: () => Promise<number>;
  /** Real time: windows are epoch-aligned, so every process agrees on them. */
  clock: Clock;
  sleep?: Sleep;
  /** Window length; default 1 s, lengthened for a rate below one a second so a window holds one send. */
  windowMs?: number;
  /**
   * A token is used only this long before its window closes; default 200 ms. SES counts a send when
   * it arrives, and between the token and that come the delivery claim and the transit: a token
   * used at the very end of a window could land in the next one's count.
   */
  marginMs?: number;
}

/**
 * A send rate shared by every process that paces against the same store: time is cut into
 * epoch-aligned windows of `floor(rate × window)` sends; a process takes a token by counting its
 * send in the current window, and when the window is full it sleeps until the next. A token that
 * comes back too late for its window is dropped (one send fewer, never one more).
 */
export function createSharedSendRate(options: SharedSendRateOptions): SendPacer {
  const sleep = options.sleep ?? realSleep;
  const marginMs = options.marginMs ?? 200;
  let shape: Promise<{ windowMs: number; limit: number }> | null = null;
  const shapeOf = async (): Promise<{ windowMs: number; limit: number }> => {
    const rate = await options.ratePerSecond();
    if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError('send rate must be a positive number');
    const windowMs = Math.max(options.windowMs ?? 1000, Math.ceil(1000 / rate));
    if (marginMs < 0 || marginMs >= windowMs) throw new RangeError('the send margin must be shorter than the window');
    return { windowMs, limit: Math.max(1, Math.floor((rate * windowMs) / 1000)) };
  };
  return {
    async take() {
      shape ??= shapeOf().catch((error: unknown) => {
        shape = null;
        throw error;
      });
      const { windowMs, limit } = await shape;
      for (;;) {
        const now = options.clock.now().getTime();
        const windowStart = now - (now % windowMs);
        const usableUntil = windowStart + windowMs - marginMs;
        if (now < usableUntil && (await options.store.tryTake(windowStart, limit)) && options.clock.now().getTime() < usableUntil) return;
        await sleep(Math.max(1, windowStart + windowMs - options.clock.now().getTime()));
      }
    },
  };
}

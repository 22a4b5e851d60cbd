import pLimit, { type LimitFunction } from 'p-limit';
import { RetryLaterError } from './errors';

/** Milliseconds since the epoch; injectable so tests control time. */
export type Clock = () => number;
/** Waits `ms` milliseconds; injectable so tests do not wait. */
export type Sleep = (ms: number) => Promise<void>;

/** Options of {@link createHostQueue}. */
export interface HostQueueOptions {
  /** Minimum gap between the end of one request to a host and the start of the next. */
  readonly delayMs: number;
  /** A politeness wait longer than this becomes a `RetryLaterError` instead of a sleep. */
  readonly maxWaitMs: number;
  readonly clock: Clock;
  readonly sleep: Sleep;
}

/** Serialises requests per host and spaces them out (SC-08). */
export interface HostQueue {
  /** Runs `task` when the host is free and its delay has passed; one task per host at a time. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Raises the host's delay to at least `ms` (robots.txt Crawl-delay). */
  raiseDelay(host: string, ms: number): void;
  /** Refuses requests to the host until `untilMs` (after a 429/503 with Retry-After). */
  deferUntil(host: string, untilMs: number): void;
}

interface HostState {
  readonly limit: LimitFunction;
  delayFloorMs: number;
  lastDoneAt: number | null;
  deferredUntil: number;
}

/** Creates an in-process per-host queue; hosts are keyed by lower-case host name. */
export function createHostQueue(options: HostQueueOptions): HostQueue {
  const hosts = new Map<string, HostState>();

  const stateOf = (host: string): HostState => {
    const key = host.toLowerCase();
    let state = hosts.get(key);
    if (state === undefined) {
      state = { limit: pLimit(1), delayFloorMs: 0, lastDoneAt: null, deferredUntil: 0 };
      hosts.set(key, state);
    }
    return state;
  };

  const waitForTurn = async (host: string, state: HostState): Promise<void> => {
    for (;;) {
      const now = options.clock();
      if (now < state.deferredUntil) {
        const seconds = Math.ceil((state.deferredUntil - now) / 1000);
        throw new RetryLaterError(seconds, `${host} asked us to retry in ${seconds} s`);
      }
      if (state.lastDoneAt === null) return;
      const readyAt = state.lastDoneAt + Math.max(options.delayMs, state.delayFloorMs);
      const wait = readyAt - now;
      if (wait <= 0) return;
      if (wait > options.maxWaitMs) {
        const seconds = Math.ceil(wait / 1000);
        throw new RetryLaterError(seconds, `${host} asks for ${seconds} s between requests`);
      }
      // Loop rather than trust the timer: timers may fire a little early.
      await options.sleep(wait);
    }
  };

  return {
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      const state = stateOf(host);
      return state.limit(async () => {
        await waitForTurn(host, state);
        try {
          return await task();
        } finally {
          state.lastDoneAt = options.clock();
        }
      });
    },
    raiseDelay(host, ms) {
      const state = stateOf(host);
      state.delayFloorMs = Math.max(state.delayFloorMs, ms);
    },
    deferUntil(host, untilMs) {
      const state = stateOf(host);
      state.deferredUntil = Math.max(state.deferredUntil, untilMs);
    },
  };
}

/**
 * Work a request hands off so its answer does not wait for it: the signup mail. Whether a mail goes
 * out, and which, depends on the address's state; doing that after the answer keeps the answer's
 * timing the same for every state (SEC-04).
 */
import { setTimeout as delay } from 'node:timers/promises';

/** Runs jobs after the current request; a failing job is reported, never thrown at the request. */
export interface DeferredWork {
  defer(job: () => Promise<void>): void;
  /** Resolves once every job deferred so far has finished (tests, and Lambda before it returns). */
  idle(): Promise<void>;
  /** How many jobs were deferred since this was created (tells a caller whether a request deferred one). */
  deferredCount(): number;
}

/**
 * Jobs run one at a time, in order, on a later turn of the event loop; `onError` receives a job's
 * failure (the caller logs it: a lost confirmation mail is a logged error, not a lost request).
 */
export function createDeferredWork(onError: (error: unknown) => void): DeferredWork {
  let tail: Promise<void> = Promise.resolve();
  let count = 0;
  return {
    defer(job) {
      count += 1;
      tail = tail
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(job)
        .catch(onError);
    },
    idle: () => tail,
    deferredCount: () => count,
  };
}

/** How a request's deferred work was held to the floor. */
export interface FloorOutcome {
  /** From the request's start until its deferred jobs had finished. */
  workMs: number;
  /** Then waited, so the answer leaves at the floor. */
  heldMs: number;
  /** True when the work alone took longer than the floor: that answer's timing may tell states apart. */
  overran: boolean;
}

/**
 * Where the answer must wait for the deferred work (a Lambda is frozen once it returns), the work
 * shows in the answer's latency, and it differs by state: a suppressed or limited address causes no
 * send. So a request that deferred a job (every signup defers exactly one, whatever the state) is
 * answered no sooner than `floorMs` after it started: every state leaves at the floor, as long as
 * the work fits in it. Returns null when the request deferred nothing (no hold).
 */
export async function settleAtFloor(
  deferred: DeferredWork,
  request: { startedAt: number; jobsBefore: number },
  floorMs: number,
  now: () => number = Date.now,
): Promise<FloorOutcome | null> {
  await deferred.idle();
  if (deferred.deferredCount() === request.jobsBefore) return null;
  const workMs = now() - request.startedAt;
  const heldMs = Math.max(0, floorMs - workMs);
  if (heldMs > 0) await delay(heldMs);
  return { workMs, heldMs, overran: workMs > floorMs };
}

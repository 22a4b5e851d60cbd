/**
 * Work a request hands off so its answer does not wait for it: the signup mail. Whether a mail goes
 * out, and which, depends on the address's state; doing that after the answer keeps the answer's
 * timing the same for every state (SEC-04).
 */

/** Runs jobs after the current request; a failing job is reported, never thrown at the request. */
export interface DeferredWork {
  defer(job: () => Promise<void>): void;
  /** Resolves once every job deferred so far has finished (tests, and Lambda before it returns). */
  idle(): Promise<void>;
}

/**
 * Jobs run one at a time, in order, on a later turn of the event loop; `onError` receives a job's
 * failure (the caller logs it: a lost confirmation mail is a logged error, not a lost request).
 */
export function createDeferredWork(onError: (error: unknown) => void): DeferredWork {
  let tail: Promise<void> = Promise.resolve();
  return {
    defer(job) {
      tail = tail
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(job)
        .catch(onError);
    },
    idle: () => tail,
  };
}

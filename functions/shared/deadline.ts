/**
 * Time budgeting for SQS workers (reliability.md LR-07): stop starting new work when the invocation is
 * about to time out, and hand the rest back to the queue as batch failures rather than half-doing it.
 */

/** Time kept in reserve: below this, a worker starts nothing new. */
export const DEFAULT_RESERVE_MS = 10_000;

/** The part of the Lambda context a deadline needs. */
export interface RemainingTime {
  getRemainingTimeInMillis(): number;
}

/** Thrown for a record not started because too little time was left; the record is retried later. */
export class DeadlineReachedError extends Error {
  override readonly name = 'DeadlineReachedError';
  constructor(readonly remainingMs: number) {
    super('not started: too little time left in this invocation');
  }
}

/** Throws {@link DeadlineReachedError} when fewer than `reserveMs` milliseconds remain. */
export function assertTimeLeft(context: RemainingTime, reserveMs: number = DEFAULT_RESERVE_MS): void {
  const remainingMs = context.getRemainingTimeInMillis();
  if (remainingMs < reserveMs) throw new DeadlineReachedError(remainingMs);
}

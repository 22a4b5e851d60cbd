import { setTimeout as sleepMs } from 'node:timers/promises';
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { StoreError } from './errors';

/** BatchWriteItem takes at most 25 requests a call. */
export const BATCH_WRITE_LIMIT = 25;

/** How BatchWriteItem's UnprocessedItems are retried. */
export interface BatchRetryOptions {
  /** Calls per chunk before giving up (first call included); default 8. */
  maxAttempts: number;
  /** Backoff base (ms); the n-th retry waits in [base·2^(n−1), base·2^n). Default 50. */
  baseDelayMs: number;
  /** Longest wait (ms); default 5,000. */
  maxDelayMs: number;
  /** Injected for tests; default `setTimeout`. */
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); default `Math.random`. */
  random: () => number;
}

export const defaultBatchRetry: BatchRetryOptions = {
  maxAttempts: 8,
  baseDelayMs: 50,
  maxDelayMs: 5000,
  sleep: (ms) => sleepMs(ms),
  random: Math.random,
};

/**
 * "Equal jitter": half the exponential step is fixed, half random, so waits grow with every retry
 * (unlike full jitter) while retries from many writers still spread out.
 */
export function backoffDelay(retry: number, options: Pick<BatchRetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return step / 2 + options.random() * (step / 2);
}

/**
 * Writes every request to `table` with BatchWriteItem, 25 a call, retrying UnprocessedItems with
 * backoff. Returns the number of items written. Throws `StoreError` when a chunk still has
 * unprocessed items after `maxAttempts` calls (items written before stay written: the call is not
 * atomic).
 */
export async function batchWriteAll(
  client: DynamoDBClient,
  table: string,
  requests: readonly WriteRequest[],
  retry: BatchRetryOptions = defaultBatchRetry,
): Promise<number> {
  let written = 0;
  for (let offset = 0; offset < requests.length; offset += BATCH_WRITE_LIMIT) {
    let pending = requests.slice(offset, offset + BATCH_WRITE_LIMIT);
    for (let attempt = 1; ; attempt++) {
      let unprocessed: WriteRequest[];
      try {
        const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
        unprocessed = output.UnprocessedItems?.[table] ?? [];
      } catch (error) {
        throw new StoreError(`BatchWriteItem on ${table} failed`, { cause: error });
      }
      written += pending.length - unprocessed.length;
      if (unprocessed.length === 0) break;
      if (attempt >= retry.maxAttempts) {
        throw new StoreError(
          `BatchWriteItem on ${table}: ${unprocessed.length} item(s) still unprocessed after ${attempt} attempts`,
          { cause: { unprocessed } },
        );
      }
      pending = unprocessed;
      await retry.sleep(backoffDelay(attempt, retry));
    }
  }
  return written;
}

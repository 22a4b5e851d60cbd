import type { Clock } from '../ports';
import { systemClock } from '../ports';
import { defaultBatchRetry, type BatchRetryOptions } from './batch-write';
import { warnCorruptItem, type CorruptItemReporter } from './errors';

/** What `createDynamoStores` accepts beyond the client and table names. */
export interface DynamoStoreOptions {
  /** "Now" for TTL filters and `claimedAt`-free reads; default the system clock. */
  clock?: Clock;
  /** Receives corrupt items that listings skip; default a process warning. */
  onCorruptItem?: CorruptItemReporter;
  /** BatchWriteItem retry tuning (tests shorten the waits). */
  batchRetry?: Partial<BatchRetryOptions>;
  /** Days an event is kept after its end before TTL may delete it; default 30. */
  eventRetentionDays?: number;
}

/** The options with every default filled in. */
export interface ResolvedStoreOptions {
  clock: Clock;
  onCorruptItem: CorruptItemReporter;
  batchRetry: BatchRetryOptions;
  eventRetentionDays: number;
}

export function resolveStoreOptions(options: DynamoStoreOptions = {}): ResolvedStoreOptions {
  return {
    clock: options.clock ?? systemClock,
    onCorruptItem: options.onCorruptItem ?? warnCorruptItem,
    batchRetry: { ...defaultBatchRetry, ...options.batchRetry },
    eventRetentionDays: options.eventRetentionDays ?? 30,
  };
}

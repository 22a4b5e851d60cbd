import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { RemainingTime } from './deadline';

/** An SQS handler returning partial batch failures: exactly the records that failed or never started. */
export type SqsBatchHandler = (event: SQSEvent, context: RemainingTime) => Promise<SQSBatchResponse>;

/** What {@link logFailedRecords} reads from a Powertools batch processor after a batch. */
export interface FailedRecords {
  readonly errors: readonly Error[];
  readonly failureMessages: readonly unknown[];
}

/** Logs each failed record with its message id and its error, so a returned record says why. */
export function logFailedRecords(processor: FailedRecords, log: (message: string, attributes: Record<string, unknown>) => void): void {
  processor.errors.forEach((error, index) => {
    const record = processor.failureMessages[index];
    const messageId: unknown = typeof record === 'object' && record !== null ? Reflect.get(record, 'messageId') : undefined;
    log('record failed', { messageId: typeof messageId === 'string' ? messageId : 'unknown', error });
  });
}

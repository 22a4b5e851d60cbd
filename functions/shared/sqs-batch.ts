import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { RemainingTime } from './deadline';

/** An SQS handler returning partial batch failures: exactly the records that failed or never started. */
export type SqsBatchHandler = (event: SQSEvent, context: RemainingTime) => Promise<SQSBatchResponse>;

/**
 * The digest worker's logic: each SQS record is one batch of subscribers; `sendDigests` runs on that
 * batch alone. Records run one after another (they share the SES send rate), none starts with less
 * than the reserve of invocation time left (LR-07), and a batch in which any send failed goes back to
 * the queue: its delivery claims make the retry send only what was not sent (LR-10).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSRecord } from 'aws-lambda';
import { sendDigests, type DigestRunSummary, type SendDigestsConfig, type SendDigestsDeps } from '../../shared/digest/send-digests';
import { scopeToBatch } from '../shared/batch-subscribers';
import { assertTimeLeft, DEFAULT_RESERVE_MS } from '../shared/deadline';
import { DigestMessageSchema, parseMessageBody } from '../shared/messages';
import { logFailedRecords, type SqsBatchHandler } from '../shared/sqs-batch';

/** Some digests of a batch were not sent; the record is retried. */
export class DigestBatchError extends Error {
  override readonly name = 'DigestBatchError';
  constructor(readonly summary: DigestRunSummary) {
    super(`${summary.failed} digest(s) of the batch not sent`);
  }
}

export interface DigestWorkerOptions {
  deps: SendDigestsDeps;
  config: Omit<SendDigestsConfig, 'date' | 'dryRun'>;
  logger: Logger;
  reserveMs?: number;
}

/** Builds the digest worker's SQS handler. */
export function createDigestWorker(options: DigestWorkerOptions): SqsBatchHandler {
  const processor = new BatchProcessor(EventType.SQS);
  const reserveMs = options.reserveMs ?? DEFAULT_RESERVE_MS;
  return async (event, context) => {
    const handleRecord = async (record: SQSRecord): Promise<DigestRunSummary> => {
      assertTimeLeft(context, reserveMs);
      const message = parseMessageBody(DigestMessageSchema, record.body);
      const deps = { ...options.deps, subscribers: scopeToBatch(options.deps.subscribers, message.subscriberIds) };
      const summary = await sendDigests(deps, { ...options.config, date: message.date });
      options.logger.info('digest batch done', { isoWeek: summary.isoWeek, subscribers: summary.subscribers, sent: summary.sent, failed: summary.failed, skipped: summary.skipped });
      if (summary.failed > 0) throw new DigestBatchError(summary);
      return summary;
    };
    const response = await processPartialResponse(event, handleRecord, processor, { processInParallel: false, throwOnFullBatchFailure: false });
    if (response.batchItemFailures.length > 0) {
      logFailedRecords(processor, (message, attributes) => {
        options.logger.error(message, attributes);
      });
      options.logger.warn('records returned to the queue', { failed: response.batchItemFailures.length, records: event.Records.length });
    }
    return response;
  };
}

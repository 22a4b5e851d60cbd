/**
 * The digest worker's logic: each SQS record is one batch of subscribers; `sendDigests` runs on that
 * batch alone, with the week's events loaded once for the whole invocation. Records run one after
 * another, none starts with less than the reserve of invocation time left (LR-07), and a batch in
 * which any send failed, or any subscriber was held by another run's live claim, goes back to the
 * queue: its delivery claims make the retry send only what was not sent (LR-10), and by the time the
 * message is visible again (visibility timeout > lease) a dead run's claim has expired and is taken over.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSRecord } from 'aws-lambda';
import { loadCandidatesOnce } from '../../shared/digest/candidate-events';
import { sendDigests, SKIP_IN_PROGRESS, type DigestRunSummary, type SendDigestsConfig, type SendDigestsDeps } from '../../shared/digest/send-digests';
import { scopeToBatch } from '../shared/batch-subscribers';
import { assertTimeLeft, DEFAULT_RESERVE_MS } from '../shared/deadline';
import { DigestMessageSchema, parseMessageBody } from '../shared/messages';
import { logFailedRecords, type SqsBatchHandler } from '../shared/sqs-batch';

/** Some digests of a batch were not sent (failed, or another run still held them); the record is retried. */
export class DigestBatchError extends Error {
  override readonly name = 'DigestBatchError';
  constructor(
    readonly summary: DigestRunSummary,
    readonly held: number,
  ) {
    super(`${summary.failed} digest(s) of the batch failed, ${held} held by another run`);
  }
}

export interface DigestWorkerOptions {
  deps: Omit<SendDigestsDeps, 'candidates'>;
  config: Omit<SendDigestsConfig, 'date' | 'dryRun'>;
  logger: Logger;
  reserveMs?: number;
}

/** Builds the digest worker's SQS handler. */
export function createDigestWorker(options: DigestWorkerOptions): SqsBatchHandler {
  const processor = new BatchProcessor(EventType.SQS);
  const reserveMs = options.reserveMs ?? DEFAULT_RESERVE_MS;
  return async (event, context) => {
    // Per invocation, not per container: a warm container must not serve last week's events.
    const candidates = loadCandidatesOnce(options.deps.events);
    const handleRecord = async (record: SQSRecord): Promise<DigestRunSummary> => {
      assertTimeLeft(context, reserveMs);
      const message = parseMessageBody(DigestMessageSchema, record.body);
      const deps = { ...options.deps, candidates, subscribers: scopeToBatch(options.deps.subscribers, message.subscriberIds) };
      const summary = await sendDigests(deps, { ...options.config, date: message.date });
      const held = summary.skipped.find((skip) => skip.reason === SKIP_IN_PROGRESS)?.count ?? 0;
      options.logger.info('digest batch done', {
        isoWeek: summary.isoWeek,
        subscribers: summary.subscribers,
        sent: summary.sent,
        takenOver: summary.takenOver,
        failed: summary.failed,
        skipped: summary.skipped,
      });
      if (summary.failed > 0 || held > 0) throw new DigestBatchError(summary, held);
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

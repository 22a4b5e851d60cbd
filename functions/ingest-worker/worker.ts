/**
 * The ingest worker's logic, apart from its wiring so tests can give it real local services: each SQS
 * record holds one host's sources (`shared/ingest/host-groups.ts`); records and the sources in them
 * run one after another, so no two requests to a host overlap even across concurrent workers. No
 * source starts once less than the reserve of invocation time is left (LR-07): its record goes back
 * to the queue, and the retry's conditional GETs make the sources already done cheap.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSRecord } from 'aws-lambda';
import { ingestSource, type IngestDeps, type SourceRunResult } from '../../shared/ingest/ingest';
import { assertTimeLeft, DEFAULT_RESERVE_MS } from '../shared/deadline';
import { logFailedRecords, type SqsBatchHandler } from '../shared/sqs-batch';
import { IngestMessageSchema, parseMessageBody } from '../shared/messages';

export interface IngestWorkerOptions {
  deps: IngestDeps;
  horizonDays: number;
  logger: Logger;
  /** Time kept back at the end of an invocation; default 10 s. */
  reserveMs?: number;
}

export type { SqsBatchHandler } from '../shared/sqs-batch';

/** Builds the ingest worker's SQS handler. */
export function createIngestWorker(options: IngestWorkerOptions): SqsBatchHandler {
  const processor = new BatchProcessor(EventType.SQS);
  const reserveMs = options.reserveMs ?? DEFAULT_RESERVE_MS;
  return async (event, context) => {
    const handleRecord = async (record: SQSRecord): Promise<SourceRunResult[]> => {
      assertTimeLeft(context, reserveMs);
      const message = parseMessageBody(IngestMessageSchema, record.body);
      const results: SourceRunResult[] = [];
      for (const source of message.sources) {
        assertTimeLeft(context, reserveMs);
        const result = await ingestSource(options.deps, source, { horizonDays: options.horizonDays, defaultTimeZone: message.defaultTimeZone });
        // A failed fetch is the source's status, kept in its state; retrying it within minutes would
        // only hit the same server again, so the record still counts as processed.
        options.logger.info('source ingested', { ...result });
        results.push(result);
      }
      return results;
    };
    const response = await processPartialResponse(event, handleRecord, processor, {
      processInParallel: false,
      // Running out of time on every record is not a function error; the records simply come back.
      throwOnFullBatchFailure: false,
    });
    if (response.batchItemFailures.length > 0) {
      logFailedRecords(processor, (message, attributes) => {
        options.logger.error(message, attributes);
      });
      options.logger.warn('records returned to the queue', { failed: response.batchItemFailures.length, records: event.Records.length });
    }
    return response;
  };
}

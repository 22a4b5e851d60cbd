/** Lambda entry point of the ingest worker: wiring only; the logic is in `worker.ts`. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { NETMIX_VERSION } from '../../shared/version';
import { buildUserAgent, createFetcher } from '../../shared/fetch';
import { systemClock } from '../../shared/ports';
import { createDynamoEventStore } from '../../shared/store/dynamo-event-store';
import { createDynamoSourceStateStore } from '../../shared/store/dynamo-source-state-store';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { readConfig } from '../shared/config';
import { ENV } from '../shared/env-names';
import { createLogger } from '../shared/logger';
import { IngestWorkerConfigSchema } from './config';
import { createIngestWorker } from './worker';

const config = readConfig(IngestWorkerConfigSchema);
const logger = createLogger('netmix-ingest-worker');
const dynamo = new DynamoDBClient({});
const storeOptions = resolveStoreOptions();
const worker = createIngestWorker({
  deps: {
    fetcher: createFetcher({ userAgent: buildUserAgent({ version: NETMIX_VERSION, contactUrl: config[ENV.siteOrigin] }) }),
    events: createDynamoEventStore(dynamo, config[ENV.eventsTable], storeOptions),
    sourceStates: createDynamoSourceStateStore(dynamo, config[ENV.sourcesTable], storeOptions),
    clock: systemClock,
  },
  horizonDays: config[ENV.horizonDays],
  logger,
});

/** SQS event source with ReportBatchItemFailures. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  return worker(event, context);
}

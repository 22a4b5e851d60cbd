/**
 * Scheduled daily: queues one message per host, holding that host's sources from the sources file
 * that was validated at synth and travels inside this bundle, so concurrent workers never fetch one
 * host at once. Queuing the same sources twice (a scheduler retry) is harmless: ingest of an
 * unchanged feed writes nothing.
 */
import { readFileSync } from 'node:fs';
import { SQSClient } from '@aws-sdk/client-sqs';
import { parseSourcesFile } from '../../shared/sources/sources-file';
import { readConfig } from '../shared/config';
import { BUNDLED_SOURCES_FILE, ENV } from '../shared/env-names';
import { createLogger } from '../shared/logger';
import { ingestMessagesFor } from '../shared/messages';
import { sendJsonMessages } from '../shared/queue-sender';
import { IngestDispatcherConfigSchema } from './config';

const config = readConfig(IngestDispatcherConfigSchema);
const sourcesFile = parseSourcesFile(readFileSync(new URL(`./${BUNDLED_SOURCES_FILE}`, import.meta.url), 'utf8'), BUNDLED_SOURCES_FILE);
const sqs = new SQSClient({});
const logger = createLogger('netmix-ingest-dispatcher');

/** Lambda entry point (EventBridge Scheduler, asynchronous). */
export async function handler(): Promise<{ queued: number }> {
  const messages = ingestMessagesFor(sourcesFile.sources, sourcesFile.region.timeZone);
  const queued = await sendJsonMessages(sqs, config[ENV.ingestQueueUrl], messages);
  logger.info('ingest queued', { hosts: queued, sources: sourcesFile.sources.length });
  return { queued };
}

/**
 * Scheduled weekly: queues the active subscribers in batches, each message carrying the digest's first
 * day. A duplicate run (a scheduler retry) only queues work the delivery claims then skip (LR-10).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { systemClock } from '../../shared/ports';
import { createDynamoSubscriberStore } from '../../shared/store/dynamo-subscriber-store';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { localDateOf } from '../../shared/time/zoned';
import { readConfig } from '../shared/config';
import { ENV } from '../shared/env-names';
import { createLogger } from '../shared/logger';
import type { DigestMessage } from '../shared/messages';
import { sendJsonMessages } from '../shared/queue-sender';
import { DigestDispatcherConfigSchema } from './config';

const config = readConfig(DigestDispatcherConfigSchema);
const subscribers = createDynamoSubscriberStore(new DynamoDBClient({}), config[ENV.subscribersTable], resolveStoreOptions());
const sqs = new SQSClient({});
const logger = createLogger('netmix-digest-dispatcher');

/** Lambda entry point (EventBridge Scheduler, asynchronous). */
export async function handler(): Promise<{ subscribers: number; messages: number }> {
  const date = localDateOf(systemClock.now(), config[ENV.timeZone]);
  const ids = (await subscribers.listActive()).map((subscriber) => subscriber.id);
  const size = config[ENV.digestBatchSize];
  const messages: DigestMessage[] = [];
  for (let offset = 0; offset < ids.length; offset += size) messages.push({ date, subscriberIds: ids.slice(offset, offset + size) });
  await sendJsonMessages(sqs, config[ENV.digestQueueUrl], messages);
  logger.info('digests queued', { date, subscribers: ids.length, messages: messages.length });
  return { subscribers: ids.length, messages: messages.length };
}

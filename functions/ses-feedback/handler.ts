/**
 * SNS → Lambda for the configuration set's BOUNCE and COMPLAINT events: marks the addresses
 * suppressed so no digest goes to them again. Every message's SNS signature is verified (only SNS
 * can invoke this function as deployed: defence in depth). A malformed or unsigned notification is
 * logged and dropped (a retry cannot fix it); a store failure throws, so Lambda retries and finally
 * parks the event in the DLQ.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SNSEvent } from 'aws-lambda';
import { systemClock } from '../../shared/ports';
import { createDynamoSubscriberStore } from '../../shared/store/dynamo-subscriber-store';
import { createDynamoWeekTallyStore } from '../../shared/store/dynamo-week-tally';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { handleSesFeedback } from '../../shared/subscriptions/ses-feedback';
import { createSnsVerifier } from '../../shared/subscriptions/sns-signature';
import { readConfig } from '../shared/config';
import { ENV } from '../shared/env-names';
import { createLogger } from '../shared/logger';
import { SesFeedbackConfigSchema } from './config';

const config = readConfig(SesFeedbackConfigSchema);
const dynamo = new DynamoDBClient({});
const subscribers = createDynamoSubscriberStore(dynamo, config[ENV.subscribersTable], resolveStoreOptions());
const tally = createDynamoWeekTallyStore(dynamo, config[ENV.deliveriesTable]);
const logger = createLogger('netmix-ses-feedback');
// Built once: its certificate cache lives as long as the instance.
const verifySignature = createSnsVerifier();

/** SNS subscription entry point (asynchronous). */
export async function handler(event: SNSEvent): Promise<void> {
  for (const record of event.Records) {
    const result = await handleSesFeedback(record, { subscribers, clock: systemClock, verifySignature, tally });
    // Results carry subscriber ids and counts, never addresses.
    if (result.outcome === 'invalid') logger.warn('ses notification ignored', { reason: result.reason, snsMessageId: record.Sns.MessageId });
    else logger.info('ses notification handled', { ...result });
  }
}

/** Lambda entry point of the digest worker: wiring only; the logic is in `worker.ts`. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createSharedSendRate } from '../../shared/digest/pacing';
import { senderAddress } from '../../shared/digest/sender';
import { createSesMailer } from '../../shared/digest/ses-mailer';
import { systemClock } from '../../shared/ports';
import { createDynamoDeliveryStore } from '../../shared/store/dynamo-delivery-store';
import { createDynamoEventStore } from '../../shared/store/dynamo-event-store';
import { createDynamoFeedbackStore } from '../../shared/store/dynamo-feedback-store';
import { createDynamoRateTokenStore } from '../../shared/store/dynamo-rate-token-store';
import { createDynamoSubscriberStore } from '../../shared/store/dynamo-subscriber-store';
import { createDynamoWeekTallyStore } from '../../shared/store/dynamo-week-tally';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { createLinkBuilder } from '../../shared/subscriptions/links';
import { readConfig } from '../shared/config';
import { ENV } from '../shared/env-names';
import { createLogger } from '../shared/logger';
import { loadSigningKeys } from '../shared/signing-keys';
import { DigestWorkerConfigSchema } from './config';
import { createDigestWorker } from './worker';

const config = readConfig(DigestWorkerConfigSchema);
const logger = createLogger('netmix-digest-worker');
const dynamo = new DynamoDBClient({});
const storeOptions = resolveStoreOptions();
const keys = await loadSigningKeys(new SecretsManagerClient({}), config[ENV.signingKeySecretArn]);
const mailer = createSesMailer(new SESClient({}), { configurationSetName: config[ENV.configurationSet] });
// Every concurrent worker paces against one counter in the deliveries table, sized from GetSendQuota.
const pacer = createSharedSendRate({
  store: createDynamoRateTokenStore(dynamo, config[ENV.deliveriesTable]),
  ratePerSecond: () => mailer.maxSendRate(),
  clock: systemClock,
});
const worker = createDigestWorker({
  deps: {
    events: createDynamoEventStore(dynamo, config[ENV.eventsTable], storeOptions),
    subscribers: createDynamoSubscriberStore(dynamo, config[ENV.subscribersTable], storeOptions),
    deliveries: createDynamoDeliveryStore(dynamo, config[ENV.deliveriesTable]),
    tally: createDynamoWeekTallyStore(dynamo, config[ENV.deliveriesTable]),
    feedback: createDynamoFeedbackStore(dynamo, config[ENV.feedbackTable], storeOptions),
    mailer,
    pacer,
    links: createLinkBuilder(config[ENV.linkOrigin], keys),
    clock: systemClock,
  },
  config: {
    from: senderAddress(config[ENV.operatorName], config[ENV.fromAddress]),
    operator: { name: config[ENV.operatorName], postalAddress: config[ENV.operatorPostalAddress] },
    windowDays: 7,
    timeZone: config[ENV.timeZone],
  },
  logger,
});

/** SQS event source with ReportBatchItemFailures. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  return worker(event, context);
}

/**
 * Lambda entry point of the subscription API: the same Hono app that runs locally and in tests,
 * behind API Gateway's HTTP API through Hono's AWS Lambda adapter.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { handle } from 'hono/aws-lambda';
import { senderAddress } from '../../shared/digest/sender';
import { createSesMailer } from '../../shared/digest/ses-mailer';
import { systemClock } from '../../shared/ports';
import { createDynamoEventStore } from '../../shared/store/dynamo-event-store';
import { createDynamoFeedbackStore } from '../../shared/store/dynamo-feedback-store';
import { createDynamoSignupLimiter } from '../../shared/store/dynamo-signup-limiter';
import { createDynamoDeliveryStore } from '../../shared/store/dynamo-delivery-store';
import { createDynamoSubscriberStore } from '../../shared/store/dynamo-subscriber-store';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { createSubscriptionApp } from '../../shared/subscriptions/app';
import { errorAttributes } from '../../shared/subscriptions/app-context';
import { createDeferredWork, settleAtFloor } from '../../shared/subscriptions/deferred-work';
import { createLinkBuilder } from '../../shared/subscriptions/links';
import { readConfig } from '../shared/config';
import { ENV } from '../shared/env-names';
import { createLogger } from '../shared/logger';
import { loadSigningKeys } from '../shared/signing-keys';
import { FORM_VERSION, SubscriptionApiConfigSchema } from './config';

const config = readConfig(SubscriptionApiConfigSchema);
const dynamo = new DynamoDBClient({});
const storeOptions = resolveStoreOptions();
const keys = await loadSigningKeys(new SecretsManagerClient({}), config[ENV.signingKeySecretArn]);
const logger = createLogger('netmix-subscription-api');
const deferred = createDeferredWork((error) => { logger.error('signup mail failed', errorAttributes(error)); });

const app = createSubscriptionApp({
  subscribers: createDynamoSubscriberStore(dynamo, config[ENV.subscribersTable], storeOptions),
  events: createDynamoEventStore(dynamo, config[ENV.eventsTable], storeOptions),
  feedback: createDynamoFeedbackStore(dynamo, config[ENV.feedbackTable], storeOptions),
  deliveries: createDynamoDeliveryStore(dynamo, config[ENV.deliveriesTable]),
  digestSchedule: config[ENV.digestSchedule],
  mailer: createSesMailer(new SESClient({}), { configurationSetName: config[ENV.configurationSet] }),
  links: createLinkBuilder(config[ENV.linkOrigin], keys),
  keys,
  clock: systemClock,
  operator: { name: config[ENV.operatorName], postalAddress: config[ENV.operatorPostalAddress] },
  from: senderAddress(config[ENV.operatorName], config[ENV.fromAddress]),
  siteOrigin: config[ENV.siteOrigin],
  timeZone: config[ENV.timeZone],
  formVersion: FORM_VERSION,
  // The client address comes from API Gateway's request context (the default resolver), never a header.
  limiter: createDynamoSignupLimiter(dynamo, config[ENV.limitsTable], config[ENV.signupLimits]),
  deferred,
  logger,
});

// eslint-disable-next-line @typescript-eslint/no-deprecated -- the named successor package @hono/aws-lambda is not published in the registry this project uses; hono 4's built-in adapter is the same code until hono 5.
const handleRequest = handle(app);

/**
 * API Gateway HTTP API (payload v2) entry point. A frozen Lambda runs no background work, so the
 * deferred signup mail is finished before the invocation returns, and the answer's latency includes
 * it. That work differs by state (a suppressed or limited address causes no send), so a signup is
 * answered at a fixed floor after it arrived, whatever the state (`settleAtFloor`); a signup whose
 * work overran the floor is logged, as its timing may then tell states apart.
 */
export async function handler(...args: Parameters<typeof handleRequest>): Promise<Awaited<ReturnType<typeof handleRequest>>> {
  const request = { startedAt: Date.now(), jobsBefore: deferred.deferredCount() };
  const response = await handleRequest(...args);
  const held = await settleAtFloor(deferred, request, config[ENV.signupAnswerFloorMs]);
  if (held?.overran === true) logger.warn('signup answer held', { ...held });
  else if (held !== null) logger.info('signup answer held', { ...held });
  return response;
}

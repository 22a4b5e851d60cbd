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
import { createDynamoSubscriberStore } from '../../shared/store/dynamo-subscriber-store';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { createSubscriptionApp } from '../../shared/subscriptions/app';
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

const app = createSubscriptionApp({
  subscribers: createDynamoSubscriberStore(dynamo, config[ENV.subscribersTable], storeOptions),
  events: createDynamoEventStore(dynamo, config[ENV.eventsTable], storeOptions),
  mailer: createSesMailer(new SESClient({}), { configurationSetName: config[ENV.configurationSet] }),
  links: createLinkBuilder(config[ENV.linkOrigin], keys),
  keys,
  clock: systemClock,
  operator: { name: config[ENV.operatorName], postalAddress: config[ENV.operatorPostalAddress] },
  from: senderAddress(config[ENV.operatorName], config[ENV.fromAddress]),
  siteOrigin: config[ENV.siteOrigin],
  timeZone: config[ENV.timeZone],
  formVersion: FORM_VERSION,
  logger: createLogger('netmix-subscription-api'),
});

/** API Gateway HTTP API (payload v2) entry point. */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the named successor package @hono/aws-lambda is not published in the registry this project uses; hono 4's built-in adapter is the same code until hono 5.
export const handler = handle(app);

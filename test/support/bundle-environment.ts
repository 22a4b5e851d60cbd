/**
 * The environment a bundle runs with in the bundle tests and `npm run bench`: the stack's base
 * environment, each function's settings (as `infra/` binds them, with local values), and the SDK
 * pointed at DynamoDB Local, the local SES and the SQS / Secrets Manager stand-ins through the
 * SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables, with Lambda-style credentials in the
 * environment (the only provider the bundles carry).
 */
import { baseEnvironment } from '../../infra/constructs/netmix-function';
import { ENV } from '../../functions/shared/env-names';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/local/aws-clients';
import type { TableNames } from '../../shared/store/tables';

/** Where the services are. */
export interface BundleEndpoints {
  dynamo: string;
  ses: string;
  /** The stand-in server for SQS and Secrets Manager. */
  standIns: string;
}

/** The ARN the signing-key secret is stored under in the stand-in. */
export const SIGNING_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:netmix-signing-key';

/** A signing-key secret value (`{"id","secret"}`, as the stack generates it). */
export const SIGNING_SECRET_VALUE = JSON.stringify({ id: 'k1', secret: 'bundle-test-signing-secret-0123456789abcdef' });

/** The queue URLs, on the stand-in so the SDK's queue-URL endpoint logic stays on 127.0.0.1. */
export function queueUrls(endpoints: BundleEndpoints): { ingest: string; digest: string } {
  return { ingest: `${endpoints.standIns}/000000000000/netmix-ingest`, digest: `${endpoints.standIns}/000000000000/netmix-digest` };
}

/** The full environment for `name`'s bundle. */
export function bundleEnvironment(name: string, endpoints: BundleEndpoints, tables: TableNames): Record<string, string> {
  const queues = queueUrls(endpoints);
  const mail = {
    [ENV.signingKeySecretArn]: SIGNING_SECRET_ARN,
    [ENV.configurationSet]: 'netmix-test',
    [ENV.fromAddress]: 'digest@example.org',
    [ENV.timeZone]: 'America/New_York',
    [ENV.linkOrigin]: 'https://subscribe.netmix.example.org',
    [ENV.operatorName]: 'Example Career Center',
    [ENV.operatorPostalAddress]: '1 Main Street, Lowell, MA 01852',
  };
  const own: Record<string, Record<string, string>> = {
    'digest-dispatcher': { [ENV.subscribersTable]: tables.subscribers, [ENV.digestQueueUrl]: queues.digest, [ENV.timeZone]: 'America/New_York', [ENV.digestBatchSize]: '25' },
    'digest-worker': { [ENV.eventsTable]: tables.events, [ENV.subscribersTable]: tables.subscribers, [ENV.deliveriesTable]: tables.deliveries, [ENV.feedbackTable]: tables.feedback, ...mail },
    'ingest-dispatcher': { [ENV.ingestQueueUrl]: queues.ingest },
    'ingest-worker': { [ENV.eventsTable]: tables.events, [ENV.sourcesTable]: tables.sources, [ENV.horizonDays]: '60', [ENV.siteOrigin]: 'https://netmix.example.org' },
    'ses-feedback': { [ENV.subscribersTable]: tables.subscribers, [ENV.deliveriesTable]: tables.deliveries },
    'operator-report': {
      [ENV.eventsTable]: tables.events,
      [ENV.sourcesTable]: tables.sources,
      [ENV.subscribersTable]: tables.subscribers,
      [ENV.deliveriesTable]: tables.deliveries,
      [ENV.timeZone]: 'America/New_York',
      [ENV.fromAddress]: 'digest@example.org',
      [ENV.configurationSet]: 'netmix-test',
      [ENV.operatorName]: 'Example Career Center',
      [ENV.reportEmail]: 'operator@example.org',
    },
    'subscription-api': {
      [ENV.eventsTable]: tables.events,
      [ENV.subscribersTable]: tables.subscribers,
      [ENV.limitsTable]: tables.limits,
      [ENV.feedbackTable]: tables.feedback,
      [ENV.deliveriesTable]: tables.deliveries,
      [ENV.digestSchedule]: 'MON@7',
      [ENV.siteOrigin]: 'https://netmix.example.org',
      ...mail,
    },
  };
  return {
    PATH: process.env.PATH ?? '',
    ...baseEnvironment(name),
    ...own[name],
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: 'netmix-local-session',
    // No shared config or credentials file may leak into the run from the machine.
    AWS_CONFIG_FILE: '/nonexistent/netmix-aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/netmix-aws-credentials',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamo,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    AWS_ENDPOINT_URL_SQS: endpoints.standIns,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.standIns,
    // The SDK warns on Node 20 (the test machine); Lambda runs Node 22.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

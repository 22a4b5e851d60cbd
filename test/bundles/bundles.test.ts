/**
 * The seven Lambdas as `cdk deploy` uploads them: each built once with the stack's own esbuild options
 * and finishing step (scripts/function-bundles.ts), imported in a fresh Node process and driven with
 * the event shapes AWS sends, against DynamoDB Local and the local SES. SQS and Secrets Manager have
 * no local implementation here, so a stand-in HTTP server on 127.0.0.1 speaking their wire protocol
 * (AWS JSON with X-Amz-Target; test/support/aws-stand-ins.ts) takes their place: a stand-in, said so.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BUNDLED_SOURCES_FILE, ENV } from '../../functions/shared/env-names';
import { PROJECT_ROOT } from '../../infra/constructs/netmix-function';
import { buildFunctionBundle, FUNCTION_NAMES, type FunctionBundle } from '../../scripts/function-bundles';
import { readFileSync } from 'node:fs';
import { parseSourcesFile } from '../../shared/sources/sources-file';
import { createDynamoSubscriberStore } from '../../shared/store/dynamo-subscriber-store';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { startAwsStandIns, type AwsStandIns } from '../support/aws-stand-ins';
import { bundleEnvironment, queueUrls, SIGNING_SECRET_ARN, SIGNING_SECRET_VALUE, type BundleEndpoints } from '../support/bundle-environment';
import { previousIsoWeek } from '../../shared/ops/report-week';
import { runBundle } from '../support/bundle-run';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../support/local-services';

const ONE_MB = 1_000_000;
let services: LocalServices;
let standIns: AwsStandIns;
let endpoints: BundleEndpoints;
let dir: string;
const bundles = new Map<string, FunctionBundle>();

function bundle(name: string): FunctionBundle {
  const found = bundles.get(name);
  if (found === undefined) throw new Error(`${name} was not built`);
  return found;
}
const env = (name: string) => bundleEnvironment(name, endpoints, services.tableNames);
const run = (name: string, event: unknown, overrides: Record<string, string> = {}) => runBundle(bundle(name).file, { ...env(name), ...overrides }, event);

// An EventBridge Scheduler invocation of a Lambda target with no input: the scheduler's own event.
const schedulerEvent = {
  version: '0',
  id: 'bb0b9e7a-6c3d-4a0e-9f1b-2f0d6b9c1a11',
  'detail-type': 'Scheduled Event',
  source: 'aws.scheduler',
  account: '000000000000',
  time: '2026-12-01T11:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:scheduler:us-east-1:000000000000:schedule/default/netmix-ingest'],
  detail: '{}',
};

function sqsRecord(messageId: string, body: string) {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1796122800000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1796122800000' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:netmix-ingest',
    awsRegion: 'us-east-1',
  };
}

/** An API Gateway HTTP API (payload v2) POST of the signup form `body`, from 203.0.113.7. */
function apiGatewaySignup(body: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/subscribe',
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://netmix.example.org', host: 'netmix.example.org', 'user-agent': 'bundle-test' },
    requestContext: {
      accountId: '000000000000', apiId: 'api', domainName: 'netmix.example.org', domainPrefix: 'netmix', requestId: 'r1', routeKey: '$default', stage: '$default',
      time: '01/Dec/2026:11:00:00 +0000', timeEpoch: 1796122800000,
      http: { method: 'POST', path: '/subscribe', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'bundle-test' },
    },
    body,
    isBase64Encoded: false,
  };
}

beforeAll(async () => {
  services = await useLocalServices();
  standIns = await startAwsStandIns(new Map([[SIGNING_SECRET_ARN, SIGNING_SECRET_VALUE]]));
  endpoints = { dynamo: services.dynamoEndpoint, ses: services.sesEndpoint, standIns: standIns.endpoint };
  dir = mkdtempSync(join(tmpdir(), 'netmix-bundles-'));
  for (const built of await Promise.all(FUNCTION_NAMES.map((name) => buildFunctionBundle(name, join(dir, name))))) bundles.set(built.name, built);
  // The stack copies the operator's sources file beside the ingest dispatcher; here, the sample region's.
  copyFileSync(resolve(PROJECT_ROOT, 'sample/sources.json'), join(dir, 'ingest-dispatcher', BUNDLED_SOURCES_FILE));
}, LOCAL_SERVICES_TIMEOUT_MS);

afterAll(async () => {
  await standIns.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Lambda bundles as uploaded', () => {
  it('are each under 1 MB minified, and carry the gazetteer only where it is used', () => {
    for (const name of FUNCTION_NAMES) expect({ name, under1MB: bundle(name).bytes < ONE_MB }).toEqual({ name, under1MB: true });
    const withPlaces = FUNCTION_NAMES.filter((name) => bundle(name).files.includes('places.tsv'));
    expect(withPlaces).toEqual(['ingest-worker', 'subscription-api']);
    for (const name of FUNCTION_NAMES) expect(bundle(name).files).not.toContain('index.meta.json');
    // The ingest reads every document in a worker thread started from this file beside the bundle.
    expect(FUNCTION_NAMES.filter((name) => bundle(name).files.includes('read-worker.mjs'))).toEqual(['ingest-worker']);
    // Neither zod's locales, MJML, zipcodes nor undici's main entry are inside any bundle.
    for (const name of FUNCTION_NAMES) {
      const heavy = [...bundle(name).bytesByPackage.keys()].filter((key) => ['mjml', 'zipcodes', 'typescript', 'lodash', '@aws-sdk/credential-provider-node'].includes(key));
      expect({ name, heavy }).toEqual({ name, heavy: [] });
    }
  });

  it('fail at load with a message naming a missing environment variable', async () => {
    const result = await run('ses-feedback', { Records: [] }, { [ENV.subscribersTable]: '' });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('ConfigError');
    expect(result.stderr).toContain(ENV.subscribersTable);
  });

  it('ingest: the dispatcher queues one message per host; the worker takes them and returns only the bad record', async () => {
    const before = standIns.sent.length;
    const dispatched = await run('ingest-dispatcher', schedulerEvent);
    expect(dispatched.exitCode).toBe(0);
    const sources = parseSourcesFile(readFileSync(resolve(PROJECT_ROOT, 'sample/sources.json'), 'utf8'), 'sources.json').sources;
    // One message per host, so one request at a time per host holds across the fan-out.
    const hostCount = new Set(sources.map((source) => new URL(source.url).hostname)).size;
    expect(sources.length).toBeGreaterThan(hostCount);
    expect(dispatched.result).toEqual({ queued: hostCount });
    const messages = standIns.sent.slice(before);
    expect(messages.map((message) => message.queueUrl)).toEqual(Array.from({ length: hostCount }, () => queueUrls(endpoints).ingest));
    const first = messages[0];
    if (first === undefined) throw new Error('no message');
    const worked = await run('ingest-worker', { Records: [sqsRecord('good-1', first.body), sqsRecord('bad-1', '{"source": 42}')] });
    expect(worked.exitCode).toBe(0);
    expect(worked.result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad-1' }] });
    const failure = worked.logs.find((entry) => entry.message === 'record failed');
    expect(failure?.messageId).toBe('bad-1');
    expect(JSON.stringify(failure?.error)).toMatch(/message|source/i);
    // The stack names the project's own files: the bundle maps its frames through index.mjs.map
    // when a stack is written (functions/shared/source-map-stacks.ts), without --enable-source-maps.
    expect(JSON.stringify(failure?.error)).toMatch(/\((?:functions|shared)\/[\w/.-]+\.ts:\d+:\d+\)/);
    expect(JSON.stringify(failure?.error)).not.toMatch(/index\.mjs:\d+:\d+/);
    // The good record ran the whole ingest: the sample's feeds are on 127.0.0.1, which the deployed
    // fetcher refuses, so the source's state in DynamoDB Local records a failed fetch.
    expect(worked.logs.some((entry) => entry.message === 'source ingested')).toBe(true);
  });

  it('subscription API: an API Gateway v2 request signs up an address, and the confirmation goes out through SES', async () => {
    const email = `bundle-${String(Date.now())}@example.com`;
    const body = new URLSearchParams([['email', email], ['zip', '01852'], ['radiusMiles', '15'], ['mix', 'balanced'], ['online', 'no'], ['digestSize', '5']]).toString();
    const event = apiGatewaySignup(body);
    const response = await run('subscription-api', event);
    expect(response.exitCode).toBe(0);
    expect(response.result).toMatchObject({ statusCode: expect.any(Number) as number });
    const subscribers = createDynamoSubscriberStore(services.dynamo, services.tableNames.subscribers, resolveStoreOptions());
    const stored = await subscribers.getByEmail(email);
    // 01852 is Lowell, MA in the gazetteer read beside the bundle.
    expect(stored?.status).toBe('pending');
    expect(stored?.placeName).toBe('Lowell');
    const mails = (await services.fetchSesStore()).filter((mail) => mail.destination.to.some((to) => to.includes(email)));
    expect(mails).toHaveLength(1);

    // SES feedback as SNS delivers it: the bundle verifies the SNS signature before it acts, so a
    // notification with a forged signature (its certificate URL is not on an SNS host) changes nothing.
    // Valid signatures are tested with a self-made certificate in test/unit/subscriptions.
    const notification = { notificationType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email }], timestamp: '2026-12-01T11:05:00.000Z', feedbackId: 'f1' }, mail: { timestamp: '2026-12-01T11:00:00.000Z', messageId: 'm1', source: 'digest@example.org', destination: [email] } };
    const sns = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn:aws:sns:us-east-1:000000000000:netmix-ses:1', Sns: { Type: 'Notification', MessageId: 'sns-1', TopicArn: 'arn:aws:sns:us-east-1:000000000000:netmix-ses', Subject: null, Message: JSON.stringify(notification), Timestamp: '2026-12-01T11:05:01.000Z', SignatureVersion: '1', Signature: 'x', SigningCertUrl: 'https://sns.example/cert.pem', UnsubscribeUrl: 'https://sns.example/unsub', MessageAttributes: {} } }] };
    const feedback = await run('ses-feedback', sns);
    expect(feedback.exitCode).toBe(0);
    expect(feedback.logs.some((entry) => entry.message === 'ses notification ignored')).toBe(true);
    expect((await subscribers.getByEmail(email))?.status).toBe('pending');
  });

  it("operator report: a Scheduler event builds last week's report from the tables and mails it through SES", async () => {
    // Hand-built states of ISO week 2026-W49; the bundle runs on the machine's clock, so the week is
    // chosen to be the previous one of today rather than fixed.
    const before = (await services.fetchSesStore()).length;
    const reported = await run('operator-report', { ...schedulerEvent, resources: ['arn:aws:scheduler:us-east-1:000000000000:schedule/default/netmix-report'] });
    expect(reported.exitCode).toBe(0);
    const result = z.object({ isoWeek: z.string(), messageId: z.string().min(1) }).parse(reported.result);
    expect(result.isoWeek).toBe(previousIsoWeek(new Date(), 'America/New_York'));
    const mails = (await services.fetchSesStore()).slice(before).filter((mail) => mail.destination.to.some((to) => to.includes('operator@example.org')));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(new RegExp(`^Example Career Center: Netmix week ${result.isoWeek}: \\d+ digests sent`));
    expect(reported.logs.some((entry) => entry.message === 'operator report sent')).toBe(true);
  });

  it('subscription API: a suppressed address (no mail) is answered at the same floor as a new one (mail sent)', async () => {
    const subscribers = createDynamoSubscriberStore(services.dynamo, services.tableNames.subscribers, resolveStoreOptions());
    const suppressed = `bundle-suppressed-${String(Date.now())}@example.com`;
    const at = '2026-12-01T10:00:00.000Z';
    await subscribers.create({
      id: 'ab'.repeat(16), email: suppressed, status: 'suppressed', zip: '01852', lat: 42.64, lon: -71.31, placeName: 'Lowell', radiusMiles: 20, mix: 'balanced', online: true,
      digestSize: 8, interests: [], targetEmployers: [], fields: [], timeZone: 'America/New_York', consent: null, pausedUntil: null, calendarGeneration: 0, createdAt: at, updatedAt: at,
    });
    // Generous, so that even a cold process on a loaded machine finishes the suppressed signup's work within it.
    const floorMs = 4_000;
    const held = async (email: string) => {
      const body = new URLSearchParams([['email', email], ['zip', '01852'], ['radiusMiles', '20'], ['mix', 'balanced'], ['online', 'yes'], ['digestSize', '8']]).toString();
      const answered = await run('subscription-api', apiGatewaySignup(body), { [ENV.signupAnswerFloorMs]: String(floorMs) });
      expect(answered.result).toMatchObject({ statusCode: 202 });
      return z.object({ workMs: z.number(), heldMs: z.number(), overran: z.boolean() }).parse(answered.logs.find((entry) => entry.message === 'signup answer held'));
    };
    const fresh = `bundle-fresh-${String(Date.now())}@example.com`;
    const [quiet, mailed] = [await held(suppressed), await held(fresh)];
    // Each answer left at the floor: the work plus the hold is the floor, whichever mail was sent.
    expect(quiet.workMs + quiet.heldMs).toBeGreaterThanOrEqual(floorMs);
    expect(mailed.workMs + mailed.heldMs).toBeGreaterThanOrEqual(floorMs);
    expect(quiet.heldMs).toBeGreaterThan(0);
    expect(quiet.overran).toBe(false);
    const mailsTo = async (email: string) => (await services.fetchSesStore()).filter((mail) => mail.destination.to.includes(email)).length;
    expect(await mailsTo(suppressed)).toBe(0);
    expect(await mailsTo(fresh)).toBe(1);
  });

  it('digest: the dispatcher reads the subscribers and queues batches; the worker returns only the bad record', async () => {
    const before = standIns.sent.length;
    const dispatched = await run('digest-dispatcher', { ...schedulerEvent, resources: ['arn:aws:scheduler:us-east-1:000000000000:schedule/default/netmix-digest'] });
    expect(dispatched.exitCode).toBe(0);
    // No subscriber of this run's tables is active (the one above is suppressed): nothing to queue.
    expect(dispatched.result).toEqual({ subscribers: 0, messages: 0 });
    expect(standIns.sent.length).toBe(before);
    const worked = await run('digest-worker', { Records: [sqsRecord('bad-2', 'not json')] });
    expect(worked.exitCode).toBe(0);
    expect(worked.result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad-2' }] });
    expect(worked.logs.find((entry) => entry.message === 'record failed')?.messageId).toBe('bad-2');
    // It read its signing keys from the Secrets Manager stand-in at load.
    expect(standIns.targets).toContain('secretsmanager.GetSecretValue');
  });
});

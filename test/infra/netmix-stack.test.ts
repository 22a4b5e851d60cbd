/**
 * Synthesises the whole stack once, with cdk-nag's AwsSolutions pack registered the cdk-nag 3 way
 * (a policy-validation plugin: any unacknowledged error or warning makes synth throw). Every
 * NodejsFunction is really bundled by the local esbuild, which also proves each handler bundles.
 * Then checks the template for what reliability.md asks of it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { loadDeployment } from '../../infra/config';
import { PROJECT_ROOT } from '../../infra/constructs/netmix-function';
import { NetmixStack } from '../../infra/netmix-stack';
import { tableDefinitions, tableNamesWithPrefix, TTL_ATTRIBUTE } from '../../shared/store/tables';
import { TEST_SETTINGS } from './settings';

let stack: NetmixStack;
let assembly: CloudAssembly | undefined;
let synthError: unknown;
let template: Template;

const ResourcesSchema = z.record(z.string(), z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() }));
type Resources = z.infer<typeof ResourcesSchema>;
let resources: Resources;

function ofType(type: string): [string, Record<string, unknown>][] {
  return Object.entries(resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => [id, resource.Properties ?? {}]);
}

/** `{ "Fn::GetAtt": [id, attr] }` or `{ Ref: id }` → id. */
const RefSchema = z.union([
  z.object({ Ref: z.string() }).transform((value) => value.Ref),
  z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) }).transform((value) => value['Fn::GetAtt'][0]),
]);

const PolicySchema = z.object({
  Statement: z.array(z.object({ Effect: z.string(), Principal: z.unknown().optional(), Action: z.unknown(), Condition: z.unknown().optional() }).loose()),
});

const outdir = mkdtempSync(join(tmpdir(), 'netmix-cdk-'));
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

beforeAll(() => {
  const app = new App({ outdir });
  const deployment = loadDeployment((key) => TEST_SETTINGS[key], PROJECT_ROOT);
  stack = new NetmixStack(app, 'NetmixTest', { deployment, env: { account: '123456789012', region: 'us-east-1' } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  try {
    assembly = app.synth();
  } catch (error) {
    synthError = error;
    return;
  }
  const json: unknown = assembly.getStackByName(stack.stackName).template;
  template = Template.fromJSON(z.record(z.string(), z.unknown()).parse(json));
  resources = ResourcesSchema.parse(z.object({ Resources: z.unknown() }).parse(json).Resources);
}, 300_000);

describe('cdk-nag AwsSolutions', () => {
  it('synthesises with no unacknowledged finding (errors and warnings both fail synth)', () => {
    expect(synthError instanceof Error ? synthError.message : synthError).toBeUndefined();
    const text = readFileSync(join(assembly?.directory ?? '', 'validation-report.json'), 'utf8');
    const report = z.object({ pluginReports: z.array(z.looseObject({ violations: z.array(z.unknown()).optional() })) }).parse(JSON.parse(text));
    // The pack did run (its report is there) and found nothing left unacknowledged.
    expect(text).toContain('AwsSolutions');
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
  });

  it('gives every acknowledgement a written reason', () => {
    const acknowledgements: { id: string; reason: string; path: string }[] = [];
    const visit = (node: IConstruct): void => {
      for (const entry of node.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(z.record(z.string(), z.string()).parse(entry.data))) {
          acknowledgements.push({ id, reason, path: node.node.path });
        }
      }
      node.node.children.forEach(visit);
    };
    visit(stack);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { reason } of acknowledgements) expect(reason.trim().length).toBeGreaterThanOrEqual(40);
    // The acknowledged rules are exactly the ones argued for in the constructs, nothing broader.
    const rules = new Set(acknowledgements.map(({ id }) => id.replace(/^AwsSolutions::/, '').replace(/\[.*$/, '')));
    expect([...rules].sort()).toEqual(['AwsSolutions-APIG4', 'AwsSolutions-COG4', 'AwsSolutions-IAM5', 'AwsSolutions-L1', 'AwsSolutions-SMG4', 'AwsSolutions-SNS2', 'AwsSolutions-SQS3']);
    // IAM5 is acknowledged only finding by finding, never for a whole role.
    for (const { id } of acknowledgements.filter((a) => a.id.includes('IAM5'))) expect(id).toMatch(/IAM5\[Resource::.+\]$/);
  });

  it('is a live check: an unencrypted queue without a DLQ fails synth', () => {
    const app = new App({ outdir: join(outdir, 'probe') });
    const probe = new Stack(app, 'Probe');
    new sqs.Queue(probe, 'Plain', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS2/);
  });
});

describe('tables', () => {
  it('has six on-demand tables with PITR, deletion protection and RETAIN', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    expect(tables).toHaveLength(6);
    for (const [, table] of tables) {
      expect(table['BillingMode']).toBe('PAY_PER_REQUEST');
      expect(table['PointInTimeRecoverySpecification']).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table['DeletionProtectionEnabled']).toBe(true);
    }
    template.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it("matches shared/store's CreateTable definitions: keys, GSIs and TTL attribute", () => {
    // Compared with the store's own definitions (what DynamoDB Local gets), not with infra's copy.
    const definitions = tableDefinitions(tableNamesWithPrefix('netmix'));
    expect(definitions).toHaveLength(6);
    const deployed = ofType('AWS::DynamoDB::Table');
    for (const { input, ttl } of definitions) {
      const role = (input.TableName ?? '').replace(/^netmix-/, '');
      // Logical ids come from the construct ids: Tables/Events → TablesEvents<hash>.
      const [, table] = deployed.find(([id]) => id.toLowerCase().startsWith(`tables${role}`)) ?? [];
      expect(table, role).toBeDefined();
      expect(table?.['KeySchema'], role).toEqual(input.KeySchema);
      const sortByName = <T extends { AttributeName?: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
      expect(sortByName(z.array(z.object({ AttributeName: z.string(), AttributeType: z.string() })).parse(table?.['AttributeDefinitions'])), role).toEqual(sortByName(input.AttributeDefinitions ?? []));
      const indexes = z.array(z.object({ IndexName: z.string(), KeySchema: z.unknown(), Projection: z.unknown() })).parse(table?.['GlobalSecondaryIndexes'] ?? []);
      expect(indexes, role).toEqual((input.GlobalSecondaryIndexes ?? []).map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection })));
      expect(table?.['TimeToLiveSpecification'], role).toEqual(ttl ? { AttributeName: TTL_ATTRIBUTE, Enabled: true } : undefined);
    }
  });
});

describe('queues', () => {
  it('encrypts every queue and denies non-TLS access to it', () => {
    const queues = ofType('AWS::SQS::Queue');
    // The ingest and digest work queues and the stack's one dead-letter queue.
    expect(queues).toHaveLength(3);
    for (const [, queue] of queues) expect(queue['SqsManagedSseEnabled']).toBe(true);
    const tlsDenied = new Set(
      ofType('AWS::SQS::QueuePolicy')
        .filter(([, policy]) => JSON.stringify(policy['PolicyDocument']).includes('"aws:SecureTransport":"false"'))
        .flatMap(([, policy]) => z.array(RefSchema).parse(policy['Queues'])),
    );
    for (const [id] of queues) expect(tlsDenied.has(id), id).toBe(true);
  });

  it('redrives both work queues to the one DLQ after at least 5 receives', () => {
    const redriven = ofType('AWS::SQS::Queue').filter(([, queue]) => queue['RedrivePolicy'] !== undefined);
    expect(redriven).toHaveLength(2);
    const targets = new Set<string>();
    for (const [, queue] of redriven) {
      const policy = z.object({ maxReceiveCount: z.number(), deadLetterTargetArn: RefSchema }).parse(queue['RedrivePolicy']);
      expect(policy.maxReceiveCount).toBeGreaterThanOrEqual(5);
      expect(resources[policy.deadLetterTargetArn]?.Type).toBe('AWS::SQS::Queue');
      targets.add(policy.deadLetterTargetArn);
    }
    expect([...targets]).toEqual([stack.getLogicalId(stack.deadLetters.node.defaultChild as sqs.CfnQueue)]);
  });

  it('reports partial batch failures, bounds concurrency and keeps visibility ≥ 6 × the worker timeout', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(2);
    for (const [, mapping] of mappings) {
      expect(mapping['FunctionResponseTypes']).toEqual(['ReportBatchItemFailures']);
      expect(mapping['ScalingConfig']).toEqual({ MaximumConcurrency: 2 });
      const queue = resources[RefSchema.parse(mapping['EventSourceArn'])]?.Properties ?? {};
      const fn = resources[RefSchema.parse(mapping['FunctionName'])]?.Properties ?? {};
      const timeout = z.number().parse(fn['Timeout']);
      expect(z.number().parse(queue['VisibilityTimeout'])).toBeGreaterThanOrEqual(6 * timeout);
    }
  });
});

describe('schedules', () => {
  it('runs ingest daily at 05:00 and the digest on Monday 07:00 (the defaults), in the region zone, with retries and a DLQ', () => {
    const schedules = ofType('AWS::Scheduler::Schedule');
    expect(schedules.map(([, schedule]) => schedule['ScheduleExpression']).sort()).toEqual(['cron(0 5 * * ? *)', 'cron(0 7 ? * MON *)', 'cron(0 8 ? * MON *)']);
    for (const [, schedule] of schedules) {
      // The sample sources file's region zone.
      expect(schedule['ScheduleExpressionTimezone']).toBe('America/New_York');
      expect(schedule['FlexibleTimeWindow']).toEqual({ Mode: 'OFF' });
      const target = z
        .object({ RetryPolicy: z.object({ MaximumRetryAttempts: z.number(), MaximumEventAgeInSeconds: z.number() }), DeadLetterConfig: z.object({ Arn: RefSchema }) })
        .loose()
        .parse(schedule['Target']);
      expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 });
      expect(resources[target.DeadLetterConfig.Arn]?.Type).toBe('AWS::SQS::Queue');
    }
  });

  it('sends failed asynchronous invocations of the dispatchers and the feedback handler to a queue', () => {
    const configs = ofType('AWS::Lambda::EventInvokeConfig');
    // The two dispatchers, the feedback handler and the operator's report.
    expect(configs).toHaveLength(4);
    for (const [, config] of configs) {
      const onFailure = z.object({ OnFailure: z.object({ Destination: RefSchema }) }).parse(config['DestinationConfig']);
      expect(resources[onFailure.OnFailure.Destination]?.Type).toBe('AWS::SQS::Queue');
    }
  });
});

describe('mail', () => {
  it('turns reputation metrics and bounce/complaint suppression on, with no tracking', () => {
    const [[, configurationSet] = ['', {}]] = ofType('AWS::SES::ConfigurationSet');
    expect(configurationSet['ReputationOptions']).toEqual({ ReputationMetricsEnabled: true });
    expect(configurationSet['SuppressionOptions']).toEqual({ SuppressedReasons: ['BOUNCE', 'COMPLAINT'] });
    expect(configurationSet['TrackingOptions']).toBeUndefined();
  });

  it('publishes only bounces and complaints, to a topic whose policy lets this configuration set publish', () => {
    const destinations = ofType('AWS::SES::ConfigurationSetEventDestination');
    expect(destinations).toHaveLength(1);
    const destination = z
      .object({ MatchingEventTypes: z.array(z.string()), SnsDestination: z.object({ TopicARN: RefSchema }) })
      .loose()
      .parse(destinations[0]?.[1]['EventDestination']);
    const types = destination.MatchingEventTypes.map((type) => type.toUpperCase());
    expect(types.sort()).toEqual(['BOUNCE', 'COMPLAINT']);
    expect(types).not.toContain('OPEN');
    expect(types).not.toContain('CLICK');
    const publishers = ofType('AWS::SNS::TopicPolicy')
      .filter(([, policy]) => z.array(RefSchema).parse(policy['Topics']).includes(destination.SnsDestination.TopicARN))
      .flatMap(([, policy]) => PolicySchema.parse(policy['PolicyDocument']).Statement)
      .filter((statement) => statement.Effect === 'Allow');
    expect(publishers).toHaveLength(1);
    expect(publishers[0]).toMatchObject({ Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' });
    expect(JSON.stringify(publishers[0]?.Condition).toLowerCase()).toContain('"aws:sourceaccount":"123456789012"');
    expect(JSON.stringify(publishers[0]?.Condition)).toContain(':configuration-set/');
  });

  it('creates the domain identity with 2048-bit Easy DKIM and a custom MAIL FROM that fails closed', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.example.org',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: { MailFromDomain: 'bounce.mail.example.org', BehaviorOnMxFailure: 'REJECT_MESSAGE' },
    });
  });

  it('denies non-TLS publishing on every topic, and (by default) spends no KMS key on them', () => {
    const topics = ofType('AWS::SNS::Topic');
    expect(topics).toHaveLength(2);
    // topicKey=true encrypts them (test/infra/deployment-settings.test.ts); the default saves $1 a month.
    for (const [, topic] of topics) expect(topic['KmsMasterKeyId']).toBeUndefined();
    expect(ofType('AWS::KMS::Key')).toHaveLength(0);
    const tlsDenied = ofType('AWS::SNS::TopicPolicy')
      .filter(([, policy]) => JSON.stringify(policy['PolicyDocument']).includes('"aws:SecureTransport":"false"'))
      .flatMap(([, policy]) => z.array(RefSchema).parse(policy['Topics']));
    expect(new Set(tlsDenied)).toEqual(new Set(topics.map(([id]) => id)));
  });
});

describe('alarms', () => {
  const AlarmSchema = z.object({ MetricName: z.string().optional(), Namespace: z.string().optional(), Threshold: z.number(), AlarmActions: z.array(RefSchema) }).loose();

  it('alarms on SES bounce rate > 2 % and complaint rate > 0.08 %', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => AlarmSchema.parse(alarm));
    const bounce = alarms.find((alarm) => alarm.MetricName === 'Reputation.BounceRate');
    const complaint = alarms.find((alarm) => alarm.MetricName === 'Reputation.ComplaintRate');
    expect(bounce?.Threshold).toBe(0.02);
    expect(complaint?.Threshold).toBe(0.0008);
    expect(bounce?.Namespace).toBe('AWS/SES');
  });

  it('alarms on the dead-letter queue and the API errors: four alarms, all to the operator topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => AlarmSchema.parse(alarm));
    expect(alarms).toHaveLength(4);
    expect(alarms.filter((alarm) => alarm.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    expect(alarms.filter((alarm) => alarm.MetricName === 'Errors')).toHaveLength(1);
    const topics = new Set(alarms.flatMap((alarm) => alarm.AlarmActions));
    expect(topics.size).toBe(1);
    expect(resources[[...topics][0] ?? '']?.Properties?.['DisplayName']).toBe('Netmix operator alarms');
  });

  it('sends every queued or asynchronous failure to the one alarmed dead-letter queue', () => {
    const dlq = stack.getLogicalId(stack.deadLetters.node.defaultChild as sqs.CfnQueue);
    const schedules = ofType('AWS::Scheduler::Schedule').map(([, schedule]) => z.object({ DeadLetterConfig: z.object({ Arn: RefSchema }) }).loose().parse(schedule['Target']).DeadLetterConfig.Arn);
    const invokes = ofType('AWS::Lambda::EventInvokeConfig').map(([, config]) => z.object({ OnFailure: z.object({ Destination: RefSchema }) }).parse(config['DestinationConfig']).OnFailure.Destination);
    const snsDlqs = ofType('AWS::SNS::Subscription').filter(([, subscription]) => subscription['Protocol'] === 'lambda').map(([, subscription]) => z.object({ deadLetterTargetArn: RefSchema }).parse(subscription['RedrivePolicy']).deadLetterTargetArn);
    expect(new Set([...schedules, ...invokes, ...snsDlqs])).toEqual(new Set([dlq]));
    const alarmed = ofType('AWS::CloudWatch::Alarm').flatMap(([, alarm]) => z.array(z.object({ Name: z.string(), Value: RefSchema.or(z.unknown()) })).parse(alarm['Dimensions'] ?? []));
    expect(JSON.stringify(alarmed)).toContain(dlq);
  });

  it("lets CloudWatch alarms of this account publish to the operator topic (a topic policy replaces SNS's default)", () => {
    const [operatorTopic] = ofType('AWS::SNS::Topic').find(([, topic]) => topic['DisplayName'] === 'Netmix operator alarms') ?? [];
    const statements = ofType('AWS::SNS::TopicPolicy')
      .filter(([, policy]) => z.array(RefSchema).parse(policy['Topics']).includes(operatorTopic ?? ''))
      .flatMap(([, policy]) => PolicySchema.parse(policy['PolicyDocument']).Statement);
    const allow = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allow).toHaveLength(1);
    expect(allow[0]).toMatchObject({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' });
    expect(JSON.stringify(allow[0]?.Condition)).toContain('"aws:SourceAccount":"123456789012"');
    expect(JSON.stringify(allow[0]?.Condition)).toContain(':alarm:*');
    // And the email subscription is there.
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });
});

describe('subscription API', () => {
  it('throttles the stage and writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] }, Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('allows only the site origin', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: ['https://netmix.example.org'] } });
  });
});

describe('links', () => {
  it("builds every mail's links on the API's own URL, not on the operator's website", () => {
    const api = ofType('AWS::ApiGatewayV2::Api')[0]?.[0] ?? '';
    const linkOrigins = ofType('AWS::Lambda::Function').flatMap(([, fn]) => {
      const variables = z.object({ Variables: z.record(z.string(), z.unknown()) }).parse(fn['Environment']).Variables;
      return variables['NETMIX_LINK_ORIGIN'] === undefined ? [] : [variables['NETMIX_LINK_ORIGIN']];
    });
    // The digest worker and the subscription API build links.
    expect(linkOrigins).toEqual([{ 'Fn::GetAtt': [api, 'ApiEndpoint'] }, { 'Fn::GetAtt': [api, 'ApiEndpoint'] }]);
  });

  it('prints the link origin, the sign-up URL, the operator topic, the DLQ, the tables and the DNS SES needs', () => {
    const outputs = z.record(z.string(), z.object({ Value: z.unknown() }).loose()).parse(template.toJSON()['Outputs']);
    expect(Object.keys(outputs).sort()).toEqual(
      ['DeadLetterQueueUrl', 'DeliveriesTable', 'EventsTable', 'LinkOrigin', 'OperatorTopicArn', 'SesDnsRecords', 'SignupUrl', 'SigningKeySecretArn', 'SourcesTable', 'SubscribersTable', 'TimeZone'].sort(),
    );
    // `netmix report --aws` reads weeks in the deployment's zone.
    expect(outputs['TimeZone']?.Value).toBe('America/New_York');
    const dns = JSON.stringify(outputs['SesDnsRecords']?.Value);
    expect(dns).toContain('MX bounce.mail.example.org 10 feedback-smtp.us-east-1.amazonses.com');
    expect(dns).toContain('v=spf1 include:amazonses.com ~all');
    expect(dns).toContain('_dmarc.mail.example.org');
    expect(dns.match(/CNAME /g)).toHaveLength(3);
  });
});

describe('functions', () => {
  it('runs seven functions on nodejs22.x / arm64 with explicit timeouts, memory and their own log group', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions).toHaveLength(7);
    for (const [, fn] of functions) {
      expect(fn['Runtime']).toBe('nodejs22.x');
      expect(fn['Architectures']).toEqual(['arm64']);
      expect(z.number().parse(fn['Timeout'])).toBeGreaterThan(0);
      expect(z.number().parse(fn['MemorySize'])).toBeGreaterThanOrEqual(256);
      const logGroup = z.object({ LogGroup: RefSchema }).loose().parse(fn['LoggingConfig']).LogGroup;
      expect(resources[logGroup]?.Properties?.['RetentionInDays']).toBe(90);
    }
  });

  it('ships the validated sources file inside the ingest dispatcher bundle', () => {
    const [, dispatcher] = ofType('AWS::Lambda::Function').find(([, fn]) => fn['Description'] === 'Queues one ingest message per configured source') ?? [];
    const key = z.object({ S3Key: z.string() }).loose().parse(dispatcher?.['Code']).S3Key;
    const bundled: unknown = JSON.parse(readFileSync(join(assembly?.directory ?? '', `asset.${key.replace(/\.zip$/, '')}`, 'sources.json'), 'utf8'));
    expect(bundled).toEqual(JSON.parse(readFileSync(join(PROJECT_ROOT, 'sample/sources.json'), 'utf8')));
  });

  it('holds no secret value in any environment: the signing key arrives as a secret ARN only', () => {
    const secrets = ofType('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.[1]['SecretString']).toBeUndefined();
    expect(secrets[0]?.[1]['GenerateSecretString']).toMatchObject({ GenerateStringKey: 'secret' });
    let secretRefs = 0;
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const variables = z.object({ Variables: z.record(z.string(), z.unknown()) }).parse(fn['Environment']).Variables;
      for (const [name, value] of Object.entries(variables)) {
        if (/SECRET|KEY|PASSWORD|TOKEN/.test(name)) {
          expect(name).toMatch(/_SECRET_ARN$/);
          expect(resources[RefSchema.parse(value)]?.Type).toBe('AWS::SecretsManager::Secret');
          secretRefs += 1;
        }
      }
    }
    // The digest worker and the subscription API sign links.
    expect(secretRefs).toBe(2);
  });

  it('gives each function its own role, with no managed policy and no wildcard action', () => {
    const lambdaRoles = ofType('AWS::IAM::Role').filter(([, role]) => JSON.stringify(role['AssumeRolePolicyDocument']).includes('lambda.amazonaws.com'));
    const roleOf = new Set(ofType('AWS::Lambda::Function').map(([, fn]) => RefSchema.parse(fn['Role'])));
    expect(roleOf.size).toBe(7);
    for (const [id, role] of lambdaRoles) {
      expect(roleOf.has(id)).toBe(true);
      expect(role['ManagedPolicyArns']).toBeUndefined();
    }
    const StatementSchema = z.object({ Action: z.union([z.string(), z.array(z.string())]) }).loose();
    for (const [, policy] of ofType('AWS::IAM::Policy')) {
      const statements = z.object({ Statement: z.array(StatementSchema) }).parse(policy['PolicyDocument']).Statement;
      for (const statement of statements) {
        for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
      }
    }
  });

  it('scopes SES sending to the identity and the configuration set', () => {
    const sendStatements = ofType('AWS::IAM::Policy').flatMap(([, policy]) =>
      z
        .object({ Statement: z.array(z.object({ Action: z.union([z.string(), z.array(z.string())]), Resource: z.unknown() }).loose()) })
        .parse(policy['PolicyDocument'])
        .Statement.filter((statement) => [statement.Action].flat().includes('ses:SendRawEmail')),
    );
    // The digest worker, the subscription API (confirmation mail) and the operator's report.
    expect(sendStatements).toHaveLength(3);
    for (const statement of sendStatements) {
      const text = JSON.stringify(statement.Resource);
      expect(text).toContain(':identity/mail.example.org');
      expect(text).toContain(':configuration-set/');
      expect(text).not.toMatch(/"\*"/);
    }
  });
});

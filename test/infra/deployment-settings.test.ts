/**
 * The deployment settings that change the template: a custom API domain, KMS-encrypted topics and
 * the schedule's day and hours. Synthesised without bundling (the CDK context key
 * `aws:cdk:bundling-stacks` = []), since netmix-stack.test.ts already bundles every function.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { loadDeployment } from '../../infra/config';
import { PROJECT_ROOT } from '../../infra/constructs/netmix-function';
import { NetmixStack } from '../../infra/netmix-stack';
import { TEST_SETTINGS } from './settings';

const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const outdir = mkdtempSync(join(tmpdir(), 'netmix-cdk-settings-'));
let template: Template;
let json: Record<string, unknown>;

beforeAll(() => {
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const settings: Record<string, string> = {
    ...TEST_SETTINGS,
    apiDomain: 'subscribe.example.org',
    apiCertificateArn: CERTIFICATE,
    topicKey: 'true',
    digestDay: 'TUE',
    digestHour: '9',
    ingestHour: '4',
  };
  const deployment = loadDeployment((key) => settings[key], PROJECT_ROOT);
  const stack = new NetmixStack(app, 'NetmixSettings', { deployment, env: { account: '123456789012', region: 'us-east-1' } });
  template = Template.fromStack(stack);
  json = template.toJSON();
}, 120_000);

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

function resourcesOf(type: string): Record<string, unknown>[] {
  const resources = z.record(z.string(), z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() })).parse(json['Resources']);
  return Object.values(resources)
    .filter((resource) => resource.Type === type)
    .map((resource) => resource.Properties ?? {});
}

describe('a custom API domain', () => {
  it('serves the API on the domain with its certificate and turns the default endpoint off', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'subscribe.example.org',
      DomainNameConfigurations: [{ CertificateArn: CERTIFICATE, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
  });

  it('builds every link on https://<domain> and prints the CNAME target', () => {
    const origins = resourcesOf('AWS::Lambda::Function').flatMap((fn) => {
      const variables = z.object({ Variables: z.record(z.string(), z.unknown()) }).parse(fn['Environment']).Variables;
      return variables['NETMIX_LINK_ORIGIN'] === undefined ? [] : [variables['NETMIX_LINK_ORIGIN']];
    });
    expect(origins).toEqual(['https://subscribe.example.org', 'https://subscribe.example.org']);
    const outputs = z.record(z.string(), z.object({ Value: z.unknown(), Description: z.string() }).loose()).parse(json['Outputs']);
    expect(outputs['LinkOrigin']?.Value).toBe('https://subscribe.example.org');
    expect(outputs['SignupUrl']?.Value).toBe('https://subscribe.example.org/');
    expect(JSON.stringify(outputs['ApiDomainTarget']?.Value)).toContain('RegionalDomainName');
    expect(outputs['ApiDomainTarget']?.Description).toContain('CNAME subscribe.example.org');
  });
});

describe('topicKey=true', () => {
  it('encrypts both topics with one customer-managed key', () => {
    const keys = resourcesOf('AWS::KMS::Key');
    expect(keys).toHaveLength(1);
    for (const topic of resourcesOf('AWS::SNS::Topic')) expect(topic['KmsMasterKeyId']).toBeDefined();
  });

  it('lets SES and CloudWatch use the key only on behalf of this account (aws:SourceAccount)', () => {
    const policy = z.object({ Statement: z.array(z.object({ Principal: z.unknown(), Action: z.unknown(), Condition: z.unknown().optional() }).loose()) }).parse(resourcesOf('AWS::KMS::Key')[0]?.['KeyPolicy']);
    for (const service of ['ses.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      const statements = policy.Statement.filter((statement) => JSON.stringify(statement.Principal) === JSON.stringify({ Service: service }));
      expect(statements, service).toHaveLength(1);
      expect(statements[0]?.Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
      expect(statements[0]?.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
    }
  });
});

describe('schedule settings', () => {
  it('runs the ingest at ingestHour and the digest on digestDay at digestHour', () => {
    const expressions = resourcesOf('AWS::Scheduler::Schedule').map((schedule) => schedule['ScheduleExpression']);
    // The operator's report keeps its Monday 08:00, whatever the digest's day.
    expect(expressions.sort()).toEqual(['cron(0 4 * * ? *)', 'cron(0 8 ? * MON *)', 'cron(0 9 ? * TUE *)']);
  });
});

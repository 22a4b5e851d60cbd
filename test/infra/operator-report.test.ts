/**
 * The operator's weekly report in the template: its schedule (Monday 08:00 in the region's zone),
 * its environment, read-only table grants and the SES send grant, the feedback handler's tally-only
 * write, and cdk-nag clean. Synthesised without bundling (the bundle is built and run as uploaded in
 * test/bundles; netmix-stack.test.ts bundles every function).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnElement, Validations } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ENV } from '../../functions/shared/env-names';
import { loadDeployment } from '../../infra/config';
import { PROJECT_ROOT } from '../../infra/constructs/netmix-function';
import { NetmixStack } from '../../infra/netmix-stack';
import { TEST_SETTINGS } from './settings';

const ResourcesSchema = z.record(z.string(), z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).default({}) }));
const StatementSchema = z.object({ Action: z.union([z.string(), z.array(z.string())]), Resource: z.unknown(), Condition: z.unknown().optional() }).loose();
const PolicySchema = z.object({ PolicyDocument: z.object({ Statement: z.array(StatementSchema) }), Roles: z.array(z.object({ Ref: z.string() })) }).loose();

let resources: z.infer<typeof ResourcesSchema>;
let stack: NetmixStack;
let assembly: CloudAssembly;
const outdir = mkdtempSync(join(tmpdir(), 'netmix-cdk-report-'));
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

beforeAll(() => {
  // No stack is bundled: the functions get placeholder code, the rest of the template is the same.
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new NetmixStack(app, 'NetmixReport', { deployment: loadDeployment((key) => TEST_SETTINGS[key], PROJECT_ROOT), env: { account: '123456789012', region: 'us-east-1' } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  assembly = app.synth();
  const template = z.object({ Resources: z.unknown() }).parse(assembly.getStackByName(stack.stackName).template);
  resources = ResourcesSchema.parse(template.Resources);
}, 120_000);

function idOf(construct: IConstruct): string {
  const child = construct.node.defaultChild;
  if (!(child instanceof CfnElement)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return stack.getLogicalId(child);
}

function statementsOf(roleId: string): z.infer<typeof StatementSchema>[] {
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .map((resource) => PolicySchema.parse(resource.Properties))
    .filter((policy) => policy.Roles.some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.PolicyDocument.Statement);
}

describe('the operator report in the template', () => {
  it('is cdk-nag clean (the stack synthesises with no unacknowledged AwsSolutions finding)', () => {
    const report = z.object({ pluginReports: z.array(z.looseObject({ violations: z.array(z.unknown()).optional() })) }).parse(JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')));
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
  });

  it('runs on Monday 08:00 in the region zone, with retries and the dead-letter queue', () => {
    const fnId = idOf(stack.report.handler.fn);
    const schedule = Object.values(resources).find((resource) => resource.Type === 'AWS::Scheduler::Schedule' && JSON.stringify(resource.Properties['Target']).includes(fnId));
    expect(schedule?.Properties['ScheduleExpression']).toBe('cron(0 8 ? * MON *)');
    expect(schedule?.Properties['ScheduleExpressionTimezone']).toBe('America/New_York');
    expect(z.object({ RetryPolicy: z.unknown() }).loose().parse(schedule?.Properties['Target']).RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 });
    expect(JSON.stringify(schedule?.Properties['Target'])).toContain(idOf(stack.deadLetters));
  });

  it('is told the four tables, the zone, the sender and the operator address', () => {
    const fn = resources[idOf(stack.report.handler.fn)];
    const variables = z.object({ Variables: z.record(z.string(), z.unknown()) }).parse(fn?.Properties['Environment']).Variables;
    for (const name of [ENV.eventsTable, ENV.sourcesTable, ENV.subscribersTable, ENV.deliveriesTable, ENV.configurationSet]) expect(variables[name]).toBeDefined();
    expect(variables[ENV.reportEmail]).toBe('ops@example.org');
    expect(variables[ENV.fromAddress]).toBe('digest@mail.example.org');
    expect(variables[ENV.timeZone]).toBe('America/New_York');
    expect(variables[ENV.operatorName]).toBe('Example Career Center');
  });

  it('may read the tables and send mail, nothing more', () => {
    const statements = statementsOf(idOf(stack.report.handler.role));
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    const writes = actions.filter((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action));
    expect(writes).toEqual([]);
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:Scan');
    expect(actions).toContain('ses:SendEmail');
    const send = statements.find((statement) => [statement.Action].flat().includes('ses:SendEmail'));
    expect(JSON.stringify(send?.Resource)).toContain(':identity/mail.example.org');
    // Four tables (and their indexes) read; not the signup limits.
    const text = JSON.stringify(statements);
    const { events, sources, subscribers, deliveries, limits } = stack.tables;
    expect([events, sources, subscribers, deliveries, limits].map((table) => text.includes(idOf(table)))).toEqual([true, true, true, true, false]);
  });

  it("lets the feedback handler write only the deliveries table's tally items", () => {
    const statements = statementsOf(idOf(stack.mail.feedback.role));
    const onDeliveries = statements.filter((statement) => JSON.stringify(statement.Resource).includes(idOf(stack.tables.deliveries)));
    expect(onDeliveries).toHaveLength(1);
    expect(onDeliveries[0]?.Action).toBe('dynamodb:UpdateItem');
    expect(onDeliveries[0]?.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['#tally'] } });
  });
});

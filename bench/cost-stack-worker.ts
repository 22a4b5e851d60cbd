/**
 * The stack half of `npm run bench -- cost`, in its own process: synthesises NetmixStack with the
 * infra tests' settings (test/infra/settings.ts, topicKey left at its default) and without bundling
 * (placeholder code; the rest of the template is what deploys), then reads from the template what
 * bills by the month (alarms, secrets, KMS keys) and the two workers' memory size and architecture.
 * Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import * as z from 'zod';
import { loadDeployment } from '../infra/config';
import { PROJECT_ROOT } from '../infra/constructs/netmix-function';
import { NetmixStack } from '../infra/netmix-stack';
import { TEST_SETTINGS } from '../test/infra/settings';

const ResourcesSchema = z.record(z.string(), z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).default({}) }));
const FunctionSchema = z
  .object({
    MemorySize: z.number(),
    Architectures: z.array(z.string()).default(['x86_64']),
    Environment: z.object({ Variables: z.record(z.string(), z.unknown()) }),
  })
  .loose();

const outdir = mkdtempSync(join(tmpdir(), 'netmix-cost-'));
try {
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new NetmixStack(app, 'NetmixCost', { deployment: loadDeployment((key) => TEST_SETTINGS[key], PROJECT_ROOT), env: { account: '123456789012', region: 'us-east-1' } });
  const template = z.object({ Resources: z.unknown() }).parse(app.synth().getStackByName(stack.stackName).template);
  const resources = Object.values(ResourcesSchema.parse(template.Resources));
  const count = (type: string) => resources.filter((resource) => resource.Type === type).length;
  const functionOf = (service: string) => {
    const found = resources
      .filter((resource) => resource.Type === 'AWS::Lambda::Function')
      .map((resource) => FunctionSchema.parse(resource.Properties))
      .find((fn) => fn.Environment.Variables['POWERTOOLS_SERVICE_NAME'] === service);
    if (found === undefined) throw new Error(`no function ${service} in the template`);
    return { memoryMb: found.MemorySize, architecture: found.Architectures[0] ?? 'x86_64' };
  };
  process.stdout.write(
    `${JSON.stringify({
      alarms: count('AWS::CloudWatch::Alarm'),
      secrets: count('AWS::SecretsManager::Secret'),
      kmsKeys: count('AWS::KMS::Key'),
      functions: count('AWS::Lambda::Function'),
      digestWorker: functionOf('netmix-digest-worker'),
      ingestWorker: functionOf('netmix-ingest-worker'),
    })}\n`,
  );
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

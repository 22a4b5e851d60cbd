/**
 * `netmix smoke --aws [--outputs cdk-outputs.json] [--stack NAME]`: after `cdk deploy
 * --outputs-file cdk-outputs.json`, checks that the deployed API answers on the origin every link
 * is built on and accepts links signed with the deployment's key. `--origin URL --key-file F`
 * checks any running API (a local one too).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadSigningKeys, parseSigningSecret } from '../functions/shared/signing-keys';
import { OUTPUT } from '../infra/constructs/outputs';
import { runSmokeChecks } from '../shared/ops/smoke';
import type { TokenKeys } from '../shared/subscriptions/tokens';
import { UsageError } from './errors';
import { InputError } from './inputs';
import type { Io } from './io';
import { readStackOutputs } from './stack-outputs';

const HELP = `usage: netmix smoke --aws [--outputs FILE] [--stack NAME]
       netmix smoke --origin URL --key-file FILE

Checks a deployed subscription API: /health, a link signed with the deployment's key, a forged one.
  --aws            read the stack outputs written by \`npx cdk deploy --outputs-file FILE\`
                   and the signing key from Secrets Manager (your AWS credentials and region)
  --outputs FILE   the outputs file (default cdk-outputs.json)
  --stack NAME     the stack in that file (needed when it holds several)
  --origin URL     check this origin instead, with the key in --key-file ({"id","secret"} JSON)`;

async function fromOutputs(file: string, stackName: string | undefined): Promise<{ origin: string; keys: TokenKeys }> {
  const { name, outputs } = await readStackOutputs(file, stackName);
  const origin = outputs[OUTPUT.linkOrigin];
  const secretArn = outputs[OUTPUT.signingKeySecretArn];
  if (origin === undefined || secretArn === undefined) throw new InputError(`stack ${name} in ${file} has no ${OUTPUT.linkOrigin} or ${OUTPUT.signingKeySecretArn} output: deploy this version first`);
  const region = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):/.exec(secretArn)?.[1];
  const client = new SecretsManagerClient(region === undefined ? {} : { region });
  try {
    return { origin, keys: await loadSigningKeys(client, secretArn) };
  } finally {
    client.destroy();
  }
}

async function keysFromFile(file: string): Promise<TokenKeys> {
  try {
    return parseSigningSecret(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read signing keys from ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Runs the smoke checks; exit 0 when all pass, 1 otherwise. */
export async function runSmoke(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      aws: { type: 'boolean', default: false },
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      stack: { type: 'string' },
      origin: { type: 'string' },
      'key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  let target: { origin: string; keys: TokenKeys };
  if (values.aws) target = await fromOutputs(values.outputs, values.stack);
  else if (values.origin !== undefined && values['key-file'] !== undefined) target = { origin: values.origin, keys: await keysFromFile(values['key-file']) };
  else throw new UsageError(`pass --aws, or --origin with --key-file\n${HELP}`);
  const local = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(target.origin.replace(/\/+$/, ''));
  const checks = await runSmokeChecks({ origin: target.origin, keys: target.keys, now: io.now(), allowHttp: local });
  for (const check of checks) io.out(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name} — ${check.detail}`);
  const failed = checks.filter((check) => !check.ok).length;
  io.out(failed === 0 ? `all ${checks.length} checks passed` : `${failed} of ${checks.length} checks failed`);
  return failed === 0 ? 0 : 1;
}

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemovalPolicy, type Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import type { EnvName } from '../../functions/shared/env-names';
import { acknowledgeNag, nagArnOf } from './nag';

/** The repository root: handlers live in `functions/<name>/handler.ts` under it. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * esbuild's ESM output keeps CommonJS dependencies' `require` calls; without a real `require` they
 * fail at load with `Dynamic require of "node:https"` (stack-notes.md).
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * Lambda hands a function its role's credentials in environment variables, so the SDK's default
 * chain (SSO, INI files, process, web identity, IMDS and the STS/SSO clients they need) is dead
 * weight there: every client's `@aws-sdk/credential-provider-node` import resolves to this module,
 * which reads the environment only.
 */
export const LAMBDA_CREDENTIALS_MODULE = 'functions/shared/lambda-credentials.ts';

/**
 * The esbuild settings of every bundle, in one object so the stack and the tests that build the
 * bundles cannot drift apart ({@link esbuildOptionsFor} maps them to esbuild's API the way
 * `NodejsFunction` maps them to its command line).
 */
export const NETMIX_BUNDLING = {
  format: 'esm',
  target: 'node22',
  platform: 'node',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  alias: { '@aws-sdk/credential-provider-node': `./${LAMBDA_CREDENTIALS_MODULE}` },
  /**
   * undici's llhttp without WebAssembly SIMD (72 KB), loaded only where SIMD is missing (ppc64) or
   * under Jest. Node 22 on Lambda's arm64 and x86_64 has SIMD; were it ever missing, the first
   * fetch would fail naming this file rather than parse HTTP differently.
   */
  external: ['./node_modules/undici/lib/llhttp/llhttp-wasm.js'],
} as const;

/** Environment every function gets from the stack, before its own settings and bindings. */
export function baseEnvironment(name: string): Record<string, string> {
  // No `--enable-source-maps`: it indexes the map at every cold start; functions/shared/source-map-stacks.ts
  // maps a stack's frames only when one is written.
  return { POWERTOOLS_SERVICE_NAME: `netmix-${name}` };
}

/** The bundle's file name: `NodejsFunction` names an ESM bundle `index.mjs`. */
export const BUNDLE_FILE = 'index.mjs';

/** Where esbuild writes its metafile in the output folder; it is read by the data-file step and removed. */
const METAFILE = 'index.meta.json';

/** Data files a module reads beside the bundle at run time, copied in only when the module is bundled. */
export const BUNDLE_DATA_FILES: readonly { module: string; file: string }[] = [
  { module: 'shared/gazetteer/gazetteer.ts', file: 'shared/gazetteer/places.tsv' },
];

/** esbuild's build options for `functions/<name>/handler.ts`, exactly as the stack bundles it. */
export function esbuildOptionsFor(name: string, outputDir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints: [resolve(PROJECT_ROOT, 'functions', name, 'handler.ts')],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    outfile: resolve(outputDir, BUNDLE_FILE),
    format: NETMIX_BUNDLING.format,
    target: NETMIX_BUNDLING.target,
    platform: NETMIX_BUNDLING.platform,
    mainFields: [...NETMIX_BUNDLING.mainFields],
    banner: { js: NETMIX_BUNDLING.banner },
    minify: NETMIX_BUNDLING.minify,
    sourcemap: NETMIX_BUNDLING.sourceMap,
    sourcesContent: NETMIX_BUNDLING.sourcesContent,
    alias: { ...NETMIX_BUNDLING.alias },
    external: [...NETMIX_BUNDLING.external],
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * Shell commands (run in {@link PROJECT_ROOT}) that finish a bundle in `outputDir`: copy each data
 * file whose module the metafile lists, then drop the metafile so it is not uploaded.
 */
export function finishBundleCommands(outputDir: string): string[] {
  const meta = `${outputDir}/${METAFILE}`;
  return [
    ...BUNDLE_DATA_FILES.map(({ module, file }) => `if grep -q '"${module}"' "${meta}"; then cp "${resolve(PROJECT_ROOT, file)}" "${outputDir}/"; fi`),
    ...BUNDLE_WORKERS.map(({ module, entry, file }) => `if grep -q '"${module}"' "${meta}"; then ${workerBuildCommand(entry, `${outputDir}/${file}`)}; fi`),
    `rm -f "${meta}"`,
  ];
}

/**
 * Worker threads a module starts from a file beside the bundle, built as a second entry with the
 * handler's own options when the module is bundled (the bounded document reader's parse worker).
 */
export const BUNDLE_WORKERS: readonly { module: string; entry: string; file: string }[] = [
  { module: 'shared/sources/bounded-read.ts', entry: 'shared/sources/read-worker.ts', file: 'read-worker.mjs' },
];

function workerBuildCommand(entry: string, outfile: string): string {
  const options = [
    '--bundle',
    `--format=${NETMIX_BUNDLING.format}`,
    `--target=${NETMIX_BUNDLING.target}`,
    `--platform=${NETMIX_BUNDLING.platform}`,
    `--main-fields=${NETMIX_BUNDLING.mainFields.join(',')}`,
    `--banner:js="${NETMIX_BUNDLING.banner}"`,
    '--minify',
    '--log-level=warning',
    ...Object.entries(NETMIX_BUNDLING.alias).map(([from, to]) => `--alias:${from}=${to}`),
    ...NETMIX_BUNDLING.external.map((path) => `--external:${path}`),
  ];
  return `(cd "${PROJECT_ROOT}" && "${resolve(PROJECT_ROOT, 'node_modules/.bin/esbuild')}" "${entry}" ${options.join(' ')} --outfile="${outfile}")`;
}

export interface NetmixFunctionProps {
  /** Folder under `functions/`. */
  name: string;
  description: string;
  timeout: Duration;
  memorySize: number;
  logRetention: logs.RetentionDays;
  environment?: Partial<Record<EnvName, string>>;
  /** Shell commands run after bundling, given the bundle's output directory (to add data files). */
  afterBundling?: (outputDir: string) => string[];
}

/** How a function may use a table, in the manner of Powertools' `bindTable({ table, accessMode })`. */
export type TableAccess = 'read' | 'write' | 'readwrite';

/**
 * One Lambda with its own role, log group and retention, on Node 22 / arm64 as an ESM bundle built
 * by the local esbuild. The `bind*` methods set an environment variable and its IAM grant in the same
 * call, so what a handler is told about and what it may touch cannot drift apart.
 */
export class NetmixFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: NetmixFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    // A role of its own, without the AWS-managed basic execution policy: it may write to its log
    // group and to nothing else until a bind* call grants more.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Netmix ${props.name}`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    const afterBundling = props.afterBundling;
    this.fn = new NodejsFunction(this, 'Function', {
      entry: resolve(PROJECT_ROOT, 'functions', props.name, 'handler.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: resolve(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { ...baseEnvironment(props.name), ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: NETMIX_BUNDLING.target,
        mainFields: [...NETMIX_BUNDLING.mainFields],
        banner: NETMIX_BUNDLING.banner,
        minify: NETMIX_BUNDLING.minify,
        sourceMap: NETMIX_BUNDLING.sourceMap,
        sourcesContent: NETMIX_BUNDLING.sourcesContent,
        metafile: true,
        // CDK's type holds one value per flag; the one alias is spelled out (a second needs an array).
        esbuildArgs: { '--alias': `@aws-sdk/credential-provider-node=${NETMIX_BUNDLING.alias['@aws-sdk/credential-provider-node']}` },
        // Bundle the AWS SDK too, so its version is the lockfile's rather than whatever the runtime
        // ships that week; only the llhttp fallback stays out.
        externalModules: [...NETMIX_BUNDLING.external],
        // Local esbuild only: the alias and the data-file step resolve paths in the project root.
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [...(afterBundling?.(outputDir) ?? []), ...finishBundleCommands(outputDir)],
        },
      },
    });
    this.role.node.addDependency(this.logGroup);
  }

  /** Sets `env` to the table's name and grants `access` to the table and its indexes. */
  bindTable(env: EnvName, table: dynamodb.Table, access: TableAccess): this {
    this.fn.addEnvironment(env, table.tableName);
    if (access === 'read') table.grantReadData(this.fn);
    else if (access === 'write') table.grantWriteData(this.fn);
    else table.grantReadWriteData(this.fn);
    acknowledgeNag(this.role, `AwsSolutions-IAM5[Resource::${nagArnOf(table)}/index/*]`, 'The grant covers the global secondary indexes of this one table (queries by source, date, email, status); no other table.');
    return this;
  }

  /** Sets `env` to the queue's URL and grants sending to it. */
  bindQueueSender(env: EnvName, queue: sqs.IQueue): this {
    this.fn.addEnvironment(env, queue.queueUrl);
    queue.grantSendMessages(this.fn);
    return this;
  }

  /** Sets `env` to the secret's ARN (never its value) and grants reading it. */
  bindSecret(env: EnvName, secret: secretsmanager.ISecret): this {
    this.fn.addEnvironment(env, secret.secretArn);
    secret.grantRead(this.fn);
    return this;
  }

  /** Sets plain, non-secret settings. */
  setEnvironment(values: Partial<Record<EnvName, string>>): this {
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) this.fn.addEnvironment(key, value);
    }
    return this;
  }
}

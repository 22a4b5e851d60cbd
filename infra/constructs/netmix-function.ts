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
import type { EnvName } from '../../functions/shared/env-names';
import { acknowledgeNag, nagArnOf } from './nag';

/** The repository root: handlers live in `functions/<name>/handler.ts` under it. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * esbuild's ESM output keeps CommonJS dependencies' `require` calls; without a real `require` they
 * fail at load with `Dynamic require of "node:https"` (stack-notes.md).
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

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
      environment: {
        POWERTOOLS_SERVICE_NAME: `netmix-${props.name}`,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle the AWS SDK too, so its version is the lockfile's rather than whatever the runtime
        // ships that week.
        externalModules: [],
        forceDockerBundling: false,
        ...(afterBundling && {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_inputDir: string, outputDir: string) => afterBundling(outputDir),
          },
        }),
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

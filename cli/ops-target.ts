/**
 * Where `netmix report`, `subscribers` and `deliveries` read: the embedded local store by default
 * (the one `npm start` uses), or with `--aws` the deployed tables, named in the stack outputs file
 * `npx cdk deploy --outputs-file` wrote (region from the ARNs in it).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OUTPUT } from '../infra/constructs/outputs';
import type { ReportDeps } from '../shared/ops/report';
import { warnCorruptItem } from '../shared/store';
import { createDynamoEventStore } from '../shared/store/dynamo-event-store';
import { createDynamoSourceStateStore } from '../shared/store/dynamo-source-state-store';
import { createDynamoOpsReads, type OpsReads } from '../shared/store/dynamo-ops-reads';
import { createDynamoWeekTallyStore } from '../shared/store/dynamo-week-tally';
import { resolveStoreOptions } from '../shared/store/store-options';
import type { EventStore } from '../shared/ports';
import { InputError } from './inputs';
import { openLocalStore } from './local-runtime';
import { readStackOutputs } from './stack-outputs';

/** The deployed tables and their region, as the outputs file names them. */
export interface AwsTables {
  stackName: string;
  region: string;
  timeZone: string | null;
  tables: { events: string; sources: string; subscribers: string; deliveries: string };
}

const ARN_REGION = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d):/;

/** Reads `file` (a CDK outputs file) and finds the stack's table names and region; no network. */
export async function resolveAwsTables(file: string, stackName: string | undefined, regionOverride?: string): Promise<AwsTables> {
  const { name, outputs } = await readStackOutputs(file, stackName);
  const need = (key: string): string => {
    const value = outputs[key];
    if (value === undefined || value === '') throw new InputError(`stack ${name} in ${file} has no ${key} output: deploy this version first`);
    return value;
  };
  const arns = [outputs[OUTPUT.operatorTopicArn], outputs[OUTPUT.signingKeySecretArn]];
  const region = regionOverride ?? arns.map((arn) => (arn === undefined ? undefined : ARN_REGION.exec(arn)?.[1])).find((found) => found !== undefined);
  if (region === undefined) throw new InputError(`stack ${name} in ${file} names no region (no ${OUTPUT.operatorTopicArn} ARN): pass --region`);
  return {
    stackName: name,
    region,
    timeZone: outputs[OUTPUT.timeZone] ?? null,
    tables: { events: need(OUTPUT.eventsTable), sources: need(OUTPUT.sourcesTable), subscribers: need(OUTPUT.subscribersTable), deliveries: need(OUTPUT.deliveriesTable) },
  };
}

/** The stores the operator's commands read, and how to let go of them. */
export interface OpsTarget extends ReportDeps {
  reads: OpsReads;
  events: Pick<EventStore, 'listStartingBetween' | 'get'>;
  /** Where the figures come from, for the output's first line. */
  where: string;
  /** The deployment's zone when the target knows it (the `TimeZone` output). */
  timeZone: string | null;
  close(): Promise<void>;
}

export interface OpsTargetOptions {
  aws: boolean;
  outputs: string;
  stack?: string;
  region?: string;
}

/** Opens the local store, or (with `aws`) clients for the deployed tables. */
export async function openOpsTarget(options: OpsTargetOptions): Promise<OpsTarget> {
  if (options.aws) {
    const resolved = await resolveAwsTables(options.outputs, options.stack, options.region);
    const client = new DynamoDBClient({ region: resolved.region });
    const storeOptions = resolveStoreOptions({ onCorruptItem: warnCorruptItem });
    return {
      sources: createDynamoSourceStateStore(client, resolved.tables.sources, storeOptions),
      events: createDynamoEventStore(client, resolved.tables.events, storeOptions),
      reads: createDynamoOpsReads(client, resolved.tables, storeOptions),
      tally: createDynamoWeekTallyStore(client, resolved.tables.deliveries),
      where: `deployed stack ${resolved.stackName} (${resolved.region})`,
      timeZone: resolved.timeZone,
      close: () => {
        client.destroy();
        return Promise.resolve();
      },
    };
  }
  const local = await openLocalStore();
  return {
    sources: local.stores.sources,
    events: local.stores.events,
    reads: createDynamoOpsReads(local.client, local.tableNames, resolveStoreOptions({ onCorruptItem: warnCorruptItem })),
    tally: createDynamoWeekTallyStore(local.client, local.tableNames.deliveries),
    where: 'local store (.netmix/)',
    timeZone: null,
    close: () => local.stop(),
  };
}

/** The options every operator command takes, for `parseArgs`. */
export const TARGET_OPTIONS = {
  aws: { type: 'boolean', default: false },
  outputs: { type: 'string', default: 'cdk-outputs.json' },
  stack: { type: 'string' },
  region: { type: 'string' },
  tz: { type: 'string' },
} as const;

export const TARGET_HELP = `  --aws            read the deployed tables named in the stack outputs file (your AWS credentials)
  --outputs FILE   the file \`npx cdk deploy --outputs-file FILE\` wrote (default cdk-outputs.json)
  --stack NAME     the stack in that file (needed when it holds several)
  --region R       the tables' region (default: the region of the stack's ARNs)
  --tz ZONE        the zone weeks are read in (default: the stack's TimeZone output, else America/New_York)`;

/** True when the arguments ask for a command's help (before option parsing, which would refuse it). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--help' || arg === '-h');
}

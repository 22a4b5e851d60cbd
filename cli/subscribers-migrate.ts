/**
 * `netmix subscribers migrate [--aws [--outputs FILE] [--stack NAME]] [--dry-run]`: merges the
 * subscribers an old race duplicated (`mergeDuplicateSubscribers`: one row per address, the most
 * protective status kept, the others made aliases) in the local store or the deployed table, and
 * prints what it merged. Safe to run again: a clean table is only read.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { OUTPUT } from '../infra/constructs/outputs';
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { startDynamoLocal } from '../shared/local/dynamo-local';
import { createTables, tableNamesWithPrefix } from '../shared/store';
import { warnCorruptItem } from '../shared/store/errors';
import { mergeDuplicateSubscribers, type MigrationReport } from '../shared/store/subscriber-migration';
import { UsageError } from './errors';
import { InputError } from './inputs';
import type { Io } from './io';
import { localDir } from './local-runtime-file';
import { join } from 'node:path';

export const SUBSCRIBERS_MIGRATE_HELP = `usage: netmix subscribers migrate [--dry-run] [--aws [--outputs FILE] [--stack NAME]]

Merges subscribers that share an address into one (most protective status kept: suppressed >
unsubscribed > active > pending, then the oldest); the others become aliases, so their old links
still act on the address. Prints each merge. Running it again changes nothing.
  --dry-run        print what would be merged; write nothing
  --aws            the deployed subscribers table, named by the stack outputs written by
                   \`npx cdk deploy --outputs-file FILE\` (your AWS credentials and region)
  --outputs FILE   the outputs file (default cdk-outputs.json)
  --stack NAME     the stack in that file (needed when it holds several)
  --endpoint URL --table NAME   any DynamoDB endpoint and table (DynamoDB Local, for example)
Without --aws or --endpoint: the local store under .netmix/.`;

const OutputsFileSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** The subscribers table named in a CDK outputs file (`SubscribersTable` of the stack). */
export async function subscribersTableFromOutputs(file: string, stackName: string | undefined): Promise<string> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new InputError(`cannot read ${file}: write it with \`npx cdk deploy ... --outputs-file ${file}\``, { cause: error });
  });
  let parsed: z.ZodSafeParseResult<Record<string, Record<string, string>>>;
  try {
    parsed = OutputsFileSchema.safeParse(JSON.parse(text));
  } catch (error) {
    throw new InputError(`${file} is not JSON`, { cause: error });
  }
  if (!parsed.success) throw new InputError(`${file} is not a CDK outputs file`);
  const stacks = Object.entries(parsed.data).filter(([name]) => stackName === undefined || name === stackName);
  if (stacks.length > 1) throw new UsageError(`${file} holds several stacks (${stacks.map(([name]) => name).join(', ')}): pass --stack`);
  const [name, outputs] = stacks[0] ?? [];
  if (name === undefined || outputs === undefined) throw new InputError(`${file} has no stack${stackName === undefined ? '' : ` named ${stackName}`}`);
  const table = outputs[OUTPUT.subscribersTable];
  if (table === undefined) throw new InputError(`stack ${name} in ${file} has no ${OUTPUT.subscribersTable} output: deploy this version first`);
  return table;
}

/** Prints a migration report: one line per merged address (ids only: no address is printed). */
export function printMigration(report: MigrationReport, dryRun: boolean, io: Io): void {
  const verb = dryRun ? 'would merge' : 'merged';
  for (const merge of report.merges) io.out(`${verb} ${merge.mergedIds.join(', ')} into ${merge.keptId} (kept status: ${merge.keptStatus})`);
  io.out(
    `${String(report.subscribers)} subscribers, ${String(report.addresses)} addresses: ${verb} ${String(report.merged)} duplicate(s); ` +
      `${String(report.addressItemsWritten)} address item(s) ${dryRun ? 'to write' : 'written'}`,
  );
}

/** Runs `subscribers migrate` with `argv` after the subcommand. */
export async function runSubscribersMigrate(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean', default: false },
      aws: { type: 'boolean', default: false },
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      stack: { type: 'string' },
      endpoint: { type: 'string' },
      table: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(SUBSCRIBERS_MIGRATE_HELP);
    return 0;
  }
  if (values.aws && values.endpoint !== undefined) throw new UsageError('--aws and --endpoint exclude each other');
  if ((values.endpoint === undefined) !== (values.table === undefined)) throw new UsageError('--endpoint and --table go together');
  const dryRun = values['dry-run'];
  const migrate = async (client: DynamoDBClient, table: string): Promise<void> => {
    const report = await mergeDuplicateSubscribers(client, table, { now: io.now(), onCorruptItem: warnCorruptItem, dryRun });
    printMigration(report, dryRun, io);
  };
  if (values.aws) {
    const client = new DynamoDBClient({});
    try {
      await migrate(client, await subscribersTableFromOutputs(values.outputs, values.stack));
    } finally {
      client.destroy();
    }
    return 0;
  }
  if (values.endpoint !== undefined && values.table !== undefined) {
    const client = createLocalDynamoClient(values.endpoint);
    try {
      await migrate(client, values.table);
    } finally {
      client.destroy();
    }
    return 0;
  }
  // The local store, opened without the merge `npm start` runs, so the report shows what it found.
  const dynamo = await startDynamoLocal({ dataDir: join(localDir(), 'dynamodb') });
  const client = createLocalDynamoClient(dynamo.endpoint);
  try {
    const names = tableNamesWithPrefix('netmix');
    await createTables(client, names);
    await migrate(client, names.subscribers);
  } finally {
    client.destroy();
    await dynamo.stop();
  }
  return 0;
}

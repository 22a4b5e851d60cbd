/**
 * The embedded local default: Amazon's DynamoDB Local with its data under `.netmix/`, the same
 * tables the CDK stack creates, and the DynamoDB adapters of the store ports over them. Beside a
 * running `npm start`, its DynamoDB Local is used instead (see `local-runtime-file.ts`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { startDynamoLocal } from '../shared/local/dynamo-local';
import { createDynamoStores, createTables, mergeDuplicateSubscribers, tableNamesWithPrefix, warnCorruptItem, type DynamoStores, type TableNames } from '../shared/store';
import { findRunningStack, localDir, type RunningStack } from './local-runtime-file';

export interface LocalStore {
  client: DynamoDBClient;
  stores: DynamoStores;
  tableNames: TableNames;
  endpoint: string;
  /** The running `npm start` whose DynamoDB Local this is, or null when this process started it. */
  runningStack: RunningStack | null;
  /** Closes the client; stops DynamoDB Local only when this process started it. */
  stop(): Promise<void>;
}

/**
 * The local store: a running `npm start`'s DynamoDB Local when there is one (`running` lets a caller
 * that already looked pass its answer), else DynamoDB Local started on a free port with data under
 * `.netmix/dynamodb`. Either way the tables exist and duplicate subscribers are merged.
 */
export async function openLocalStore(running?: RunningStack | null): Promise<LocalStore> {
  const names = tableNamesWithPrefix('netmix');
  const runningStack = running === undefined ? await findRunningStack() : running;
  if (runningStack !== null) {
    const client = createLocalDynamoClient(runningStack.dynamoEndpoint);
    return {
      client,
      tableNames: names,
      stores: createDynamoStores(client, names),
      endpoint: runningStack.dynamoEndpoint,
      runningStack,
      stop: () => {
        client.destroy();
        return Promise.resolve();
      },
    };
  }
  const dataDir = join(localDir(), 'dynamodb');
  await mkdir(dataDir, { recursive: true });
  const dynamo = await startDynamoLocal({ dataDir });
  const client = createLocalDynamoClient(dynamo.endpoint);
  try {
    await createTables(client, names);
    // Data from before one-subscriber-per-address is repaired before anything reads it (idempotent).
    await mergeDuplicateSubscribers(client, names.subscribers, { now: new Date(), onCorruptItem: warnCorruptItem });
    return {
      client,
      tableNames: names,
      stores: createDynamoStores(client, names),
      endpoint: dynamo.endpoint,
      runningStack: null,
      stop: async () => {
        client.destroy();
        await dynamo.stop();
      },
    };
  } catch (error) {
    client.destroy();
    await dynamo.stop();
    throw error;
  }
}

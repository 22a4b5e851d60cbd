/**
 * The embedded local default: Amazon's DynamoDB Local with its data under `.netmix/`, the same
 * tables the CDK stack creates, and the DynamoDB adapters of the store ports over them.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { startDynamoLocal } from '../shared/local/dynamo-local';
import { createDynamoStores, createTables, mergeDuplicateSubscribers, tableNamesWithPrefix, warnCorruptItem, type DynamoStores, type TableNames } from '../shared/store';

/** Where the local runner keeps its database, keys and outbox. */
export const LOCAL_DIR = resolve('.netmix');

export interface LocalStore {
  client: DynamoDBClient;
  stores: DynamoStores;
  tableNames: TableNames;
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local on a free port with data under `.netmix/dynamodb`, creates the tables and merges duplicate subscribers. */
export async function openLocalStore(): Promise<LocalStore> {
  const dataDir = join(LOCAL_DIR, 'dynamodb');
  await mkdir(dataDir, { recursive: true });
  const dynamo = await startDynamoLocal({ dataDir });
  const client = createLocalDynamoClient(dynamo.endpoint);
  try {
    const names = tableNamesWithPrefix('netmix');
    await createTables(client, names);
    // Data from before one-subscriber-per-address is repaired before anything reads it (idempotent).
    await mergeDuplicateSubscribers(client, names.subscribers, { now: new Date(), onCorruptItem: warnCorruptItem });
    return {
      client,
      tableNames: names,
      stores: createDynamoStores(client, names),
      endpoint: dynamo.endpoint,
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

/**
 * Ingest of the sample region end to end in its own process: DynamoDB Local in memory, the sample
 * region on 127.0.0.1, every source fetched, parsed, normalised and stored; then the same again with
 * nothing changed. Prints one JSON line.
 */
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { startDynamoLocal } from '../shared/local/dynamo-local';
import { createDynamoStores, createTables, tableNamesWithPrefix } from '../shared/store';
import { startSampleIngest } from './sample-ingest';

const WRITES = new Set(['PutItemCommand', 'BatchWriteItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

const dynamo = await startDynamoLocal();
const client = createLocalDynamoClient(dynamo.endpoint);
let writeRequests = 0;
client.middlewareStack.add(
  (next, context) => (args) => {
    if (context.commandName && WRITES.has(context.commandName)) writeRequests += 1;
    return next(args);
  },
  { step: 'initialize', name: 'countWrites' },
);
const names = tableNamesWithPrefix('bench');
await createTables(client, names);
const stores = createDynamoStores(client, names);
const ingest = await startSampleIngest({ events: stores.events, sourceStates: stores.sources });

async function run(): Promise<{ ms: number; events: number; eventWrites: number; writeRequests: number }> {
  const before = writeRequests;
  const started = performance.now();
  const results = await ingest.run();
  const ms = performance.now() - started;
  return {
    ms,
    events: results.reduce((sum, result) => sum + result.found, 0),
    eventWrites: results.reduce((sum, result) => sum + result.created + result.updated + result.removed, 0),
    writeRequests: writeRequests - before,
  };
}

const first = await run();
const second = await run();
await ingest.close();
client.destroy();
await dynamo.stop();
process.stdout.write(`${JSON.stringify({ sources: ingest.sources, first, second, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

/**
 * Ingest of the sample region end to end in its own process: DynamoDB Local in memory, the sample
 * region on 127.0.0.1, every source fetched, parsed, normalised and stored; then the same again with
 * nothing changed. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { buildUserAgent, createFetcher } from '../shared/fetch';
import { ingestAll } from '../shared/ingest/ingest';
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { startDynamoLocal } from '../shared/local/dynamo-local';
import { createDynamoStores, createTables, tableNamesWithPrefix } from '../shared/store';
import { parseSourcesFile } from '../shared/sources/sources-file';
import { SAMPLE_ORIGIN, serveSampleRegion } from '../sample/region';

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
const sample = await serveSampleRegion({ today: () => '2026-11-22' });
const file = parseSourcesFile(readFileSync('sample/sources.json', 'utf8'), 'sample/sources.json');
const sources = file.sources.map((source) => ({ ...source, url: source.url.replace(SAMPLE_ORIGIN, sample.origin) }));
const fetcher = createFetcher({
  userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/netmix' }),
  perHostDelayMs: 0,
  allowLoopback: { ports: [sample.port] },
});
const deps = { fetcher, events: stores.events, sourceStates: stores.sources, clock: { now: () => new Date('2026-11-22T15:00:00Z') } };
const options = { horizonDays: 60, defaultTimeZone: file.region.timeZone };

async function run(): Promise<{ ms: number; events: number; eventWrites: number; writeRequests: number }> {
  const before = writeRequests;
  const started = performance.now();
  const results = await ingestAll(deps, sources, options);
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
await fetcher.close();
await sample.close();
client.destroy();
await dynamo.stop();
process.stdout.write(`${JSON.stringify({ sources: sources.length, first, second, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

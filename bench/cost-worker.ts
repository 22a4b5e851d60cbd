/**
 * The measured half of `npm run bench -- cost`, in its own process: DynamoDB Local in memory with a
 * capacity meter on its client; one ingest of the sample region (sources on 127.0.0.1); then one
 * digest worker invocation as Lambda runs it (the worker of functions/digest-worker with the handler's
 * stores, shared send rate and week tally) over `subscribers` subscribers in queue messages of
 * DIGEST_BATCH_SIZE. The mailer is a counting stand-in that answers at once: SES is priced per mail,
 * and its answer time is not measured here. Prints one JSON line.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { createDigestWorker } from '../functions/digest-worker/worker';
import { DIGEST_BATCH_SIZE } from '../infra/constructs/digest-pipeline';
import { createSharedSendRate } from '../shared/digest/pacing';
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { startDynamoLocal } from '../shared/local/dynamo-local';
import { systemClock, type Mailer } from '../shared/ports';
import { createDynamoStores, createTables, tableNamesWithPrefix } from '../shared/store';
import { createDynamoRateTokenStore } from '../shared/store/dynamo-rate-token-store';
import { createDynamoWeekTallyStore } from '../shared/store/dynamo-week-tally';
import { clock, config, links, seed, subscriber } from '../test/integration/digest/support/digest-fixtures';
import { plentyOfTime, sqsEvent, sqsRecord } from '../test/support/sqs-event';
import { EMPTY_COUNT, meterCapacity, type CommandCount } from './capacity-meter';
import { startSampleIngest } from './sample-ingest';

const subscriberCount = Number(process.argv[2] ?? '200');

const dynamo = await startDynamoLocal();
const client = createLocalDynamoClient(dynamo.endpoint);
const meter = meterCapacity(client);
const names = tableNamesWithPrefix('cost');
await createTables(client, names);
const stores = createDynamoStores(client, names);

/** The counts added between two snapshots. */
function since(before: Map<string, CommandCount>): Record<string, CommandCount> {
  const out: Record<string, CommandCount> = {};
  for (const [name, count] of meter.snapshot()) {
    const was = before.get(name) ?? EMPTY_COUNT;
    if (count.calls === was.calls) continue;
    out[name] = {
      calls: count.calls - was.calls,
      items: count.items - was.items,
      readUnits: count.readUnits - was.readUnits,
      writeUnits: count.writeUnits - was.writeUnits,
      estimated: count.estimated - was.estimated,
      floored: count.floored - was.floored,
    };
  }
  return out;
}

// Ingest: the sample region, first into an empty table (every event new: the worst week).
const ingest = await startSampleIngest({ events: stores.events, sourceStates: stores.sources });

async function ingestOnce(): Promise<{ ms: number; events: number; commands: Record<string, CommandCount> }> {
  const before = meter.snapshot();
  const started = performance.now();
  const results = await ingest.run();
  return { ms: performance.now() - started, events: results.reduce((sum, result) => sum + result.found, 0), commands: since(before) };
}
const ingestFirst = await ingestOnce();
const ingestAgain = await ingestOnce();
await ingest.close();

// Digest: the fixtures' week of events beside the sample region's, and `subscriberCount` people in Lowell.
const people = Array.from({ length: subscriberCount }, (_, i) => subscriber('cost', `p${String(i)}`));
await seed(stores, 'cost', people);
let mails = 0;
let mailBytes = 0;
const mailer: Mailer = {
  maxSendRate: () => Promise.resolve(10_000),
  sendRaw: (message) => {
    mails += 1;
    mailBytes += message.byteLength;
    return Promise.resolve({ messageId: `stand-in-${String(mails)}` });
  },
};
const worker = createDigestWorker({
  deps: {
    events: stores.events,
    subscribers: stores.subscribers,
    deliveries: stores.deliveries,
    tally: createDynamoWeekTallyStore(client, names.deliveries),
    mailer,
    // As in the handler: one counter in the deliveries table; the real clock, since its windows are epoch-aligned.
    pacer: createSharedSendRate({ store: createDynamoRateTokenStore(client, names.deliveries), ratePerSecond: () => mailer.maxSendRate(), clock: systemClock }),
    links,
    clock,
  },
  config: { from: config.from, operator: config.operator, windowDays: config.windowDays, timeZone: config.timeZone },
  logger: new Logger({ serviceName: 'netmix-cost-bench', logLevel: 'SILENT' }),
});
const batches: string[][] = [];
for (let i = 0; i < people.length; i += DIGEST_BATCH_SIZE) batches.push(people.slice(i, i + DIGEST_BATCH_SIZE).map((person) => person.id));
const event = sqsEvent(...batches.map((ids, i) => sqsRecord(`m${String(i)}`, { date: config.date, subscriberIds: ids })));
const beforeDigest = meter.snapshot();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const response = await worker(event, plentyOfTime);
const digestMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const digestCommands = since(beforeDigest);
if (response.batchItemFailures.length > 0) throw new Error(`${String(response.batchItemFailures.length)} digest batch(es) failed`);
if (mails !== people.length) throw new Error(`expected ${String(people.length)} mails, the stand-in got ${String(mails)}`);

client.destroy();
await dynamo.stop();
process.stdout.write(
  `${JSON.stringify({
    sources: ingest.sources,
    ingestFirst,
    ingestAgain,
    digest: { subscribers: people.length, mails, averageMailBytes: mailBytes / Math.max(mails, 1), records: batches.length, ms: digestMs, cpuMs: (cpu.user + cpu.system) / 1000, commands: digestCommands },
  })}\n`,
);

/**
 * `npm run bench -- cost`: the monthly AWS bill for 50 sources and 10,000 subscribers, and the cost
 * per 1,000 digests all-in, from figures measured in this run (bench/cost-worker.ts: DynamoDB units
 * and wall time of a real digest send and ingest; bench/cost-stack-worker.ts: alarms, secrets, keys
 * and memory sizes in the synthesised template) times list prices kept here as named constants.
 */
import * as z from 'zod';
import { DIGEST_BATCH_SIZE, DIGEST_MAX_CONCURRENCY } from '../infra/constructs/digest-pipeline';

/**
 * us-east-1 on-demand list prices in USD, as of the Nov 2024 DynamoDB on-demand price cut; taken from
 * the figures on this date, not re-read from the price pages (this machine has no internet).
 */
export const PRICES_CHECKED = '2026-12-01';
export const PRICE = {
  lambdaGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
  lambdaRequest: 0.2 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  sesMail: 0.1 / 1000,
  sqsRequest: 0.4 / 1e6,
  alarmMonth: 0.1,
  secretMonth: 0.4,
  secretApiCall: 0.05 / 10_000,
  kmsKeyMonth: 1,
  logIngestGb: 0.5,
} as const;

export const SUBSCRIBERS = 10_000;
export const SOURCES = 50;
/** Weekly digests: 52 weeks / 12 months. */
export const DIGESTS_PER_MONTH = 4.33 * SUBSCRIBERS;
/** The ingest runs daily. */
export const INGEST_RUNS_PER_MONTH = 30;
/** SES's starting production send rate; workers wait for it, and Lambda bills the wait. */
export const SES_START_RATE = 14;
/** Estimate, not measured: one "digest batch done" line a queue message plus a share of Lambda's START/END/REPORT lines. */
export const LOG_BYTES_PER_BATCH = 1_500;
/** The goal in issue 9 §11. */
export const GOAL_PER_1000 = 0.13;

const CountSchema = z.object({ calls: z.number(), items: z.number(), readUnits: z.number(), writeUnits: z.number(), estimated: z.number(), floored: z.number() });
const CommandsSchema = z.record(z.string(), CountSchema);
const IngestSchema = z.object({ ms: z.number(), events: z.number(), commands: CommandsSchema });
export const CostFigureSchema = z.object({
  sources: z.number(),
  ingestFirst: IngestSchema,
  ingestAgain: IngestSchema,
  digest: z.object({ subscribers: z.number(), mails: z.number(), averageMailBytes: z.number(), records: z.number(), ms: z.number(), cpuMs: z.number(), commands: CommandsSchema }),
});
const FunctionSchema = z.object({ memoryMb: z.number(), architecture: z.enum(['arm64', 'x86_64']) });
export const StackFigureSchema = z.object({ alarms: z.number(), secrets: z.number(), kmsKeys: z.number(), functions: z.number(), digestWorker: FunctionSchema, ingestWorker: FunctionSchema });

type Commands = z.infer<typeof CommandsSchema>;
const total = (commands: Commands, key: 'readUnits' | 'writeUnits' | 'estimated' | 'floored') => Object.values(commands).reduce((sum, count) => sum + count[key], 0);
const money = (value: number) => (value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2));

/** One line of the bill: what, how it was worked out, dollars a month. */
export interface BillLine {
  item: string;
  working: string;
  dollars: number;
}

/** The monthly bill from the measured figures. */
export function monthlyBill(figure: z.infer<typeof CostFigureSchema>, stack: z.infer<typeof StackFigureSchema>): { lines: BillLine[]; perDigest: { rru: number; wru: number; ms: number; billedMs: number; gbSeconds: number } } {
  const digest = figure.digest;
  const rru = total(digest.commands, 'readUnits') / digest.subscribers;
  const wru = total(digest.commands, 'writeUnits') / digest.subscribers;
  const ms = digest.ms / digest.subscribers;
  // Paced at SES's rate, each of the concurrent workers sends one mail per concurrency/rate seconds.
  const pacedMs = (1000 * DIGEST_MAX_CONCURRENCY) / SES_START_RATE;
  const billedMs = Math.max(ms, pacedMs);
  const digestGb = stack.digestWorker.memoryMb / 1024;
  const gbSeconds = (billedMs / 1000) * digestGb;
  const messages = DIGESTS_PER_MONTH / DIGEST_BATCH_SIZE;
  const ingestRuns = SOURCES * INGEST_RUNS_PER_MONTH;
  const perSource = (key: 'readUnits' | 'writeUnits') => total(figure.ingestFirst.commands, key) / figure.sources;
  const ingestMs = figure.ingestFirst.ms / figure.sources;
  const ingestGbSeconds = ingestRuns * (ingestMs / 1000) * (stack.ingestWorker.memoryMb / 1024);
  const lambdaPrice = (arch: 'arm64' | 'x86_64') => PRICE.lambdaGbSecond[arch];
  const n = DIGESTS_PER_MONTH.toLocaleString('en-US');
  const lines: BillLine[] = [
    { item: 'SES', working: `${n} mails × $0.10 / 1,000`, dollars: DIGESTS_PER_MONTH * PRICE.sesMail },
    {
      item: 'Digest worker',
      working: `${billedMs.toFixed(0)} ms a digest (measured ${ms.toFixed(0)} ms; SES-paced floor ${pacedMs.toFixed(0)} ms) × ${String(stack.digestWorker.memoryMb)} MB ${stack.digestWorker.architecture} = ${(gbSeconds * DIGESTS_PER_MONTH).toFixed(0)} GB-s, + ${messages.toFixed(0)} invocations at most`,
      dollars: gbSeconds * DIGESTS_PER_MONTH * lambdaPrice(stack.digestWorker.architecture) + messages * PRICE.lambdaRequest,
    },
    {
      item: 'Digest DynamoDB',
      working: `${rru.toFixed(2)} RRU + ${wru.toFixed(2)} WRU a digest × ${n}`,
      dollars: DIGESTS_PER_MONTH * (rru * PRICE.dynamoReadUnit + wru * PRICE.dynamoWriteUnit),
    },
    {
      item: 'Ingest',
      working: `${String(ingestRuns)} source runs × (${ingestMs.toFixed(0)} ms × ${String(stack.ingestWorker.memoryMb)} MB = ${ingestGbSeconds.toFixed(0)} GB-s; ${perSource('readUnits').toFixed(1)} RRU + ${perSource('writeUnits').toFixed(1)} WRU), every run priced as a first one`,
      dollars: ingestGbSeconds * lambdaPrice(stack.ingestWorker.architecture) + ingestRuns * (PRICE.lambdaRequest + perSource('readUnits') * PRICE.dynamoReadUnit + perSource('writeUnits') * PRICE.dynamoWriteUnit),
    },
    { item: 'SQS', working: `${messages.toFixed(0)} digest + ${String(ingestRuns)} ingest messages × 3 requests (send, receive, delete)`, dollars: (messages + ingestRuns) * 3 * PRICE.sqsRequest },
    { item: 'Logs (estimate)', working: `${String(LOG_BYTES_PER_BATCH)} B a queue message`, dollars: ((messages + ingestRuns) * LOG_BYTES_PER_BATCH * PRICE.logIngestGb) / 1e9 },
    { item: 'Alarms', working: `${String(stack.alarms)} in the template × $0.10`, dollars: stack.alarms * PRICE.alarmMonth },
    {
      item: 'Secrets Manager',
      working: `${String(stack.secrets)} secret(s) × $0.40, + one read per digest invocation at most`,
      dollars: stack.secrets * PRICE.secretMonth + messages * PRICE.secretApiCall,
    },
    { item: 'KMS', working: `${String(stack.kmsKeys)} customer-managed key(s) × $1`, dollars: stack.kmsKeys * PRICE.kmsKeyMonth },
  ];
  return { lines, perDigest: { rru, wru, ms, billedMs, gbSeconds } };
}

/** Prints the section; `run` starts a bench worker process and returns its stdout. */
export function costBench(run: (script: string, args: string[]) => string, printTable: (header: string[], rows: string[][]) => void): void {
  console.log(`\n## What it costs: ${SUBSCRIBERS.toLocaleString('en-US')} subscribers, ${String(SOURCES)} sources, us-east-1 list prices of ${PRICES_CHECKED}\n`);
  const stack = StackFigureSchema.parse(JSON.parse(run('bench/cost-stack-worker.ts', [])));
  const figure = CostFigureSchema.parse(JSON.parse(run('bench/cost-worker.ts', ['200'])));
  const digest = figure.digest;
  printTable(
    ['command', 'calls', 'items', 'RRU', 'WRU', 'calls a digest'],
    Object.entries(digest.commands).map(([name, count]) => [name, String(count.calls), String(count.items), count.readUnits.toFixed(1), count.writeUnits.toFixed(1), (count.calls / digest.subscribers).toFixed(2)]),
  );
  const estimated = total(digest.commands, 'estimated') + total(figure.ingestFirst.commands, 'estimated');
  const floored = total(digest.commands, 'floored') + total(figure.ingestFirst.commands, 'floored');
  console.log(
    `\nDigest send of ${String(digest.subscribers)} subscribers (${String(digest.records)} queue messages, one worker invocation, stand-in mailer): ${digest.ms.toFixed(0)} ms wall, ${digest.cpuMs.toFixed(0)} ms CPU, average mail ${(digest.averageMailBytes / 1024).toFixed(1)} KB.` +
      `\nUnits as DynamoDB Local reported them (ReturnConsumedCapacity TOTAL); ${String(estimated)} calls estimated from item sizes, ${String(floored)} empty reads raised to the billed minimum.` +
      `\nIngest of the sample region (${String(figure.sources)} sources, ${String(figure.ingestFirst.events)} events): ${figure.ingestFirst.ms.toFixed(0)} ms into an empty table, ${figure.ingestAgain.ms.toFixed(0)} ms again unchanged.` +
      `\nStack as synthesised with test/infra/settings.ts: ${String(stack.alarms)} alarms, ${String(stack.secrets)} secret, ${String(stack.kmsKeys)} KMS keys; digest worker ${String(stack.digestWorker.memoryMb)} MB ${stack.digestWorker.architecture}, ingest worker ${String(stack.ingestWorker.memoryMb)} MB ${stack.ingestWorker.architecture}.\n`,
  );
  const { lines, perDigest } = monthlyBill(figure, stack);
  const month = lines.reduce((sum, line) => sum + line.dollars, 0);
  printTable(['item', 'working', '$/month'], [...lines.map((line) => [line.item, line.working, money(line.dollars)]), ['total', '', money(month)]]);
  const per1000 = (month / DIGESTS_PER_MONTH) * 1000;
  const sesOnly = PRICE.sesMail * 1000;
  console.log(
    `\nPer digest: ${perDigest.rru.toFixed(2)} RRU, ${perDigest.wru.toFixed(2)} WRU, ${perDigest.ms.toFixed(1)} ms measured (${perDigest.billedMs.toFixed(0)} ms billed), ${perDigest.gbSeconds.toFixed(4)} GB-s.` +
      `\nAll-in: $${per1000.toFixed(3)} per 1,000 digests (fixed costs over ${DIGESTS_PER_MONTH.toLocaleString('en-US')} digests a month; SES alone $${sesOnly.toFixed(2)}): ${(per1000 / GOAL_PER_1000).toFixed(2)}× the $${GOAL_PER_1000.toFixed(2)} goal.`,
  );
}

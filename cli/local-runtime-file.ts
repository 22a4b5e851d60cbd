/**
 * How other local commands find a running `npm start`: it writes `.netmix/local.json` (its pid and
 * the endpoints it listens on, which may be fallback ports) and removes it on exit. A command that
 * needs the store or the mail (`send-digests`, `ingest`, `sources status`, `report`) reads it, checks
 * the pid is alive and the store answers, and then uses those servers instead of starting a second
 * DynamoDB Local on the same data directory.
 *
 * `.netmix/region.json` stays after exit: the region the store was last filled for (its zone and
 * operator), so `send-digests` signs its mail as the same operator.
 */
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { TimeZoneSchema } from '../shared/model/common';

/** Where the local runner keeps its database, keys, outbox and runtime files (`NETMIX_DIR`, else `./.netmix`). */
export function localDir(): string {
  const configured = process.env.NETMIX_DIR;
  return resolve(configured === undefined || configured === '' ? '.netmix' : configured);
}

const LocalUrlSchema = z.url({ protocol: /^http$/, hostname: /^127\.0\.0\.1$/ });

const RunningStackSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  dynamoEndpoint: LocalUrlSchema,
  sesEndpoint: LocalUrlSchema,
  sesViewerUrl: LocalUrlSchema,
  apiUrl: LocalUrlSchema,
});
/** What a running `npm start` serves. */
export type RunningStack = z.infer<typeof RunningStackSchema>;

const OperatorSchema = z.object({ name: z.string().min(1), postalAddress: z.string().min(1) });
const RegionFileSchema = z.object({
  name: z.string().min(1),
  timeZone: TimeZoneSchema,
  operator: OperatorSchema,
  sample: z.boolean(),
  sourceIds: z.array(z.string()),
});
/** The region the local store was last filled for. */
export type LocalRegion = z.infer<typeof RegionFileSchema>;

const runtimePath = () => join(localDir(), 'local.json');
const regionPath = () => join(localDir(), 'region.json');

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    // Missing or half-written: as if absent (the writer replaces it whole on its next start).
    if (error instanceof SyntaxError || (error instanceof Error && 'code' in error && error.code === 'ENOENT')) return null;
    throw error;
  }
}

/** Records the servers of this `npm start`; returns the function that removes the record. */
export async function writeRunningStack(stack: Omit<RunningStack, 'pid' | 'startedAt'>, now: Date): Promise<() => Promise<void>> {
  await mkdir(localDir(), { recursive: true });
  const record: RunningStack = { ...stack, pid: process.pid, startedAt: now.toISOString() };
  const path = runtimePath();
  await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
  return async () => {
    // Only our own record: a later `npm start` may have replaced it.
    const current = RunningStackSchema.safeParse(await readJson(path));
    if (current.success && current.data.pid === process.pid && current.data.startedAt === record.startedAt) await rm(path, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

async function storeAnswers(endpoint: string): Promise<boolean> {
  const client = createLocalDynamoClient(endpoint, { maxAttempts: 1 });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/**
 * The running `npm start`, or null when there is none: no record, a record of a dead process (left by
 * a crash or `kill -9`), or a store that no longer answers (the pid was reused by another program).
 */
export async function findRunningStack(): Promise<RunningStack | null> {
  const parsed = RunningStackSchema.safeParse(await readJson(runtimePath()));
  if (!parsed.success || !isAlive(parsed.data.pid)) return null;
  return (await storeAnswers(parsed.data.dynamoEndpoint)) ? parsed.data : null;
}

/** Remembers the region `npm start` filled the store for. */
export async function writeLocalRegion(region: LocalRegion): Promise<void> {
  await mkdir(localDir(), { recursive: true });
  await writeFile(regionPath(), `${JSON.stringify(RegionFileSchema.parse(region), null, 2)}\n`);
}

/** The region of the last `npm start`, or null before the first one. */
export async function readLocalRegion(): Promise<LocalRegion | null> {
  const parsed = RegionFileSchema.safeParse(await readJson(regionPath()));
  return parsed.success ? parsed.data : null;
}

/** `netmix sources check <file>` and `netmix sources status`. */
import { parseArgs } from 'node:util';
import { sourceContextOf } from '../shared/ingest/ingest';
import { readDocument } from '../shared/sources';
import { addDays, localDateOf, startOfLocalDay } from '../shared/time/zoned';
import { UsageError } from './errors';
import { formatTable, formatWhen } from './format';
import { HORIZON_DAYS } from './ingest';
import type { Io } from './io';
import { openLocalStore } from './local-runtime';
import { DEFAULT_SOURCES_FILE, loadSources } from './sources-input';

const USAGE = 'usage: netmix sources check <file> | netmix sources status';

/** Validates a sources file, then fetches each source once and shows what it yields; stores nothing. */
async function check(path: string, io: Io): Promise<number> {
  const loaded = await loadSources(path, io.now);
  let failures = 0;
  try {
    io.out(`${path}: ${loaded.sources.length} sources, region "${loaded.file.region.name}" (${loaded.file.region.timeZone})\n`);
    for (const source of loaded.sources) {
      const zone = source.timeZone ?? loaded.file.region.timeZone;
      const today = localDateOf(io.now(), zone);
      try {
        const outcome = await loaded.fetcher.fetch(source.url);
        if (outcome.kind !== 'ok') throw new Error('unexpected 304');
        const read = readDocument(
          outcome.body,
          sourceContextOf(source, loaded.file.region.timeZone),
          {
            kind: source.fetch,
            from: startOfLocalDay(today, zone),
            to: startOfLocalDay(addDays(today, HORIZON_DAYS), zone),
            defaultTimeZone: zone,
            baseUrl: outcome.finalUrl,
            ...(source.selectors ? { recipe: source.selectors } : {}),
          },
        );
        const verdict = read.events.length === 0 && !source.expectEmpty ? 'EMPTY' : 'ok';
        if (verdict !== 'ok') failures += 1;
        io.out(`${verdict.padEnd(6)} ${source.id}: ${read.kind}, ${read.events.length} upcoming events, ${read.problems.length} problems`);
        for (const event of read.events.slice(0, 3)) io.out(`         ${formatWhen(event, zone)}  ${event.title}  [${event.audience}]`);
        for (const problem of read.problems.slice(0, 3)) io.out(`         problem: ${problem.where ? `${problem.where}: ` : ''}${problem.message}`);
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? ('code' in error ? `${String(error.code)}: ${error.message}` : error.message) : String(error);
        io.out(`FAILED ${source.id}: ${message}`);
      }
    }
  } finally {
    await loaded.close();
  }
  io.out(`\n${loaded.sources.length - failures} of ${loaded.sources.length} sources yield events`);
  return failures === 0 ? 0 : 1;
}

/** The health of every source the local store knows, as the last ingest left it. */
async function status(io: Io): Promise<number> {
  const local = await openLocalStore();
  try {
    const states = await local.stores.sources.list();
    if (states.length === 0) {
      io.out('No source has been ingested yet: run `npm start` or `npx netmix ingest`.');
      return 0;
    }
    const rows = states
      .sort((a, b) => a.sourceId.localeCompare(b.sourceId))
      .map((state) => [
        state.sourceId,
        state.lastStatus ?? '',
        String(state.eventsFound),
        state.lastSuccessAt ?? 'never',
        String(state.consecutiveFailures),
        state.lastError ?? '',
      ]);
    io.out(formatTable(['source', 'last status', 'events', 'last success', 'failures in a row', 'last error'], rows, 70));
    return 0;
  } finally {
    await local.stop();
  }
}

export async function runSources(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'check') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    return check(positionals[0] ?? DEFAULT_SOURCES_FILE, io);
  }
  if (sub === 'status') return status(io);
  if (sub === 'discover') return (await import('./sources-discover')).runSourcesDiscover(rest, io);
  if (sub === 'add') return (await import('./sources-discover')).runSourcesAdd(rest, io);
  throw new UsageError(USAGE);
}

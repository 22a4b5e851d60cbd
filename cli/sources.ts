/** `netmix sources check <file>` and `netmix sources status`. */
import { parseArgs } from 'node:util';
import { sourceContextOf } from '../shared/ingest/ingest';
import type { Source } from '../shared/model/source';
import { detectKind, readDocument, readScheduleEntry, type ReadOptions } from '../shared/sources';
import { sourcesFileJsonSchema } from '../shared/sources/sources-file';
import { addDays, localDateOf, startOfLocalDay } from '../shared/time/zoned';
import { UsageError } from './errors';
import { formatTable, formatWhen } from './format';
import { HORIZON_DAYS } from './ingest';
import type { Io } from './io';
import { openLocalStore } from './local-runtime';
import { describeFetchFailure, diagnoseEmpty, kindMismatch } from './source-diagnosis';
import { DEFAULT_SOURCES_FILE, loadSources, type LoadedSources } from './sources-input';

const USAGE = 'usage: netmix sources check [<file>] [--allow-local] | netmix sources schema | netmix sources status   (--help on each)';

const HELP: Readonly<Record<string, string>> = {
  check: `usage: netmix sources check [<file>] [--allow-local]

  Validates a sources file (default ${DEFAULT_SOURCES_FILE}), fetches each source once and shows what it yields;
  for a source with no upcoming event it says why. Stores nothing. Exit 1 if a source fails or is empty.
  --allow-local  let sources on this machine (127.0.0.1, localhost) be fetched: saved copies, intranet calendars`,
  schema: `usage: netmix sources schema

  Prints the sources file's JSON Schema. Save it beside your file and add "$schema": "./sources.schema.json"
  to the file for completion and checking in your editor.`,
  status: `usage: netmix sources status

  Shows each stored source's health as the last ingest left it (local DynamoDB under .netmix/).`,
};

/** How far back `check` looks for events when a source has none ahead: about three years. */
const PAST_DAYS = 3 * 366;

/** Fetches and reads one source; prints its verdict and, when it is empty, why. Returns true when it counts as a failure. */
async function checkSource(source: Source, loaded: LoadedSources, io: Io): Promise<boolean> {
  const zone = source.timeZone ?? loaded.file.region.timeZone;
  const today = localDateOf(io.now(), zone);
  // An entry that carries its own schedule is read as the ingest reads it: without fetching.
  if (source.schedule !== undefined) return checkScheduleEntry(source, source.schedule, loaded, io, { today, zone });
  let outcome;
  try {
    outcome = await loaded.fetcher.fetch(source.url);
  } catch (error) {
    io.out(`FAILED ${source.id}: ${describeFetchFailure(error, source.url)}`);
    return true;
  }
  if (outcome.kind !== 'ok') {
    io.out(`FAILED ${source.id}: the server answered 304 to an unconditional request`);
    return true;
  }
  const detected = detectKind(outcome.body);
  const context = sourceContextOf(source, loaded.file.region.timeZone);
  const options: ReadOptions = {
    kind: source.fetch,
    from: startOfLocalDay(today, zone),
    to: startOfLocalDay(addDays(today, HORIZON_DAYS), zone),
    defaultTimeZone: zone,
    baseUrl: outcome.finalUrl,
    ...(source.selectors ? { recipe: source.selectors } : {}),
  };
  let read;
  try {
    read = readDocument(outcome.body, context, options);
  } catch (error) {
    io.out(`FAILED ${source.id}: ${error instanceof Error ? error.message : String(error)} (${outcome.contentType ?? 'no content type'})`);
    return true;
  }
  const empty = read.events.length === 0;
  const verdict = empty ? (source.expectEmpty ? 'empty' : 'EMPTY') : 'ok';
  io.out(`${verdict.padEnd(6)} ${source.id}: ${read.kind}, ${read.events.length} upcoming events, ${read.problems.length} problems`);
  const mismatch = kindMismatch(source.fetch, detected);
  if (mismatch !== null) io.out(`         warning: ${mismatch}`);
  for (const event of read.events.slice(0, 3)) io.out(`         ${formatWhen(event, zone)}  ${event.title}  [${event.audience}]`);
  if (!empty) {
    for (const problem of read.problems.slice(0, 3)) io.out(`         problem: ${problem.where ? `${problem.where}: ` : ''}${problem.message}`);
    return false;
  }
  const past = readDocument(outcome.body, context, { ...options, from: startOfLocalDay(addDays(today, -PAST_DAYS), zone), to: new Date(options.from.getTime() - 1) });
  const latestDate = past.events.reduce<string | null>((latest, event) => (latest === null || event.startDate > latest ? event.startDate : latest), null);
  const reasons = diagnoseEmpty({
    declared: source.fetch,
    detected: read.kind,
    body: outcome.body,
    ...(source.selectors ? { recipe: source.selectors } : {}),
    problems: read.problems,
    past: { count: past.events.length, latestDate },
  });
  for (const reason of reasons) io.out(`         why: ${reason}`);
  return !source.expectEmpty;
}

function checkScheduleEntry(source: Source, schedule: string, loaded: LoadedSources, io: Io, at: { today: string; zone: string }): boolean {
  const context = sourceContextOf(source, loaded.file.region.timeZone);
  const window = { from: startOfLocalDay(at.today, at.zone), to: startOfLocalDay(addDays(at.today, HORIZON_DAYS), at.zone), defaultTimeZone: at.zone };
  const read = readScheduleEntry({ name: source.name, schedule, url: source.url }, context, window);
  const empty = read.events.length === 0;
  const verdict = empty ? (source.expectEmpty ? 'empty' : 'EMPTY') : 'ok';
  io.out(`${verdict.padEnd(6)} ${source.id}: ${read.kind}, ${read.events.length} upcoming events, ${read.problems.length} problems`);
  for (const event of read.events.slice(0, 3)) io.out(`         ${formatWhen(event, at.zone)}  ${event.title}  [${event.audience}]`);
  for (const problem of read.problems.slice(0, 3)) io.out(`         ${empty ? 'why' : 'problem'}: ${problem.where ? `${problem.where}: ` : ''}${problem.message}`);
  return empty && !source.expectEmpty;
}

/** Validates a sources file, then fetches each source once and shows what it yields; stores nothing. */
async function check(path: string, io: Io, allowLocal: boolean): Promise<number> {
  const loaded = await loadSources(path, io.now, { allowLocal });
  let failures = 0;
  try {
    io.out(`${path}: ${loaded.sources.length} sources, region "${loaded.file.region.name}" (${loaded.file.region.timeZone})\n`);
    for (const source of loaded.sources) if (await checkSource(source, loaded, io)) failures += 1;
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
  const wantsHelp = rest.some((arg) => arg === '--help' || arg === '-h');
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.out([USAGE, ...Object.values(HELP)].join('\n\n'));
    return sub === undefined ? 2 : 0;
  }
  const help = HELP[sub];
  if (help !== undefined && wantsHelp) {
    io.out(help);
    return 0;
  }
  if (sub === 'check') {
    const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options: { 'allow-local': { type: 'boolean', default: false } } });
    return check(positionals[0] ?? DEFAULT_SOURCES_FILE, io, values['allow-local']);
  }
  if (sub === 'schema') {
    parseArgs({ args: rest, options: {} });
    io.out(JSON.stringify(sourcesFileJsonSchema(), null, 2));
    return 0;
  }
  if (sub === 'status') return status(io);
  if (sub === 'discover') return (await import('./sources-discover')).runSourcesDiscover(rest, io);
  if (sub === 'add') return (await import('./sources-discover')).runSourcesAdd(rest, io);
  throw new UsageError(USAGE);
}

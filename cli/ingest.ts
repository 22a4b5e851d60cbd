/** `netmix ingest [--sources FILE]`: the daily ingest against the local store, with a summary. */
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ingestAll, type SourceRunResult } from '../shared/ingest/ingest';
import type { Source } from '../shared/model/source';
import type { DynamoStores } from '../shared/store';
import type { Fetcher } from '../shared/fetch';
import { formatTable } from './format';
import type { Io } from './io';
import { openLocalStore } from './local-runtime';
import { DEFAULT_SOURCES_FILE, loadSources } from './sources-input';

/** Days of occurrences the ingest keeps ahead of today. */
export const HORIZON_DAYS = 60;

export interface IngestJobInput {
  stores: DynamoStores;
  fetcher: Fetcher;
  sources: Source[];
  timeZone: string;
}

/** Runs the ingest with a progress bar on a terminal, and returns the per-source results in file order. */
export async function runIngestJob(input: IngestJobInput, io: Io, showProgress: boolean): Promise<SourceRunResult[]> {
  const bar = showProgress ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} sources  {last}', hideCursor: true, clearOnComplete: true }) : null;
  bar?.start(input.sources.length, 0, { last: '' });
  const results = await ingestAll(
    { fetcher: input.fetcher, events: input.stores.events, sourceStates: input.stores.sources, clock: { now: io.now } },
    input.sources,
    {
      horizonDays: HORIZON_DAYS,
      defaultTimeZone: input.timeZone,
      onResult: (result) => bar?.increment({ last: `${result.sourceId}: ${result.status}` }),
    },
  );
  bar?.stop();
  return results;
}

/** The summary table the ingest ends with. */
export function formatIngestSummary(sources: readonly Source[], results: readonly SourceRunResult[]): string {
  const byId = new Map(results.map((result) => [result.sourceId, result]));
  const rows = sources.map((source) => {
    const result = byId.get(source.id);
    if (!result) return [source.id, 'not run', '', '', '', '', '', '', ''];
    return [
      source.id,
      result.status,
      String(result.found),
      String(result.created),
      String(result.updated),
      String(result.unchanged),
      String(result.removed),
      `${(result.ms / 1000).toFixed(2)} s`,
      result.error ?? (result.problems > 0 ? `${result.problems} items skipped` : ''),
    ];
  });
  const total = (key: 'found' | 'created' | 'updated' | 'unchanged' | 'removed') => String(results.reduce((sum, result) => sum + result[key], 0));
  rows.push(['total', '', total('found'), total('created'), total('updated'), total('unchanged'), total('removed'), '', '']);
  return formatTable(['source', 'status', 'found', 'new', 'updated', 'unchanged', 'removed', 'time', 'note'], rows, 60);
}

export async function runIngest(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { sources: { type: 'string', default: DEFAULT_SOURCES_FILE } } });
  const loaded = await loadSources(values.sources, io.now);
  const local = await openLocalStore();
  try {
    const results = await runIngestJob(
      { stores: local.stores, fetcher: loaded.fetcher, sources: loaded.sources, timeZone: loaded.file.region.timeZone },
      io,
      process.stderr.isTTY,
    );
    io.out(formatIngestSummary(loaded.sources, results));
    return 0;
  } finally {
    await loaded.close();
    await local.stop();
  }
}

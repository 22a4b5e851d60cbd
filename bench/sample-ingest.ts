/**
 * The sample region served on 127.0.0.1 and an ingest of all its sources into the given stores, as
 * the ingest and cost benches run it (the clock stands at 2026-11-22 15:00Z, a 60-day horizon).
 */
import { readFileSync } from 'node:fs';
import { buildUserAgent, createFetcher } from '../shared/fetch';
import { ingestAll, type SourceRunResult } from '../shared/ingest/ingest';
import type { EventStore, SourceStateStore } from '../shared/ports';
import { parseSourcesFile } from '../shared/sources/sources-file';
import { SAMPLE_ORIGIN, serveSampleRegion } from '../sample/region';

export interface SampleIngest {
  /** How many sources the sample region has. */
  sources: number;
  /** One ingest of every source. */
  run(): Promise<SourceRunResult[]>;
  close(): Promise<void>;
}

/** Serves the sample region and returns its ingest into `events` and `sourceStates`. */
export async function startSampleIngest(stores: { events: EventStore; sourceStates: SourceStateStore }): Promise<SampleIngest> {
  const sample = await serveSampleRegion({ today: () => '2026-11-22' });
  const file = parseSourcesFile(readFileSync('sample/sources.json', 'utf8'), 'sample/sources.json');
  const sources = file.sources.map((source) => ({ ...source, url: source.url.replace(SAMPLE_ORIGIN, sample.origin) }));
  const fetcher = createFetcher({
    userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/netmix' }),
    perHostDelayMs: 0,
    allowLoopback: { ports: [sample.port] },
  });
  const deps = { fetcher, ...stores, clock: { now: () => new Date('2026-11-22T15:00:00Z') } };
  const options = { horizonDays: 60, defaultTimeZone: file.region.timeZone };
  return {
    sources: sources.length,
    run: () => ingestAll(deps, sources, options),
    close: async () => {
      await fetcher.close();
      await sample.close();
    },
  };
}

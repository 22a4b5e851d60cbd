/**
 * Loading a sources file for a local command, and serving the bundled sample region when the file
 * points at it (its URLs are `http://127.0.0.1:4480/…`; another free port is used if that one is taken).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Operator } from '../shared/digest/view';
import { buildUserAgent, createFetcher, type Fetcher } from '../shared/fetch';
import { onPreferredPort } from '../shared/local/preferred-port';
import type { Source, SourcesFile } from '../shared/model/source';
import { parseSourcesFile } from '../shared/sources/sources-file';
import { localDateOf } from '../shared/time/zoned';
import { SAMPLE_ORIGIN, serveSampleRegion, type SampleRegionServer } from '../sample/region';
import { InputError } from './inputs';
import { CONTACT_URL, NETMIX_VERSION } from './version';

export const DEFAULT_SOURCES_FILE = 'sample/sources.json';

export interface LoadedSources {
  file: SourcesFile;
  /** The sources, with sample-region URLs rebased onto the port actually served. */
  sources: Source[];
  fetcher: Fetcher;
  sample: SampleRegionServer | null;
  /** True for the bundled sample region itself (the file `npm start` reads by default). */
  sampleRegion: boolean;
  /** Who the region's digests come from: the file's `region.operator`, else the region's name. */
  operator: Operator;
  /** Set when the file names no operator: what to tell the person running the command. */
  operatorWarning: string | null;
  close(): Promise<void>;
}

async function serveSample(today: () => string): Promise<SampleRegionServer> {
  return onPreferredPort((port) => serveSampleRegion(port === undefined ? { today } : { port, today }), Number(new URL(SAMPLE_ORIGIN).port));
}

export interface LoadOptions {
  /**
   * CLI only (`--allow-local`): let the fetcher reach the loopback ports the sources file names, for
   * saved copies and calendars served on the operator's own machine. Redirects stay checked.
   */
  allowLocal?: boolean;
}

/** The loopback ports the sources' URLs name (127.0.0.1, localhost, [::1]). */
function loopbackPorts(sources: readonly Source[]): number[] {
  const ports = new Set<number>();
  for (const source of sources) {
    const url = new URL(source.url);
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]') ports.add(Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
  }
  return [...ports];
}

/** Reads and validates `path`; serves the sample region if any source points at it; builds the fetcher. */
export async function loadSources(path: string, now: () => Date, options: LoadOptions = {}): Promise<LoadedSources> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read the sources file`, { cause: error });
  }
  const file = parseSourcesFile(text, path);
  const usesSample = file.sources.some((source) => source.url.startsWith(`${SAMPLE_ORIGIN}/`));
  const sample = usesSample ? await serveSample(() => localDateOf(now(), file.region.timeZone)) : null;
  const sources = file.sources.map((source) =>
    sample && source.url.startsWith(`${SAMPLE_ORIGIN}/`) ? { ...source, url: sample.origin + source.url.slice(SAMPLE_ORIGIN.length) } : source,
  );
  const onlySample = sample !== null && sources.every((source) => source.url.startsWith(`${sample.origin}/`));
  const fetcher = createFetcher({
    userAgent: buildUserAgent({ version: NETMIX_VERSION, contactUrl: file.region.contactUrl ?? CONTACT_URL }),
    // The embedded sample server is ours: no need to wait a second between its pages.
    ...(onlySample ? { perHostDelayMs: 20 } : {}),
    ...(sample || options.allowLocal === true
      ? { allowLoopback: { ports: [...(sample ? [sample.port] : []), ...(options.allowLocal === true ? loopbackPorts(sources) : [])] } }
      : {}),
  });
  const named = file.region.operator;
  return {
    file,
    sources,
    fetcher,
    sample,
    sampleRegion: resolve(path) === resolve(DEFAULT_SOURCES_FILE),
    operator: named ?? { name: file.region.name, postalAddress: `(no postal address: add region.operator to ${path})` },
    operatorWarning:
      named === undefined
        ? `${path}: region.operator is not set; digests are signed "${file.region.name}" with no postal address. Add "operator": { "name": …, "postalAddress": … } to the region.`
        : null,
    close: async () => {
      await fetcher.close();
      await sample?.close();
    },
  };
}

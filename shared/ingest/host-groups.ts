/**
 * Politeness across processes: the fetcher keeps one request at a time per host inside one process,
 * but ingest workers on Lambda run side by side and share nothing. So the fan-out puts all of a
 * host's sources into one unit of work (one queue message), which one worker runs one source after
 * another: no two workers ever fetch from the same host at once.
 */
import type { Source } from '../model/source';

/** The host a source is fetched from, keyed the way the fetcher's per-host queue keys it. */
export function hostOf(source: Pick<Source, 'url'>): string {
  return new URL(source.url).hostname.toLowerCase();
}

/** Sources grouped by host, hosts in order of first appearance, sources in file order within each. */
export function groupSourcesByHost<S extends Pick<Source, 'url'>>(sources: readonly S[]): S[][] {
  const groups = new Map<string, S[]>();
  for (const source of sources) {
    const host = hostOf(source);
    const group = groups.get(host);
    if (group) group.push(source);
    else groups.set(host, [source]);
  }
  return [...groups.values()];
}

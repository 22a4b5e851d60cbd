/**
 * Groups listings of the same occurrence: same start instant and a title that is the same once
 * case, punctuation and filler words are ignored (two sources rarely spell a title identically).
 * Ingest dedups within a run as well; this guard keeps a digest free of repeats whatever reached
 * the store.
 */
import type { Event } from '../model/event';

const FILLER = new Set(['the', 'a', 'an', 'and', 'of', 'at', 'in', 'on', 'for', 'with', 'to', '&']);

/** The words of a title that matter for "same event?": lower-cased, unaccented, no filler. */
export function titleWords(title: string): string[] {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !FILLER.has(word));
}

/** Jaccard similarity of two titles' word sets, 1 when both have no words. */
export function titleSimilarity(a: string, b: string): number {
  const left = new Set(titleWords(a));
  const right = new Set(titleWords(b));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Titles at or above this similarity, starting at the same instant, are one event. */
export const SAME_EVENT_SIMILARITY = 0.6;

/**
 * Partitions `events` into clusters of listings of one occurrence. Each cluster is ordered with
 * its preferred listing first (most sources, then one with a link, then the longer description,
 * then the smaller id) so the choice does not depend on input order.
 */
export function clusterEvents(events: readonly Event[]): Event[][] {
  const byStart = new Map<string, Event[]>();
  for (const event of events) {
    const group = byStart.get(event.start);
    if (group) group.push(event);
    else byStart.set(event.start, [event]);
  }
  const clusters: Event[][] = [];
  for (const group of byStart.values()) {
    const sorted = [...group].sort(preferListing);
    const assigned: Event[][] = [];
    for (const event of sorted) {
      const home = assigned.find((cluster) => cluster.some((member) => titleSimilarity(member.title, event.title) >= SAME_EVENT_SIMILARITY));
      if (home) home.push(event);
      else assigned.push([event]);
    }
    clusters.push(...assigned);
  }
  return clusters;
}

function preferListing(a: Event, b: Event): number {
  return (
    b.sources.length - a.sources.length ||
    Number(b.url !== null) - Number(a.url !== null) ||
    b.description.length - a.description.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

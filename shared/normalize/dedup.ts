import type { Event, EventSourceRef } from '../model/event';
import { distanceKm } from './distance';
import { SAME_TITLE_THRESHOLD, titleKey, titleSimilarity } from './title-similarity';

/** Listings of one event may disagree on its start by this much (a 6:00 vs a 6:15 doors time). */
export const DEDUP_START_TOLERANCE_MS = 15 * 60_000;
/** Two places farther apart than this are different places (ZIP centroids of one venue agree). */
const SAME_PLACE_KM = 1.5;

/** How much an event tells a reader: the record kept when listings merge is the richest. */
function richness(event: Event): number {
  const venue = event.venue;
  let score = Math.min(event.description.length, 1000) / 1000;
  if (event.url !== null) score += 1;
  if (event.organizer !== null) score += 0.5;
  if (event.cost.kind !== 'unknown') score += 1;
  if (event.onlineUrl !== null) score += 1;
  if (venue !== null) {
    for (const field of [venue.name, venue.address, venue.city, venue.region, venue.postalCode]) if (field !== null) score += 0.5;
    if (venue.lat !== null) score += 0.5;
  }
  return score;
}

function firstSourceId(event: Event): string {
  let first = event.sources[0]?.id ?? '';
  for (const ref of event.sources) if (ref.id < first) first = ref.id;
  return first;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True unless the two venues are known to be different places (ZIP, town or distance). */
function samePlace(a: Event, b: Event): boolean {
  const left = a.venue;
  const right = b.venue;
  if (left === null || right === null) return true;
  if (left.postalCode !== null && right.postalCode !== null && left.postalCode !== right.postalCode) return false;
  if (left.city !== null && right.city !== null && titleKey(left.city) !== titleKey(right.city)) return false;
  if (left.lat !== null && left.lon !== null && right.lat !== null && right.lon !== null) {
    return distanceKm({ lat: left.lat, lon: left.lon }, { lat: right.lat, lon: right.lon }) <= SAME_PLACE_KM;
  }
  return true;
}

interface Cluster {
  keep: Event;
  startMs: number;
  sources: EventSourceRef[];
  sourceIds: Set<string>;
}

function bucketOf(startMs: number): number {
  return Math.floor(startMs / DEDUP_START_TOLERANCE_MS);
}

/**
 * Merges the listings of one event by several sources into one Event whose `sources` names
 * them all. Two listings are the same event when their titles are alike
 * ({@link titleSimilarity} ≥ {@link SAME_TITLE_THRESHOLD}), their starts are at most 15 minutes
 * apart, their places do not contradict each other (an online or unknown place matches any),
 * and they come from different sources (one source's two records are two events). The richest
 * listing is kept (ties: lowest source id, then id). Events are bucketed by start time, so the
 * work is O(n log n) plus the comparisons within a 45-minute window. Output is sorted by start,
 * then id; the result does not depend on the input order.
 */
export function dedupEvents(events: readonly Event[]): Event[] {
  const ranked = events
    .map((event) => ({ event, richness: richness(event), sourceId: firstSourceId(event) }))
    .sort((a, b) => b.richness - a.richness || compareStrings(a.sourceId, b.sourceId) || compareStrings(a.event.id, b.event.id));

  const clusters: Cluster[] = [];
  const byBucket = new Map<number, number[]>();
  const byId = new Map<string, number>();
  for (const { event } of ranked) {
    const startMs = Date.parse(event.start);
    let targetIndex = byId.get(event.id) ?? -1;
    if (targetIndex === -1) {
      let bestScore = 0;
      const bucket = bucketOf(startMs);
      for (let near = bucket - 1; near <= bucket + 1; near += 1) {
        for (const index of byBucket.get(near) ?? []) {
          const cluster = clusters[index];
          if (cluster === undefined || Math.abs(cluster.startMs - startMs) > DEDUP_START_TOLERANCE_MS) continue;
          if (event.sources.some((ref) => cluster.sourceIds.has(ref.id)) || !samePlace(cluster.keep, event)) continue;
          const score = titleSimilarity(cluster.keep.title, event.title);
          if (score >= SAME_TITLE_THRESHOLD && (score > bestScore || (score === bestScore && index < targetIndex))) {
            bestScore = score;
            targetIndex = index;
          }
        }
      }
    }
    const target = clusters[targetIndex];
    if (target === undefined) {
      const bucket = bucketOf(startMs);
      const inBucket = byBucket.get(bucket);
      if (inBucket === undefined) byBucket.set(bucket, [clusters.length]);
      else inBucket.push(clusters.length);
      byId.set(event.id, clusters.length);
      clusters.push({ keep: event, startMs, sources: [...event.sources], sourceIds: new Set(event.sources.map((ref) => ref.id)) });
    } else {
      target.sources.push(...event.sources);
      for (const ref of event.sources) target.sourceIds.add(ref.id);
    }
  }

  return clusters
    .map((cluster) => {
      const seen = new Set<string>();
      const sources = cluster.sources
        .filter((ref) => {
          const key = `${ref.id}\u0000${ref.uid}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .sort((a, b) => compareStrings(a.id, b.id) || compareStrings(a.uid, b.uid));
      return { ...cluster.keep, sources };
    })
    .sort((a, b) => compareStrings(a.start, b.start) || compareStrings(a.id, b.id));
}

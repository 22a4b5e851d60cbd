import type { ParsedVEvent } from './read-vevent';

/**
 * Sorts VEVENTs into series: masters by UID, and overrides by UID and RECURRENCE-ID. Among copies
 * of the same thing the highest SEQUENCE wins and DTSTAMP breaks ties (RFC 5546 §2.1.5).
 */

export interface Series {
  uid: string | null;
  masters: ParsedVEvent[];
  overrides: ParsedVEvent[];
}

/** Newer revision first: SEQUENCE, then DTSTAMP, then the later one in the file. */
function newer(a: ParsedVEvent, b: ParsedVEvent): number {
  return b.sequence - a.sequence || b.stamp() - a.stamp() || b.index - a.index;
}

/** The key that identifies the instance an override replaces, independent of how it is written. */
function recurrenceKey(event: ParsedVEvent): string {
  const rid = event.recurrenceId;
  if (!rid) return '';
  if (rid.isDate) return `D${rid.local.year}-${rid.local.month}-${rid.local.day}`;
  return `T${rid.zone.toInstantMs(rid.local)}`;
}

/**
 * Masters with one UID: the newest revision, plus any copy that is neither older nor identical
 * (feeds such as tvcountdown reuse one UID for two different events with equal stamps).
 */
function keepMasters(list: ParsedVEvent[]): ParsedVEvent[] {
  if (list.length < 2) return list;
  const sorted = [...list].sort(newer);
  const best = sorted[0];
  if (!best) return [];
  const kept = [best];
  const seen = new Set([best.fingerprint()]);
  for (const other of sorted.slice(1)) {
    if (other.sequence !== best.sequence || other.stamp() !== best.stamp()) continue;
    const fingerprint = other.fingerprint();
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    kept.push(other);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** Groups events into series (events without a UID are each their own). */
export function groupSeries(events: ParsedVEvent[]): Series[] {
  const byUid = new Map<string, { masters: ParsedVEvent[]; overrides: Map<string, ParsedVEvent[]> }>();
  const series: Series[] = [];
  for (const event of events) {
    if (event.uid === null) {
      series.push({ uid: null, masters: [event], overrides: [] });
      continue;
    }
    let entry = byUid.get(event.uid);
    if (!entry) {
      entry = { masters: [], overrides: new Map() };
      byUid.set(event.uid, entry);
    }
    if (event.recurrenceId) {
      const key = recurrenceKey(event);
      const list = entry.overrides.get(key);
      if (list) list.push(event);
      else entry.overrides.set(key, [event]);
    } else {
      entry.masters.push(event);
    }
  }
  for (const [uid, entry] of byUid) {
    const overrides = [...entry.overrides.values()].map((list) => [...list].sort(newer)[0]).filter((event) => event !== undefined);
    series.push({ uid, masters: keepMasters(entry.masters), overrides });
  }
  return series;
}

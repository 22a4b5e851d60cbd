/**
 * Wall-clock ⇄ instant conversion in an IANA zone with RFC 5545 §3.3.5's rules: a local time in
 * the spring-forward gap is read with the offset before the gap (02:30 → 03:30 EDT), and an
 * ambiguous fall-back time means its first occurrence (01:30 → 01:30 EDT).
 */

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function toLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's UTC offset at `epochMs`, in minutes east of UTC (New York in winter: -300). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const local = toLocalDateTime(new Date(epochMs), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const DAY_MS = 86_400_000;

/** The instant at which `timeZone`'s clocks read `local` (see the module note for gaps and overlaps). */
export function zonedToInstant(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = offsetMinutesAt(asUtc - DAY_MS, timeZone);
  const after = offsetMinutesAt(asUtc + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((candidate) => asUtc - offsetMinutesAt(candidate, timeZone) * 60_000 === candidate);
  if (candidates.length === 0) return new Date(asUtc - before * 60_000);
  return new Date(Math.min(...candidates));
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const { year, month, day } = toLocalDateTime(instant, timeZone);
  return formatDate(year, month, day);
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Local midnight starting `date` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return zonedToInstant({ year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** `date` plus `days` calendar days, `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days));
  return shifted.toISOString().slice(0, 10);
}

/*
 * Cached conversions. Intl's formatToParts costs microseconds a call, and a feed converts the
 * same few months thousands of times, so each zone's offsets are learnt once per 6-hour bucket:
 * the exact offsets at both ends, and, when they differ, each transition found by bisection to the
 * second. A change and its exact reversal within one 6-hour bucket would go unseen; the tz
 * database has none in the cached range. Outside 1900–2200 the exact functions above are used.
 */

const BUCKET_MS = 6 * 3_600_000;
const CACHED_FROM_MS = Date.UTC(1900, 0, 1);
const CACHED_TO_MS = Date.UTC(2200, 0, 1);
/** Buckets kept per zone before the cache starts over (about 68 years of 6-hour buckets). */
const MAX_BUCKETS = 100_000;

/** One bucket: `offsets[0]` applies from the bucket's start, `offsets[i + 1]` from `transitions[i]`. */
interface OffsetBucket {
  transitions: number[];
  offsets: number[];
  /** The offset at the bucket's end, which is the next bucket's start (a change may fall on it). */
  endOffset: number;
}

const bucketsByZone = new Map<string, Map<number, OffsetBucket>>();

/** Exact offset in seconds at a whole-second instant, from Intl. */
function exactOffsetSeconds(wholeSecondMs: number, timeZone: string): number {
  const local = toLocalDateTime(new Date(wholeSecondMs), timeZone);
  return (Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - wholeSecondMs) / 1000;
}

function bucketAt(index: number, buckets: Map<number, OffsetBucket>, timeZone: string): OffsetBucket {
  const cached = buckets.get(index);
  if (cached) return cached;
  const startMs = index * BUCKET_MS;
  const endMs = startMs + BUCKET_MS;
  const endOffset = buckets.get(index + 1)?.offsets[0] ?? exactOffsetSeconds(endMs, timeZone);
  let current = buckets.get(index - 1)?.endOffset ?? exactOffsetSeconds(startMs, timeZone);
  const bucket: OffsetBucket = { transitions: [], offsets: [current], endOffset };
  let lo = startMs;
  // Each pass finds the next whole second whose offset is no longer `current`, by bisection.
  while (current !== endOffset) {
    let hi = endMs;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (exactOffsetSeconds(mid, timeZone) === current) lo = mid;
      else hi = mid;
    }
    if (hi === endMs) break;
    current = exactOffsetSeconds(hi, timeZone);
    bucket.transitions.push(hi);
    bucket.offsets.push(current);
    lo = hi;
  }
  if (buckets.size >= MAX_BUCKETS) buckets.clear();
  buckets.set(index, bucket);
  return bucket;
}

/**
 * The zone's UTC offset in seconds at `epochMs` (New York in winter: -18000), from the per-zone
 * cache; null outside the cached years. Throws RangeError for an unknown zone, as Intl does.
 */
function cachedOffsetSeconds(epochMs: number, timeZone: string): number | null {
  if (!(epochMs >= CACHED_FROM_MS && epochMs < CACHED_TO_MS)) return null;
  let buckets = bucketsByZone.get(timeZone);
  if (!buckets) {
    buckets = new Map();
    bucketsByZone.set(timeZone, buckets);
  }
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const { transitions, offsets } = bucketAt(Math.floor(wholeSecond / BUCKET_MS), buckets, timeZone);
  let at = 0;
  while (at < transitions.length && wholeSecond >= (transitions[at] ?? Infinity)) at += 1;
  return offsets[at] ?? null;
}

/** {@link offsetMinutesAt} with the per-zone offset cache: same answers, no Intl call once warm. */
export function offsetMinutesAtCached(epochMs: number, timeZone: string): number {
  const seconds = cachedOffsetSeconds(epochMs, timeZone);
  return seconds === null ? offsetMinutesAt(epochMs, timeZone) : Math.round(seconds / 60);
}

/** {@link toLocalDateTime} with the per-zone offset cache: same answers, no Intl call once warm. */
export function toLocalDateTimeCached(instant: Date, timeZone: string): LocalDateTime {
  const epochMs = instant.getTime();
  const seconds = cachedOffsetSeconds(epochMs, timeZone);
  if (seconds === null) return toLocalDateTime(instant, timeZone);
  const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + seconds * 1000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** {@link zonedToInstant} with the per-zone offset cache: same rules and answers. */
export function zonedToInstantCached(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = offsetMinutesAtCached(asUtc - DAY_MS, timeZone);
  const after = offsetMinutesAtCached(asUtc + DAY_MS, timeZone);
  const first = asUtc - before * 60_000;
  if (before === after) return new Date(first);
  const firstFits = asUtc - offsetMinutesAtCached(first, timeZone) * 60_000 === first;
  const second = asUtc - after * 60_000;
  const secondFits = asUtc - offsetMinutesAtCached(second, timeZone) * 60_000 === second;
  if (firstFits && secondFits) return new Date(Math.min(first, second));
  if (secondFits) return new Date(second);
  return new Date(first);
}

/** {@link localDateOf} with the per-zone offset cache. */
export function localDateOfCached(instant: Date, timeZone: string): string {
  const { year, month, day } = toLocalDateTimeCached(instant, timeZone);
  return formatDate(year, month, day);
}

/** {@link startOfLocalDay} with the per-zone offset cache. */
export function startOfLocalDayCached(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return zonedToInstantCached({ year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0 }, timeZone);
}

import ICAL from 'ical.js';
import type { DocumentBudget } from './budget';
import { fromLocalKey, localKey, type Zone } from './zones';
import type { EventFields, ParsedVEvent, TimeValue } from './read-vevent';

/**
 * Expands one series (a master VEVENT and its RECURRENCE-ID overrides) into occurrences over a
 * window. The set is RRULE ∪ RDATE − EXDATE (RFC 5545 §3.8.5: COUNT counts before EXDATE removes),
 * with overridden instances replaced by their override. All matching happens on wall-clock keys in
 * the master's zone, so EXDATEs written in UTC or another zone still hit their instance.
 */

/** One occurrence before it becomes a RawEvent. */
export interface Occurrence {
  source: ParsedVEvent;
  /** Wall-clock start in `zone` (a date at 00:00 for all-day occurrences). */
  startKey: number;
  zone: Zone;
  allDay: boolean;
  /** Wall-clock end in `zone`, or null to use `durationMs`. */
  endKey: number | null;
  /** Exact length, used when `endKey` is null; null when there is no end. */
  durationMs: number | null;
  fields: EventFields;
}

export interface ExpandOptions {
  fromMs: number;
  toMs: number;
  /**
   * The window's first and last dates (in the source's zone) as wall-clock keys at 00:00. All-day
   * instances are windowed by their date against these, whatever zone the calendar is in.
   */
  fromDateKey: number;
  toDateKey: number;
  /** Most iterations one series may take before it is given up (with a problem). */
  maxIterations: number;
  /** The document's budget, shared by all its series (see `DocumentBudget`). */
  budget: DocumentBudget;
  note: (message: string, where: string) => void;
}

const DAY_MS = 86_400_000;
/**
 * The largest DST shift in the tz data (Antarctica/Troll's two hours), so a wall-clock band read at
 * the window's ends still covers it; no wider, since every key in the band before the window
 * costs an iteration (an endless FREQ=SECONDLY has 7,200 of them).
 */
const DST_ROOM_MS = 2 * 3_600_000;
/** Instances one series may yield in a window (a daily series over 27 years). */
const MAX_OCCURRENCES = 10_000;
const SUB_DAILY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
/** BY parts that pick days, weeks or months: a sub-hourly rule filtered by them mostly steps through misses. */
const DATE_FILTERS = new Set(['BYMONTH', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYDAY', 'BYSETPOS']);
/** Wall-clock length of one period of the frequencies whose periods never vary. */
const PERIOD_MS: Partial<Record<string, number>> = { SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS };

/**
 * The wall-clock key to start iterating from. ical.js can only iterate from DTSTART; for a rule
 * without COUNT or BY* parts every period start is an instance, so DTSTART can jump by whole
 * periods to just before the window (an endless FREQ=SECONDLY from 2000 would otherwise take
 * billions of steps).
 */
function fastForward(master: ParsedVEvent, recur: ICAL.Recur, lo: number): number {
  const startKey = localKey(master.start.local);
  const period = PERIOD_MS[recur.freq];
  if (period === undefined || recur.count !== null || Object.keys(recur.parts).length > 0) return startKey;
  const step = period * Math.max(1, recur.interval);
  if (startKey >= lo - step) return startKey;
  return startKey + Math.floor((lo - startKey) / step) * step;
}

/** Wider than any UTC offset (±14 h), so the wall-clock prefilter never drops an instant in range. */
const MARGIN_MS = 15 * 3_600_000;

/**
 * The wall-clock key of `value` in `zone`. Dates keep their own calendar day, and so does a
 * date-time read `asDate` (for an all-day series): Exchange names the instance of Feb 26 as
 * `RECURRENCE-ID;TZID=W. Europe Standard Time:20260226T000000`, which in New York is Feb 25.
 */
export function keyIn(value: TimeValue, zone: Zone, asDate: boolean): number {
  let key = value.isDate || value.zone === zone || asDate ? localKey(value.local) : localKey(zone.toLocal(value.zone.toInstantMs(value.local)));
  if (asDate) key -= ((key % DAY_MS) + DAY_MS) % DAY_MS;
  return key;
}

/** Length of an event from its DTEND or DURATION: a wall-clock end key or an exact duration. */
export function lengthOf(event: ParsedVEvent): { endKey: number | null; durationMs: number | null } {
  const startKey = localKey(event.start.local);
  if (event.end) {
    if (event.start.isDate) return { endKey: null, durationMs: keyIn(event.end, event.start.zone, true) - startKey };
    const startMs = event.start.zone.toInstantMs(event.start.local);
    const endMs = event.end.zone.toInstantMs(event.end.local);
    return { endKey: null, durationMs: endMs - startMs };
  }
  if (event.durationSeconds !== null) return { endKey: null, durationMs: event.durationSeconds * 1000 };
  return { endKey: null, durationMs: event.start.isDate ? DAY_MS : null };
}

/** Occurrences of `master` (with `overrides`) whose wall-clock start is near the window. */
export function expandSeries(master: ParsedVEvent, overrides: ParsedVEvent[], options: ExpandOptions): Occurrence[] {
  const zone = master.start.zone;
  const allDay = master.start.isDate;
  const startKey = localKey(master.start.local);
  const lo = allDay ? options.fromDateKey : options.fromMs - MARGIN_MS;
  const hi = allDay ? options.toDateKey : options.toMs + MARGIN_MS;
  if (!master.rrule && master.rdates.length === 0 && overrides.length === 0 && (startKey < lo || startKey > hi)) return [];
  if (options.budget.exceeded !== null) return [];

  const keys = new Set<number>();
  if (startKey >= lo && startKey <= hi) keys.add(startKey);
  if (master.rrule) {
    // The iterator needs a tight band: an endless FREQ=SECONDLY would fill the ±15 h margin with
    // instances that all start before the window. The zone's own reading of the window, with
    // room for a DST shift, is exact enough.
    const tightLo = allDay ? lo : Math.max(lo, localKey(zone.toLocal(options.fromMs)) - DST_ROOM_MS);
    const tightHi = allDay ? hi : Math.min(hi, localKey(zone.toLocal(options.toMs)) + DST_ROOM_MS);
    iterateRule(master, master.rrule, zone, tightLo, tightHi, keys, options);
  }
  // An RDATE;VALUE=PERIOD instance lasts its own period (RFC 5545 §3.8.5.2), not the master's length.
  const periodLengths = new Map<number, number>();
  for (const rdate of master.rdates) {
    const key = keyIn(rdate, zone, allDay);
    if (key < lo || key > hi) continue;
    keys.add(key);
    if (rdate.periodMs !== undefined) periodLengths.set(key, rdate.periodMs);
  }

  const exact = new Set<number>();
  const days = new Set<number>();
  for (const exdate of master.exdates) {
    if (exdate.isDate && !allDay) days.add(keyIn(exdate, zone, true));
    else exact.add(keyIn(exdate, zone, allDay));
  }
  const excluded = (key: number) => exact.has(key) || days.has(key - (((key % DAY_MS) + DAY_MS) % DAY_MS));

  const replaced = new Set<number>();
  const ranges: { key: number; override: ParsedVEvent; shift: number }[] = [];
  const occurrences: Occurrence[] = [];
  for (const override of overrides) {
    if (!override.recurrenceId) continue;
    const ridKey = keyIn(override.recurrenceId, zone, allDay);
    if (excluded(ridKey)) continue;
    replaced.add(ridKey);
    occurrences.push(single(override));
    if (override.thisAndFuture) ranges.push({ key: ridKey, override, shift: keyIn(override.start, zone, allDay) - ridKey });
  }
  ranges.sort((a, b) => a.key - b.key);
  if (keys.size === 0) return occurrences;
  const { durationMs } = lengthOf(master);

  for (const key of keys) {
    if (excluded(key) || replaced.has(key)) continue;
    const range = ranges.findLast((candidate) => candidate.key < key);
    if (range) {
      const length = lengthOf(range.override);
      occurrences.push({ source: range.override, startKey: key + range.shift, zone, allDay, endKey: null, durationMs: length.durationMs, fields: { ...master.fields, ...definedFields(range.override.fields) } });
    } else {
      occurrences.push({ source: master, startKey: key, zone, allDay, endKey: null, durationMs: periodLengths.get(key) ?? durationMs, fields: master.fields });
    }
  }
  for (const occurrence of occurrences) {
    if (occurrence.source !== master) occurrence.fields = { ...master.fields, ...definedFields(occurrence.source.fields) };
  }
  return occurrences;
}

/** A VEVENT on its own: a non-recurring event, an override, or an override whose master is missing. */
export function single(event: ParsedVEvent): Occurrence {
  const { endKey, durationMs } = lengthOf(event);
  return { source: event, startKey: localKey(event.start.local), zone: event.start.zone, allDay: event.start.isDate, endKey, durationMs, fields: event.fields };
}

function definedFields(fields: EventFields): Partial<EventFields> {
  const defined: Partial<EventFields> = { cancelled: fields.cancelled };
  if (fields.title !== null) defined.title = fields.title;
  if (fields.description !== null) defined.description = fields.description;
  if (fields.location !== null) defined.location = fields.location;
  if (fields.url !== null) defined.url = fields.url;
  if (fields.organizer !== null) defined.organizer = fields.organizer;
  if (fields.geo !== null) defined.geo = fields.geo;
  if (fields.categories.length > 0) defined.categories = fields.categories;
  if (fields.venueUid !== null) defined.venueUid = fields.venueUid;
  return defined;
}

function iterateRule(master: ParsedVEvent, rule: ICAL.Recur, zone: Zone, lo: number, hi: number, keys: Set<number>, options: ExpandOptions): void {
  try {
    walkRule(master, rule, zone, lo, hi, keys, options);
  } catch (error) {
    // ical.js re-reads parts of a rule when it clones or iterates it (a damaged UNTIL throws there).
    options.note(`RRULE could not be expanded (${error instanceof Error ? error.message : String(error)}); only DTSTART is used`, master.where);
  }
}

function walkRule(master: ParsedVEvent, rule: ICAL.Recur, zone: Zone, lo: number, hi: number, keys: Set<number>, options: ExpandOptions): void {
  if (master.start.isDate && SUB_DAILY.has(rule.freq)) {
    // A date has no time of day to step: ical.js's iterator never advances on one.
    options.note(`RRULE FREQ=${rule.freq} cannot be honoured on an all-day event; only DTSTART is used`, master.where);
    return;
  }
  const filters = Object.keys(rule.parts).filter((part) => DATE_FILTERS.has(part));
  if ((rule.freq === 'SECONDLY' || rule.freq === 'MINUTELY') && filters.length > 0) {
    // ical.js steps such a rule one second or minute at a time between instances: millions of
    // steps inside one `next()`, where no budget can count them. No real schedule needs one.
    options.note(`RRULE FREQ=${rule.freq} filtered by ${filters.join(', ')} cannot be expanded within a parse budget; only DTSTART is used`, master.where);
    return;
  }
  const recur = rule.clone();
  const until = recur.until;
  if (until) recur.until = untilInZone(until, zone, master.start.isDate);
  if (isFixedPeriod(recur)) {
    stepRule(master, recur, lo, hi, keys, options);
    return;
  }
  const dtstart = ICAL.Time.fromData({ ...fromLocalKey(fastForward(master, recur, lo)), isDate: master.start.isDate });
  // Two ical.js iterator faults, worked around here: an unsorted BYMONTH (11,12,1,2) yields
  // months out of order (and the window cut below relies on order), and with BYMONTH across a
  // year end COUNT ends one instance early. So BYMONTH is sorted and COUNT is counted here.
  if (recur.parts.BYMONTH) recur.parts = { ...recur.parts, BYMONTH: [...recur.parts.BYMONTH].sort((a, b) => a - b) };
  const limit = recur.count;
  recur.count = null;
  const iterator = recur.iterator(dtstart);
  for (let count = 0; ; count += 1) {
    if (count >= options.maxIterations) {
      options.note(`RRULE gave more than ${options.maxIterations} instances before the window ended; the rest are skipped`, master.where);
      return;
    }
    if ((limit !== null && count >= limit) || !options.budget.step()) return;
    const next = iterator.next();
    if (!next) return;
    const key = localKey(next);
    if (key > hi) return;
    if (key >= lo) keys.add(key);
    if (keys.size >= MAX_OCCURRENCES) {
      options.note(`RRULE gave more than ${MAX_OCCURRENCES} instances in the window; the rest are skipped`, master.where);
      return;
    }
  }
}

/** A rule whose instances are DTSTART plus whole periods: a fixed-length FREQ and no BY* parts. */
function isFixedPeriod(recur: ICAL.Recur): boolean {
  return (
    PERIOD_MS[recur.freq] !== undefined && Object.keys(recur.parts).length === 0 && Number.isInteger(recur.interval) &&
    recur.interval >= 1 && (recur.count === null || recur.count > 0)
  );
}

/**
 * The instances of a fixed-period rule by arithmetic on wall-clock keys, which is what ical.js's
 * iterator computes for such a rule (it iterates floating times) at a fraction of its cost: the
 * same COUNT, UNTIL and window rules, and the same limits and notes as the iterator loop.
 */
function stepRule(master: ParsedVEvent, recur: ICAL.Recur, lo: number, hi: number, keys: Set<number>, options: ExpandOptions): void {
  const step = (PERIOD_MS[recur.freq] ?? DAY_MS) * recur.interval;
  const untilKey = recur.until ? localKey(recur.until) : Infinity;
  let key = fastForward(master, recur, lo);
  for (let count = 0; ; count += 1, key += step) {
    if (count >= options.maxIterations) {
      options.note(`RRULE gave more than ${options.maxIterations} instances before the window ended; the rest are skipped`, master.where);
      return;
    }
    if ((recur.count !== null && count >= recur.count) || key > untilKey || key > hi || !options.budget.step()) return;
    if (key >= lo) keys.add(key);
    if (keys.size >= MAX_OCCURRENCES) {
      options.note(`RRULE gave more than ${MAX_OCCURRENCES} instances in the window; the rest are skipped`, master.where);
      return;
    }
  }
}

/**
 * UNTIL as a wall-clock time in the master's zone, because the iterator compares wall clocks. A
 * UTC UNTIL is an instant; a date-time UNTIL on an all-day series (Google writes one) keeps the
 * day it names.
 */
function untilInZone(until: ICAL.Time, zone: Zone, allDay: boolean): ICAL.Time {
  if (allDay) return ICAL.Time.fromData({ year: until.year, month: until.month, day: until.day, isDate: true });
  if (until.zone === ICAL.Timezone.utcTimezone) return ICAL.Time.fromData({ ...zone.toLocal(until.toUnixTime() * 1000), isDate: false });
  if (until.isDate) return ICAL.Time.fromData({ year: until.year, month: until.month, day: until.day, hour: 23, minute: 59, second: 59, isDate: false });
  return ICAL.Time.fromData({ year: until.year, month: until.month, day: until.day, hour: until.hour, minute: until.minute, second: until.second, isDate: false });
}

import ICAL from 'ical.js';
import type { LocalDateTime } from '../../time/zoned';
import { UTC_ZONE, type Zone, type ZoneResolver } from './zones';

/**
 * Reads one VEVENT component (already parsed by ical.js) into plain values: times as wall-clock
 * readings with the zone they were written in, text as written. No expansion happens here.
 */

export interface TimeValue {
  local: LocalDateTime;
  isDate: boolean;
  zone: Zone;
  /** For an RDATE;VALUE=PERIOD: the period's exact length (from its end or its duration). */
  periodMs?: number;
}

export interface EventFields {
  title: string | null;
  description: string | null;
  location: string | null;
  url: string | null;
  organizer: string | null;
  geo: { lat: number; lon: number } | null;
  categories: string[];
  cancelled: boolean;
  venueUid: string | null;
}

export interface ParsedVEvent {
  where: string;
  /** 1-based position among the feed's VEVENTs. */
  index: number;
  uid: string | null;
  sequence: number;
  /** DTSTAMP (else LAST-MODIFIED) in epoch ms, 0 when absent: breaks SEQUENCE ties. Lazy: rarely needed. */
  stamp: () => number;
  start: TimeValue;
  end: TimeValue | null;
  durationSeconds: number | null;
  recurrenceId: TimeValue | null;
  thisAndFuture: boolean;
  rrule: ICAL.Recur | null;
  rdates: TimeValue[];
  exdates: TimeValue[];
  readonly fields: EventFields;
  /** The component's content minus DTSTAMP/CREATED/LAST-MODIFIED/SEQUENCE, to spot identical copies. */
  fingerprint: () => string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const VOLATILE = new Set(['dtstamp', 'created', 'last-modified', 'sequence']);

/** Thrown inside this module for an event that cannot be read; the caller turns it into a problem. */
export class UnreadableEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadableEventError';
  }
}

export interface ReadContext {
  zones: ZoneResolver;
  where: string;
  index: number;
  note: (message: string) => void;
}

/** Reads `component`; throws UnreadableEventError when it has no usable DTSTART. */
export function readVEvent(component: ICAL.Component, context: ReadContext): ParsedVEvent {
  const startProp = component.getFirstProperty('dtstart');
  if (!startProp) throw new UnreadableEventError('no DTSTART: the event has no date');
  const start = readTime(startProp, context);
  if (!start) throw new UnreadableEventError('DTSTART could not be read');
  if (start.local.year < MIN_YEAR || start.local.year > MAX_YEAR) {
    throw new UnreadableEventError(`DTSTART year ${start.local.year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const endProp = component.getFirstProperty('dtend') ?? component.getFirstProperty('due');
  const end = endProp ? readTime(endProp, context) : null;
  const recurrenceProp = component.getFirstProperty('recurrence-id');
  const recurrenceId = recurrenceProp ? readTime(recurrenceProp, context) : null;
  if (recurrenceProp && !recurrenceId) context.note('RECURRENCE-ID could not be read; treated as a single event');
  let fields: EventFields | undefined;
  return {
    where: context.where,
    index: context.index,
    uid: textOf(component, 'uid'),
    sequence: numberOf(component.getFirstPropertyValue('sequence')),
    stamp: () => stampOf(component),
    start,
    end,
    durationSeconds: durationOf(component, context),
    recurrenceId,
    thisAndFuture: (String(recurrenceProp?.getParameter('range') ?? '')).toUpperCase() === 'THISANDFUTURE',
    rrule: recurOf(component, context),
    rdates: timesOf(component, 'rdate', context),
    exdates: timesOf(component, 'exdate', context),
    // Read on first use: most events of a long feed fall outside the window and never need text.
    get fields() {
      fields ??= fieldsOf(component);
      return fields;
    },
    fingerprint: () => fingerprintOf(component),
  };
}

function readTime(prop: ICAL.Property, context: ReadContext): TimeValue | null {
  let value: unknown;
  try {
    value = prop.getFirstValue();
  } catch (error) {
    context.note(`${prop.name.toUpperCase()} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  return timeValueOf(value, prop, context);
}

function timeValueOf(value: unknown, prop: ICAL.Property, context: ReadContext): TimeValue | null {
  const time = value instanceof ICAL.Period ? value.start : value;
  if (!(time instanceof ICAL.Time)) return null;
  const local: LocalDateTime = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
  if (!isRealDate(local)) {
    context.note(`${prop.name.toUpperCase()} is not a real date (${time.toString()})`);
    return null;
  }
  const tzid = prop.getParameter('tzid');
  let zone: Zone;
  if (time.zone === ICAL.Timezone.utcTimezone) zone = UTC_ZONE;
  else if (typeof tzid === 'string' && tzid.trim() !== '' && !time.isDate) zone = context.zones.resolve(tzid, context.where);
  else zone = context.zones.calendarZone;
  if (value instanceof ICAL.Period) {
    const periodMs = periodLengthMs(value, local, zone);
    if (periodMs !== null) return { local, isDate: time.isDate, zone, periodMs };
    context.note(`${prop.name.toUpperCase()} period ${value.toString()} ends before it starts; the event's own length is used`);
  }
  return { local, isDate: time.isDate, zone };
}

/** A period's length: its DURATION, or its end read in the start's zone (or in UTC when written so). */
function periodLengthMs(period: ICAL.Period, local: LocalDateTime, zone: Zone): number | null {
  let length: number;
  if (period.duration) {
    length = period.duration.toSeconds() * 1000;
  } else {
    const end = period.end;
    const endZone = end.zone === ICAL.Timezone.utcTimezone ? UTC_ZONE : zone;
    length = endZone.toInstantMs({ year: end.year, month: end.month, day: end.day, hour: end.hour, minute: end.minute, second: end.second }) - zone.toInstantMs(local);
  }
  return Number.isFinite(length) && length >= 0 ? length : null;
}

function isRealDate(local: LocalDateTime): boolean {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
  return (
    Number.isFinite(date.getTime()) &&
    date.getUTCFullYear() === local.year &&
    date.getUTCMonth() === local.month - 1 &&
    date.getUTCDate() === local.day &&
    local.hour < 24 &&
    local.minute < 60 &&
    local.second < 61
  );
}

function timesOf(component: ICAL.Component, name: string, context: ReadContext): TimeValue[] {
  const times: TimeValue[] = [];
  for (const prop of component.getAllProperties(name)) {
    let values: unknown[];
    try {
      values = prop.getValues();
    } catch (error) {
      context.note(`${name.toUpperCase()} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const value of values) {
      const time = timeValueOf(value, prop, context);
      if (time) times.push(time);
    }
  }
  return times;
}

function recurOf(component: ICAL.Component, context: ReadContext): ICAL.Recur | null {
  const props = component.getAllProperties('rrule');
  if (props.length > 1) context.note(`${props.length} RRULE lines; only the first is used`);
  const prop = props[0];
  if (!prop) return null;
  try {
    const value: unknown = prop.getFirstValue();
    return value instanceof ICAL.Recur ? value : null;
  } catch (error) {
    context.note(`RRULE could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function durationOf(component: ICAL.Component, context: ReadContext): number | null {
  try {
    const value: unknown = component.getFirstPropertyValue('duration');
    return value instanceof ICAL.Duration ? value.toSeconds() : null;
  } catch {
    context.note('DURATION could not be read');
    return null;
  }
}

function textOf(component: ICAL.Component, name: string): string | null {
  for (const prop of component.getAllProperties(name)) {
    const value: unknown = prop.getFirstValue();
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function numberOf(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : 0;
}

function stampOf(component: ICAL.Component): number {
  for (const name of ['dtstamp', 'last-modified']) {
    try {
      const value: unknown = component.getFirstPropertyValue(name);
      if (value instanceof ICAL.Time) return value.toUnixTime() * 1000;
    } catch {
      // A damaged DTSTAMP only weakens tie-breaking; the scan already reported it.
    }
  }
  return 0;
}

function fieldsOf(component: ICAL.Component): EventFields {
  const summary = textOf(component, 'summary');
  const status = textOf(component, 'status');
  const organizerProp = component.getFirstProperty('organizer');
  const cn = organizerProp?.getParameter('cn');
  const organizerValue: unknown = organizerProp?.getFirstValue();
  const organizer =
    typeof cn === 'string' && cn.trim() !== ''
      ? cn.trim()
      : typeof organizerValue === 'string' && organizerValue.trim() !== ''
        ? organizerValue.trim().replace(/^mailto:/i, '')
        : null;
  const venueUid = component.getFirstProperty('location')?.getParameter('venue-uid');
  return {
    title: summary,
    description: textOf(component, 'description'),
    location: textOf(component, 'location'),
    url: textOf(component, 'url') ?? textOf(component, 'x-original-url'),
    organizer,
    geo: geoOf(component.getFirstPropertyValue('geo')),
    categories: component
      .getAllProperties('categories')
      .flatMap((prop): unknown[] => prop.getValues())
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.trim())
      .filter((value) => value !== ''),
    cancelled: status?.toUpperCase() === 'CANCELLED' || (summary !== null && /\(cancell?ed\)|^cancell?ed\b/i.test(summary)),
    venueUid: typeof venueUid === 'string' && venueUid !== '' ? venueUid : null,
  };
}

/** GEO as ical.js reads it (`[lat, lon]`), kept only when both numbers are on Earth. */
export function geoOf(value: unknown): { lat: number; lon: number } | null {
  if (!Array.isArray(value)) return null;
  const pair: unknown[] = value;
  const [lat, lon] = pair;
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

function fingerprintOf(component: ICAL.Component): string {
  return JSON.stringify(component.getAllProperties().filter((prop) => !VOLATILE.has(prop.name)).map((prop): unknown => prop.toJSON()));
}

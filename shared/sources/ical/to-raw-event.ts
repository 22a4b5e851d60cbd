import type { RawEvent, RawVenue } from '../../model/raw-event';
import { addDays, formatDate, localDateOfCached as localDateOf, startOfLocalDayCached as startOfLocalDay } from '../../time/zoned';
import type { Occurrence } from './expand';
import { fromLocalKey, UTC_ZONE, type Zone } from './zones';

const DAY_MS = 86_400_000;

export interface BuildContext {
  calendarZone: Zone;
  fallbackTimeZone: string;
  fromMs: number;
  toMs: number;
  /** The window's first and last dates (`YYYY-MM-DD`, source's zone), for all-day events. */
  fromDate: string;
  toDate: string;
  baseUrl: string | undefined;
  venueFor: (occurrence: Occurrence) => RawVenue | null;
  note: (message: string, where: string) => void;
}

/** The RawEvent for `occurrence`, or null when it starts outside the window. */
export function toRawEvent(occurrence: Occurrence, context: BuildContext): RawEvent | null {
  const { zone, startKey, fields } = occurrence;
  // Times written in UTC are reported in the calendar's zone: the instant is the same, and the
  // local date is the one a reader of the calendar sees.
  const timeZone = (zone === UTC_ZONE ? context.calendarZone.iana : zone.iana) ?? context.calendarZone.iana ?? context.fallbackTimeZone;
  let start: Date;
  let end: Date | null;
  let startDate: string;
  if (occurrence.allDay) {
    const local = fromLocalKey(startKey);
    startDate = formatDate(local.year, local.month, local.day);
    start = startOfLocalDay(startDate, timeZone);
    const days = occurrence.durationMs === null ? 1 : Math.max(1, Math.round(occurrence.durationMs / DAY_MS));
    end = startOfLocalDay(addDays(startDate, days), timeZone);
  } else {
    const startMs = zone.toInstantMs(fromLocalKey(startKey));
    start = new Date(startMs);
    end = occurrence.durationMs === null ? null : new Date(startMs + occurrence.durationMs);
    startDate = '';
  }
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) return null;
  if (occurrence.allDay ? startDate < context.fromDate || startDate > context.toDate : startMs < context.fromMs || startMs > context.toMs) return null;
  if (end !== null && !(end.getTime() >= startMs)) {
    context.note('the end is before the start; the end is ignored', occurrence.source.where);
    end = null;
  }
  if (!occurrence.allDay) startDate = localDateOf(start, timeZone);
  return {
    uid: occurrence.source.uid,
    title: fields.title ?? '',
    start,
    end,
    allDay: occurrence.allDay,
    startDate,
    timeZone,
    status: fields.cancelled ? 'cancelled' : 'confirmed',
    location: fields.location,
    venue: context.venueFor(occurrence),
    geo: fields.geo,
    url: resolveUrl(fields.url, context.baseUrl),
    organizer: fields.organizer,
    description: fields.description,
    attendanceMode: null,
    onlineUrl: null,
    offers: [],
    categories: fields.categories,
    provenance: 'ical',
  };
}

function resolveUrl(url: string | null, baseUrl: string | undefined): string | null {
  if (url === null || baseUrl === undefined) return url;
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return url;
  }
}

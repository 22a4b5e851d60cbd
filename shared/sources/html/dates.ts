import { addDays, formatDate, localDateOf, startOfLocalDay, zonedToInstant } from '../../time/zoned';
import type { LocalDateTime } from '../../time/zoned';

/**
 * A date as a page wrote it, before a zone is applied: an exact instant (it carried an offset), a
 * wall-clock time (no offset: read in the source's zone), or a calendar date (all day).
 */
export type PageDate =
  | { kind: 'instant'; instant: Date }
  | { kind: 'local'; local: LocalDateTime }
  | { kind: 'date'; year: number; month: number; day: number };

/** A start (and end) resolved to instants in one zone. */
export interface ResolvedTimes {
  start: Date;
  end: Date | null;
  allDay: boolean;
  startDate: string;
}

// Extended (`2019-9-18T10:00`, `2026-05-10 19:30:00`, `…+0000`, `…-08:00`) and basic
// (`20090114T110000`) forms; month and day may lack their zero, as WordPress plugins write them.
const EXTENDED =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** `YYYY-DDD`, the ordinal date ISO 8601 (and the microformats value-class pattern) allows. */
const ORDINAL_DATE = /^(\d{4})-(\d{3})$/;

/** `2013-034` → `2013-02-03`; null for a day the year does not have. */
export function ordinalToDate(text: string): string | null {
  const match = ORDINAL_DATE.exec(text.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const day = Number(match[2]);
  const date = new Date(Date.UTC(year, 0, day));
  if (day < 1 || date.getUTCFullYear() !== year) return null;
  return formatDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the numbers make a real calendar date and clock time. */
export function isValidLocal(local: LocalDateTime): boolean {
  return (
    local.year >= 1900 &&
    local.year <= 2200 &&
    local.month >= 1 &&
    local.month <= 12 &&
    local.day >= 1 &&
    local.day <= daysInMonth(local.year, local.month) &&
    local.hour >= 0 &&
    local.hour <= 23 &&
    local.minute >= 0 &&
    local.minute <= 59 &&
    local.second >= 0 &&
    local.second <= 59
  );
}

function offsetMinutes(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/** Reads an ISO-8601-like date or date-time; null for anything else (`2019-9-18T10-10-00-00`). */
export function parsePageDate(text: string): PageDate | null {
  const trimmed = ordinalToDate(text) ?? text.trim();
  const match = EXTENDED.exec(trimmed) ?? BASIC.exec(trimmed);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (h === undefined || mi === undefined) {
    const asLocal = { year, month, day, hour: 0, minute: 0, second: 0 };
    return isValidLocal(asLocal) ? { kind: 'date', year, month, day } : null;
  }
  const local: LocalDateTime = { year, month, day, hour: Number(h), minute: Number(mi), second: Number(s ?? '0') };
  if (!isValidLocal(local)) return null;
  if (zone === undefined) return { kind: 'local', local };
  const offset = offsetMinutes(zone);
  if (Math.abs(offset) > 18 * 60) return null;
  const asUtc = Date.UTC(year, month - 1, day, local.hour, local.minute, local.second);
  return { kind: 'instant', instant: new Date(asUtc - offset * 60_000) };
}

/** Milliseconds in an ISO-8601 duration such as `PT2H6M` or `P1DT30M`; null when unreadable. */
export function parseDurationMs(text: string): number | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase() === 'PT') return null;
  const [, d, h, m, s] = match;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}

function dateString(date: PageDate, timeZone: string): string {
  switch (date.kind) {
    case 'date':
      return formatDate(date.year, date.month, date.day);
    case 'local':
      return formatDate(date.local.year, date.local.month, date.local.day);
    case 'instant':
      return localDateOf(date.instant, timeZone);
  }
}

function toInstant(date: PageDate, timeZone: string): Date {
  switch (date.kind) {
    case 'instant':
      return date.instant;
    case 'local':
      return zonedToInstant(date.local, timeZone);
    case 'date':
      return startOfLocalDay(formatDate(date.year, date.month, date.day), timeZone);
  }
}

/**
 * Turns a start and optional end into instants in `timeZone`. A date-only start is all day; a
 * date-only end is inclusive on web pages (schema.org, hCalendar), so it ends at the next midnight.
 * An end that is not after the start is dropped.
 */
export function resolveTimes(
  start: PageDate,
  end: PageDate | null,
  durationMs: number | null,
  timeZone: string,
): ResolvedTimes {
  const startInstant = toInstant(start, timeZone);
  let endInstant: Date | null = null;
  if (end !== null) {
    endInstant =
      end.kind === 'date'
        ? startOfLocalDay(addDays(dateString(end, timeZone), 1), timeZone)
        : toInstant(end, timeZone);
  } else if (durationMs !== null && durationMs > 0) {
    endInstant = new Date(startInstant.getTime() + durationMs);
  }
  if (endInstant !== null && endInstant.getTime() <= startInstant.getTime()) endInstant = null;
  return {
    start: startInstant,
    end: endInstant,
    allDay: start.kind === 'date',
    startDate: start.kind === 'instant' ? localDateOf(startInstant, timeZone) : dateString(start, timeZone),
  };
}

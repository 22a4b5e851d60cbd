import ICAL from 'ical.js';
import type { ParseProblem, ParseResult } from '../../model/raw-event';

/** What the VCALENDAR says about itself: name, refresh interval and X-WR-TIMEZONE. */
export interface CalendarMeta {
  meta: ParseResult['meta'];
  /** X-WR-TIMEZONE as written (Google's zone for floating times), if any. */
  wrTimeZone: string | null;
}

/** Reads the calendar-level property lines that `scan` collected. */
export function readCalendarMeta(lines: string[], problems: ParseProblem[]): CalendarMeta {
  const meta: ParseResult['meta'] = {};
  let wrTimeZone: string | null = null;
  for (const line of lines) {
    const name = /^[A-Za-z0-9-]+/.exec(line)?.[0].toUpperCase();
    if (name !== 'X-WR-CALNAME' && name !== 'NAME' && name !== 'X-WR-TIMEZONE' && name !== 'REFRESH-INTERVAL' && name !== 'X-PUBLISHED-TTL') continue;
    let value: unknown;
    try {
      value = ICAL.Property.fromString(line).getFirstValue();
    } catch {
      problems.push({ message: `calendar property ${name} could not be read` });
      continue;
    }
    if (name === 'X-WR-CALNAME' || name === 'NAME') {
      if (meta.calendarName === undefined && typeof value === 'string' && value.trim() !== '') meta.calendarName = value.trim();
    } else if (name === 'X-WR-TIMEZONE') {
      if (wrTimeZone === null && typeof value === 'string' && value.trim() !== '') wrTimeZone = value.trim();
    } else if (meta.refreshIntervalSeconds === undefined) {
      const seconds = durationSeconds(value);
      if (seconds !== null && seconds > 0) meta.refreshIntervalSeconds = seconds;
    }
  }
  return { meta, wrTimeZone };
}

function durationSeconds(value: unknown): number | null {
  if (value instanceof ICAL.Duration) return value.toSeconds();
  if (typeof value === 'string') {
    try {
      return ICAL.Duration.fromString(value.trim()).toSeconds();
    } catch {
      return null;
    }
  }
  return null;
}

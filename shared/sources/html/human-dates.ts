import { addDays, formatDate, localDateOf } from '../../time/zoned';
import { isValidLocal } from './dates';

/**
 * Dates and times as US event lists print them (`Tuesday, December 2, 2026`, `12/02/2026`,
 * `Dec 2`, `6:00 – 8:00 PM`, `6-8pm`, `noon`), for pages read with a selector recipe.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
}

export interface TimeRange {
  start: ClockTime;
  end: ClockTime | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const US_NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/;
const MONTH_DAY = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?`, 'i');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}(?:,?\\s*(\\d{4})\\b)?`, 'i');

/** How far before the window start a year-less date may fall and still count as this year's. */
const YEARLESS_GRACE_DAYS = 7;

function valid(date: CalendarDate): boolean {
  return isValidLocal({ ...date, hour: 0, minute: 0, second: 0 });
}

function inferYear(month: number, day: number, from: Date, timeZone: string): CalendarDate | null {
  const earliest = addDays(localDateOf(from, timeZone), -YEARLESS_GRACE_DAYS);
  const baseYear = Number(earliest.slice(0, 4));
  for (const year of [baseYear, baseYear + 1]) {
    const candidate = { year, month, day };
    if (valid(candidate) && formatDate(year, month, day) >= earliest) return candidate;
  }
  // Feb 29 may need a leap year further on; four years always reach one.
  for (let year = baseYear + 2; year <= baseYear + 4; year += 1) {
    if (valid({ year, month, day })) return { year, month, day };
  }
  return null;
}

/** Where the date was found in the text, so the caller can look for a time in the rest. */
export interface FoundDate {
  date: CalendarDate;
  index: number;
  length: number;
}

/**
 * Finds the first date in `text`. A date without a year is the next one on or after a week before
 * `from` (a list printed "December 2" near the end of November means this December).
 */
export function findCalendarDate(text: string, from: Date, timeZone: string): FoundDate | null {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    return valid(date) ? { date, index: iso.index, length: iso[0].length } : null;
  }
  const numeric = US_NUMERIC.exec(text);
  if (numeric) {
    const rawYear = Number(numeric[3]);
    const date = { year: rawYear < 100 ? 2000 + rawYear : rawYear, month: Number(numeric[1]), day: Number(numeric[2]) };
    return valid(date) ? { date, index: numeric.index, length: numeric[0].length } : null;
  }
  const named = MONTH_DAY.exec(text);
  const reversed = named ? null : DAY_MONTH.exec(text);
  const found = named
    ? { month: named[1], day: named[2], year: named[3], match: named }
    : reversed
      ? { month: reversed[2], day: reversed[1], year: reversed[3], match: reversed }
      : null;
  if (!found || found.month === undefined) return null;
  const month = MONTHS[found.month.toLowerCase()];
  const day = Number(found.day);
  if (month === undefined) return null;
  const date = found.year === undefined ? inferYear(month, day, from, timeZone) : { year: Number(found.year), month, day };
  if (date === null || !valid(date)) return null;
  return { date, index: found.match.index, length: found.match[0].length };
}

const CLOCK = '(noon|midnight|(?<![\\d:/])(\\d{1,2})(?::(\\d{2}))?\\s*(?:([ap])\\.?\\s*m\\b\\.?)?)';
const RANGE = new RegExp(`${CLOCK}\\s*(?:-|–|—|to|until)\\s*${CLOCK}`, 'gi');
const SINGLE = new RegExp(CLOCK, 'gi');

interface ClockParts {
  word: string | undefined;
  hour: string | undefined;
  minute: string | undefined;
  meridiem: string | undefined;
}

/** A clock reading; `explicit` is false for a bare hour with no minutes and no am/pm. */
function toClock(parts: ClockParts, inheritedMeridiem?: string): { time: ClockTime; explicit: boolean } | null {
  const word = parts.word?.toLowerCase();
  if (word === 'noon') return { time: { hour: 12, minute: 0 }, explicit: true };
  if (word === 'midnight') return { time: { hour: 0, minute: 0 }, explicit: true };
  if (parts.hour === undefined) return null;
  let hour = Number(parts.hour);
  const minute = parts.minute === undefined ? 0 : Number(parts.minute);
  const meridiem = (parts.meridiem ?? inheritedMeridiem)?.toLowerCase();
  if (minute > 59) return null;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  const explicit = parts.meridiem !== undefined || parts.minute !== undefined;
  return { time: { hour, minute }, explicit };
}

function minutesOf(time: ClockTime): number {
  return time.hour * 60 + time.minute;
}

/** Finds a time or a time range (`6:00 – 8:00 PM`, `6-8pm`, `18:00`, `noon`) in `text`. */
export function findTimeRange(text: string): TimeRange | null {
  for (const range of text.matchAll(RANGE)) {
    const first: ClockParts = { word: range[1], hour: range[2], minute: range[3], meridiem: range[4] };
    const second: ClockParts = { word: range[5], hour: range[6], minute: range[7], meridiem: range[8] };
    const end = toClock(second);
    let start = toClock(first, second.meridiem);
    // `11-1pm` is 11 am to 1 pm: the inherited pm would put the start after the end.
    if (start && end && first.meridiem === undefined && minutesOf(start.time) > minutesOf(end.time)) {
      start = toClock(first, 'a');
    }
    if (start && end && (start.explicit || end.explicit)) return { start: start.time, end: end.time };
  }
  for (const match of text.matchAll(SINGLE)) {
    const clock = toClock({ word: match[1], hour: match[2], minute: match[3], meridiem: match[4] });
    if (clock?.explicit) return { start: clock.time, end: null };
  }
  return null;
}

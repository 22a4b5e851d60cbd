/**
 * The vocabulary of schedule sentences: weekday, month and ordinal words, the clean-up that makes
 * "9:00 to 11:00 a.m." and "8:30–10:30 AM" read alike, and dates as groups print them.
 */
import { isValidLocal } from '../html/dates';
import { addDays, formatDate } from '../../time/zoned';

/** Weekday names → 0 (Sunday) … 6 (Saturday), as `Date.getUTCDay` counts. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  tues: 2, weds: 3, thurs: 4, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5,
};

/** English names of the weekdays, by number. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * A weekday word, singular or plural ("tuesday", "tuesdays", "wed."); the capture is the singular.
 * "Sat" and "Sun" are left out: as words they are more often verbs and stars than days.
 */
export const WEEKDAY = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday|tues|weds|thurs|mon|tue|wed|thu|fri)(s)?\\b';

export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** A month word; the capture is the word without its dot. */
export const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?';

/** Ordinal words of the month → 1…5, and -1 for "last". */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1,
};

export const ORDINAL = '(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)';

/**
 * Lower-case, one kind of dash, `am`/`pm` without dots, `noon` as 12 pm, `&` as "and", single
 * spaces: the later patterns then need one spelling of each thing.
 */
export function cleanSentence(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\b([ap])\.\s?m\b\.?/g, '$1m')
    .replace(/\b(?:12\s*)?noon\b/g, '12pm')
    .replace(/\b(?:12\s*)?midnight\b/g, '12am')
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** `YYYY-MM-DD` of a calendar day. */
export function isoOf(date: CalendarDay): string {
  return formatDate(date.year, date.month, date.day);
}

function validDay(date: CalendarDay): boolean {
  return isValidLocal({ ...date, hour: 0, minute: 0, second: 0 });
}

/**
 * A day written with or without its year. Without one it is the first such day on or after a week
 * before `today` (a page read in late November that says "no meeting on December 2" means this year).
 */
export function dayOf(month: number, day: number, year: number | null, today: string): string | null {
  if (year !== null) {
    const date = { year, month, day };
    return validDay(date) ? isoOf(date) : null;
  }
  const earliest = addDays(today, -7);
  const base = Number(earliest.slice(0, 4));
  for (let candidate = base; candidate <= base + 4; candidate += 1) {
    const date = { year: candidate, month, day };
    if (validDay(date) && isoOf(date) >= earliest) return isoOf(date);
  }
  return null;
}

/** `March 17, 2027`, `march 17th`, `3/17/2027`, `3/17`: a date phrase, on cleaned text. */
export const DATE = `(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}))?)(?![\\d/])`;

/** The day a {@link DATE} match names, or null when it is no real day ("february 30"). */
export function dateFromMatch(groups: readonly (string | undefined)[], today: string): string | null {
  const [, monthWord, namedDay, namedYear, numericMonth, numericDay, numericYear] = groups;
  if (monthWord !== undefined) {
    const month = MONTHS[monthWord];
    if (month === undefined) return null;
    return dayOf(month, Number(namedDay), namedYear === undefined ? null : Number(namedYear), today);
  }
  return dayOf(Number(numericMonth), Number(numericDay), numericYear === undefined ? null : Number(numericYear), today);
}

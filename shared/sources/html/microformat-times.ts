/**
 * Date-times written with the microformats value-class pattern: a date part, a time part (24-hour
 * or with am/pm: `19:00`, `7pm`, `07:00p.m.`, `07:00:00pm`) and a zone part, each in its own
 * `.value` element. Joined into one ISO-like string that `parsePageDate` reads.
 */
import { ordinalToDate } from './dates';

const DATE_PART = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ZONE = '(Z|[+-]\\d{2}(?::?\\d{2})?)';
const TIME_PART = new RegExp(`^(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?\\s*(?:([ap])\\.?\\s*m\\.?)?\\s*${ZONE}?$`, 'i');
const ZONE_PART = new RegExp(`^${ZONE}$`, 'i');
const LEADING_DATE = /^(\d{4}-\d{1,2}-\d{1,2})(?:[T ]|$)/i;
const START_ZONE = /[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

const pad = (value: number): string => String(value).padStart(2, '0');

function datePart(text: string): string | null {
  const trimmed = text.trim();
  return DATE_PART.test(trimmed) ? trimmed : ordinalToDate(trimmed);
}

/**
 * A time part as `HH:MM:SS` plus its zone, in 24-hour form. An hour alone needs am/pm (`7pm`): a
 * bare number is not a time. Null when `text` is not a time.
 */
export function normalizeTime(text: string): string | null {
  const match = TIME_PART.exec(text.trim());
  if (match === null) return null;
  const [, h, m, s, meridiem, zone] = match;
  if (m === undefined && meridiem === undefined) return null;
  let hour = Number(h);
  const minute = Number(m ?? '0');
  const second = Number(s ?? '0');
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    // 12 am is midnight, 12 pm is noon.
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}${zone === undefined ? '' : zone.toUpperCase()}`;
}

/**
 * Joins value-class parts: the first date, the first time and, if the time has none, the first
 * zone part. A time without a date comes back alone (a `dt-end` takes its date from `dt-start`);
 * parts that hold neither come back as the first part, to be read whole.
 */
export function joinDateParts(parts: readonly string[]): string {
  const date = parts.map(datePart).find((part) => part !== null);
  let time = parts.map(normalizeTime).find((part) => part !== null);
  // `HH:MM:SS` is 8 characters; anything after it is the time's own zone.
  if (time !== undefined && time.length === 8) {
    const zone = parts.find((part) => ZONE_PART.test(part.trim()) && normalizeTime(part) === null);
    if (zone !== undefined) time += zone.trim().toUpperCase();
  }
  if (date !== undefined && time !== undefined) return `${date}T${time}`;
  return date ?? time ?? parts[0] ?? '';
}

/**
 * A `dt-end` that is only a time takes the date of `dt-start` (microformats2 parsing, "implied
 * date"), and its zone too when it writes none: an end written beside a start with an offset is on
 * the same clock. Anything else is returned unchanged.
 */
export function withDateOf(endText: string, startText: string | null): string {
  const time = normalizeTime(endText);
  if (time === null || startText === null) return endText;
  const start = startText.trim();
  const date = LEADING_DATE.exec(start)?.[1];
  if (date === undefined) return endText;
  const hasZone = time.length > 8;
  const startZone = hasZone ? undefined : START_ZONE.exec(start)?.[1];
  return `${date}T${time}${startZone ?? ''}`;
}

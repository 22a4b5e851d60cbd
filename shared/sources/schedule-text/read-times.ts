/**
 * The hours in a cleaned schedule sentence (see `cleanSentence`): `9:00 to 11:00 am`,
 * `8:30-10:30 am`, `10am-12pm` (noon), `1-3 pm`, `at 6 pm`, `18:00-20:00`. A time that could be
 * morning or evening ("9:00-11:00") is a problem, never a guess.
 */
import { DEFAULT_LENGTH_MINUTES, type ClockTime } from './rule';

export type TimesOutcome =
  | { kind: 'none' }
  | { kind: 'times'; start: ClockTime; end: ClockTime; endAssumed: boolean }
  | { kind: 'problem'; reason: string };

const CLOCK = '(\\d{1,2})(?::([0-5]\\d))?\\s*(am|pm)?';
const RANGE = new RegExp(`(?<![\\d:/$.])${CLOCK}\\s*(?:-|to|until|till|thru|through)\\s*${CLOCK}(?![\\d:/%]|\\s*(?:percent|minutes?|hours?|people|members|years?|weeks?)\\b)`, 'g');
const SINGLE = /(?<![\d:/$.])(\d{1,2})(?::([0-5]\d))?\s*(am|pm)\b|(?<![\d:/$.])(\d{1,2}):([0-5]\d)(?![\d:])/g;

interface Clock {
  hour: number;
  minute: number;
  hasMinute: boolean;
  meridiem: 'am' | 'pm' | null;
}

function clockOf(hour: string | undefined, minute: string | undefined, meridiem: string | undefined): Clock {
  return {
    hour: Number(hour ?? '0'),
    minute: minute === undefined ? 0 : Number(minute),
    hasMinute: minute !== undefined,
    meridiem: meridiem === 'am' || meridiem === 'pm' ? meridiem : null,
  };
}

/** Minutes after midnight when read with `meridiem`; null when the hour does not fit it. */
function minutesWith(clock: Clock, meridiem: 'am' | 'pm' | null): number | null {
  if (meridiem === null) return clock.hour <= 23 ? clock.hour * 60 + clock.minute : null;
  if (clock.hour < 1 || clock.hour > 12) return null;
  return ((clock.hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + clock.minute;
}

function toClockTime(minutes: number): ClockTime {
  return { hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 };
}

function readRange(first: Clock, second: Clock): { start: number; end: number } | string {
  if (first.meridiem === null && second.meridiem === null) {
    // A 24-hour clock says so with an hour past 12 or a leading zero; "9:00-11:00" could be either.
    if (first.hour > 12 || second.hour > 12) {
      const start = minutesWith(first, null);
      const end = minutesWith(second, null);
      return start === null || end === null ? 'the hours are not a time of day' : { start, end };
    }
    return 'the hours do not say am or pm';
  }
  const end = minutesWith(second, second.meridiem ?? first.meridiem);
  if (end === null) return 'the end time is not a time of day';
  if (first.meridiem !== null) {
    const start = minutesWith(first, first.meridiem);
    return start === null ? 'the start time is not a time of day' : { start, end };
  }
  // "11:30 to 1 pm" is 11:30 am: the end's pm would put the start after the end.
  const same = minutesWith(first, second.meridiem);
  if (same !== null && same < end) return { start: same, end };
  const other = minutesWith(first, second.meridiem === 'pm' ? 'am' : 'pm');
  if (other !== null && other < end) return { start: other, end };
  return 'the start time is not before the end time';
}

/** Reads the one time or time range a sentence gives; several different ones are a problem. */
export function readTimes(text: string): TimesOutcome {
  const found: Array<{ start: number; end: number | null }> = [];
  let rest = text;
  for (const match of text.matchAll(RANGE)) {
    const first = clockOf(match[1], match[2], match[3]);
    const second = clockOf(match[4], match[5], match[6]);
    // "1-3" with neither minutes nor am/pm is a count or a room number, not a time.
    if (!first.hasMinute && !second.hasMinute && first.meridiem === null && second.meridiem === null) continue;
    const range = readRange(first, second);
    if (typeof range === 'string') return { kind: 'problem', reason: range };
    found.push(range);
    rest = rest.replace(match[0], ' ');
  }
  for (const match of rest.matchAll(SINGLE)) {
    const clock = match[1] !== undefined ? clockOf(match[1], match[2], match[3]) : clockOf(match[4], match[5], undefined);
    if (clock.meridiem === null && clock.hour <= 12) return { kind: 'problem', reason: `"${match[0].trim()}" does not say am or pm` };
    const start = minutesWith(clock, clock.meridiem);
    if (start === null) return { kind: 'problem', reason: `"${match[0].trim()}" is not a time of day` };
    found.push({ start, end: null });
  }
  if (found.length === 0) return { kind: 'none' };
  const first = found[0];
  if (first === undefined) return { kind: 'none' };
  if (found.some((time) => time.start !== first.start || time.end !== first.end)) {
    return { kind: 'problem', reason: 'it gives more than one time' };
  }
  if (first.end !== null && first.end <= first.start) return { kind: 'problem', reason: 'the start time is not before the end time' };
  const endMinutes = first.end ?? first.start + DEFAULT_LENGTH_MINUTES;
  // A meeting running past midnight cannot be told from a typo; no group in the corpus does it.
  if (endMinutes >= 24 * 60) return { kind: 'problem', reason: 'the meeting would run past midnight' };
  return { kind: 'times', start: toClockTime(first.start), end: toClockTime(endMinutes), endAssumed: first.end === null };
}

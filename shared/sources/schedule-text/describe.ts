/**
 * A schedule's days in a few words for the digest ("Meets every Wednesday", "Meets the first and
 * third Thursday of the month"), worked out again from the sentence an event carries.
 */
import { readDays } from './read-days';
import { withoutNames } from './read-block';
import { readExceptions } from './read-exceptions';
import type { DayPattern } from './rule';
import { WEEKDAY, WEEKDAYS, WEEKDAY_NAMES, cleanSentence } from './words';

const ORDINAL_WORDS: Readonly<Record<number, string>> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' };
const EVERY_OTHER = new RegExp(`\\bevery\\s+other\\s+${WEEKDAY}`);

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

function describeDays(days: DayPattern): string {
  if (days.kind === 'weekly') {
    if (days.weekdays.join() === '1,2,3,4,5') return 'Meets every weekday';
    return `Meets every ${list(days.weekdays.map((day) => WEEKDAY_NAMES[day] ?? ''))}`;
  }
  if (days.kind === 'every-other') return `Meets every other ${WEEKDAY_NAMES[days.weekday] ?? ''}`;
  const weekdays = [...new Set(days.days.map((day) => day.weekday))];
  if (weekdays.length === 1) {
    const ordinals = days.days.map((day) => ORDINAL_WORDS[day.ordinal] ?? '');
    return `Meets the ${list(ordinals)} ${WEEKDAY_NAMES[weekdays[0] ?? 0] ?? ''} of the month`;
  }
  return `Meets the ${list(days.days.map((day) => `${ORDINAL_WORDS[day.ordinal] ?? ''} ${WEEKDAY_NAMES[day.weekday] ?? ''}`))} of the month`;
}

/**
 * "Meets every Wednesday" for a schedule sentence; "Meets regularly" when its days cannot be told.
 * `names` (the group's) are cut out first, as when the sentence was read.
 */
export function describeSchedule(sentence: string, names: readonly string[] = []): string {
  // The date only places year-less exception dates, which a description does not show.
  const rest = readExceptions(cleanSentence(withoutNames(sentence, names)), '2000-01-01').rest;
  const days = readDays(rest, null);
  if (days.kind === 'days') return describeDays(days.days);
  const other = EVERY_OTHER.exec(rest);
  const weekday = other?.[1] === undefined ? undefined : WEEKDAYS[other[1]];
  return weekday === undefined ? 'Meets regularly' : `Meets every other ${WEEKDAY_NAMES[weekday] ?? ''}`;
}

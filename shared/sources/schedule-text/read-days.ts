/**
 * Which days a cleaned schedule sentence names: "every Wednesday", "Tuesdays and Thursdays",
 * "the first and third Thursday of each month", "the last Friday", "every other Monday" (only
 * with a known anchor date). A weekday with no word for how often, or "every second Tuesday"
 * (fortnightly, or the month's second?), is a problem.
 */
import type { DayPattern } from './rule';
import { ORDINAL, ORDINALS, WEEKDAY, WEEKDAYS } from './words';

export type DaysOutcome = { kind: 'none' } | { kind: 'days'; days: DayPattern } | { kind: 'problem'; reason: string };

const SEPARATOR = '\\s*(?:,\\s*(?:and\\s+|or\\s+)?|and\\s+|or\\s+|/\\s*)\\s*(?:the\\s+)?';
const ORDINAL_LIST = `(${ORDINAL}(?:${SEPARATOR}${ORDINAL})*)`;
const MONTHLY = new RegExp(`\\b${ORDINAL_LIST}\\s+${WEEKDAY}`, 'g');
const EVERY_OTHER = new RegExp(`\\b(?:every\\s+other|alternate|alternating|every\\s+two\\s+weeks\\s+on|biweekly\\s+on|bi-weekly\\s+on)\\s+${WEEKDAY}`);
const EVERY_SECOND = new RegExp(`\\bevery\\s+(?:second|2nd)\\s+${WEEKDAY}(?!\\s+of)`);
const WEEKDAY_WORD = new RegExp(`\\b${WEEKDAY}`, 'g');
const WEEKLY_WORDS = /\b(?:every|each|weekly|every\s+week)\b/;
const PART_OF_DAY_PLURAL = new RegExp(`\\b${WEEKDAY}\\s+(?:mornings|afternoons|evenings|nights|lunchtimes)\\b`);
const EVERY_WEEKDAY = /\b(?:every|each)\s+(?:week\s*day|weekday)\b|\bmonday\s*(?:-|through|thru|to)\s*friday\b/;
const HOW_OFTEN_ONLY = /\b(?:monthly|weekly|biweekly|bi-weekly|twice a month|once a month|every month|each month|every week|every other week|every two weeks|every second week)\b/;

function weekdayOf(word: string | undefined): number | null {
  return word === undefined ? null : (WEEKDAYS[word] ?? null);
}

function readMonthly(text: string): DayPattern | null {
  const days: Array<{ ordinal: number; weekday: number }> = [];
  for (const match of text.matchAll(MONTHLY)) {
    const weekday = weekdayOf(match[2]);
    if (weekday === null || match[1] === undefined) continue;
    for (const word of match[1].match(new RegExp(ORDINAL, 'g')) ?? []) {
      const ordinal = ORDINALS[word];
      if (ordinal !== undefined && !days.some((day) => day.ordinal === ordinal && day.weekday === weekday)) days.push({ ordinal, weekday });
    }
  }
  return days.length === 0 ? null : { kind: 'monthly', days };
}

/**
 * Reads the day pattern. `anchor` is a `YYYY-MM-DD` the sentence names as a first or next meeting
 * ("starting March 3, 2027"), needed for "every other".
 */
export function readDays(text: string, anchor: string | null): DaysOutcome {
  if (EVERY_SECOND.test(text)) return { kind: 'problem', reason: '"every second" could mean every other week or the second of the month' };
  const other = EVERY_OTHER.exec(text);
  if (other) {
    const weekday = weekdayOf(other[1]);
    if (weekday === null) return { kind: 'problem', reason: 'the weekday is not readable' };
    if (anchor === null) return { kind: 'problem', reason: '"every other" week needs a date to count from (add "starting <date>")' };
    const anchorWeekday = new Date(`${anchor}T00:00:00Z`).getUTCDay();
    if (anchorWeekday !== weekday) return { kind: 'problem', reason: 'the date to count from is not on the weekday it names' };
    return { kind: 'days', days: { kind: 'every-other', weekday, anchor } };
  }
  const monthly = readMonthly(text);
  if (monthly) return { kind: 'days', days: monthly };
  if (EVERY_WEEKDAY.test(text)) return { kind: 'days', days: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] } };

  const weekdays: number[] = [];
  let plural = false;
  for (const match of text.matchAll(WEEKDAY_WORD)) {
    const weekday = weekdayOf(match[1]);
    if (weekday === null) continue;
    if (match[2] === 's') plural = true;
    if (!weekdays.includes(weekday)) weekdays.push(weekday);
  }
  if (PART_OF_DAY_PLURAL.test(text)) plural = true;
  if (weekdays.length === 0) {
    return HOW_OFTEN_ONLY.test(text) ? { kind: 'problem', reason: 'it says how often but not on which day' } : { kind: 'none' };
  }
  if (/\b(?:monthly|once a month|each month|every month|of the month|twice a month)\b/.test(text)) {
    return { kind: 'problem', reason: 'it says monthly but not which week of the month' };
  }
  if (!plural && !WEEKLY_WORDS.test(text)) return { kind: 'problem', reason: 'it names a weekday but not how often' };
  return { kind: 'days', days: { kind: 'weekly', weekdays: weekdays.sort((a, b) => a - b) } };
}

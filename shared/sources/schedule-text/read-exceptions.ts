/**
 * Exceptions and pauses in cleaned schedule text: "no meeting on march 17, 2027", "except
 * holidays", "no meetings in july and august", "september through june", "on hiatus until april
 * 2027", "resumes september 9", "starting march 3, 2027", "on break". Each phrase found is cut
 * out, so the days and hours are read from what is left (a skipped Thursday is not a meeting day).
 */
import { DATE, MONTH, MONTHS, WEEKDAY, dateFromMatch, dayOf } from './words';

export interface Exceptions {
  skipDates: string[];
  skipMonths: number[];
  skipHolidays: boolean;
  /** First day meetings may happen; null when the text names none. */
  notBefore: string | null;
  /** The day "starting …" or "next meeting …" names: what "every other" counts from. */
  anchor: string | null;
  /** The group says it is paused with no date to come back ("on break", "until further notice"). */
  pausedIndefinitely: boolean;
  /** The text with every phrase above cut out. */
  rest: string;
}

const DATE_LIST = `(?:(?:on\\s+)?(?:${WEEKDAY},?\\s+)?${DATE.replace(/\((?!\?)/g, '(?:')}(?:\\s*(?:,|and|or)\\s*)*)+`;
const SKIP_WORDS = '(?:no\\s+(?:meetings?|sessions?|group|class)|not\\s+meeting|closed|cancell?ed|except(?:\\s+on)?|excluding|skipping|but\\s+not)';
const SKIP_DATES = new RegExp(`\\b${SKIP_WORDS}\\s*:?\\s*${DATE_LIST}`, 'g');
const HOLIDAYS = /\b(?:(?:except|excluding|not\s+on|no\s+meetings?\s+on|closed\s+on|but\s+not\s+on)\s+(?:(?:federal|legal|public|national|major|bank)\s+)?holidays|(?:federal\s+|major\s+)?holidays\s+(?:excepted|excluded))\b/g;
const MONTH_LIST = `(?:${MONTH}(?:\\s*(?:,|and|or)\\s*)*)+`.replace(/\((?!\?)/g, '(?:');
const SKIP_MONTHS = new RegExp(`\\b(?:no\\s+meetings?|not\\s+meeting|except|excluding|closed|off|no\\s+sessions?|dark)\\s+(?:(?:in|during)\\s+)?(?:the\\s+months\\s+of\\s+)?(${MONTH_LIST})`, 'g');
const SEASON = new RegExp(`\\b(?:from\\s+)?${MONTH}\\s*(?:through|thru|to|-|until)\\s*${MONTH}`, 'g');
const PAUSE_UNTIL = new RegExp(
  `\\b(?:(?:is\\s+|are\\s+)?(?:on\\s+(?:(?:a|summer|winter|holiday)\\s+)?(?:hiatus|break)|paused|suspended|not\\s+meeting)\\s+(?:until|till|through)|resum(?:es|ing|e)(?:\\s+(?:on|in))?|will\\s+resume(?:\\s+(?:on|in))?|returns?(?:\\s+(?:on|in))?|back\\s+(?:on|in))\\s+(?:${DATE}|${MONTH}\\s+(\\d{4})|${MONTH}(?!\\s*\\d))`,
  'g',
);
const STARTING = new RegExp(`\\b(?:starting|beginning|begins|starts|from|next\\s+meeting(?:\\s+is)?:?|first\\s+meeting(?:\\s+is)?:?)\\s+(?:on\\s+)?(?:${WEEKDAY},?\\s+)?(?:${DATE}|${MONTH}\\s+(\\d{4}))`, 'g');
const PAUSED = /\b(?:on\s+(?:(?:a|summer|winter|holiday)\s+)?(?:hiatus|break)|(?:paused|suspended|cancell?ed|not\s+meeting)\s+(?:until\s+further\s+notice|for\s+now|indefinitely))\b/;

function monthsIn(list: string): number[] {
  const months: number[] = [];
  for (const word of list.match(new RegExp(MONTH, 'g')) ?? []) {
    const month = MONTHS[word.replace(/\.$/, '')];
    if (month !== undefined && !months.includes(month)) months.push(month);
  }
  return months;
}

/** A DATE match inside a longer pattern, as its groups; the month-year form counts as its first day. */
function dayFromGroups(groups: readonly (string | undefined)[], offset: number, today: string): string | null {
  const dateGroups = [undefined, ...groups.slice(offset, offset + 6)];
  if (dateGroups.slice(1).some((group) => group !== undefined)) return dateFromMatch(dateGroups, today);
  const monthWord = groups[offset + 6] ?? groups[offset + 8];
  const year = groups[offset + 7];
  const month = monthWord === undefined ? undefined : MONTHS[monthWord];
  if (month === undefined) return null;
  // "Resumes in September" read in December means next September.
  return dayOf(month, 1, year === undefined ? null : Number(year), today);
}

/** Finds the exceptions and pauses in `text`; `today` (`YYYY-MM-DD`) places year-less dates. */
export function readExceptions(text: string, today: string): Exceptions {
  const found: Exceptions = { skipDates: [], skipMonths: [], skipHolidays: false, notBefore: null, anchor: null, pausedIndefinitely: false, rest: text };
  let rest = text;
  const cut = (phrase: string): void => {
    rest = rest.replace(phrase, ' ');
  };
  for (const match of text.matchAll(PAUSE_UNTIL)) {
    // Groups: 1-6 the DATE, 7-8 month and year, 9 a month alone.
    const day = dayFromGroups(match, 1, today);
    if (day !== null && (found.notBefore === null || day > found.notBefore)) found.notBefore = day;
    cut(match[0]);
  }
  for (const match of rest.matchAll(STARTING)) {
    // Groups: 1-2 the weekday, 3-8 the DATE, 9-10 month and year.
    const day = dayFromGroups(match, 3, today);
    if (day === null) continue;
    found.anchor = day;
    if (found.notBefore === null || day > found.notBefore) found.notBefore = day;
    cut(match[0]);
  }
  for (const match of rest.matchAll(SKIP_DATES)) {
    for (const date of match[0].matchAll(new RegExp(DATE, 'g'))) {
      const day = dateFromMatch(date, today);
      if (day !== null && !found.skipDates.includes(day)) found.skipDates.push(day);
    }
    cut(match[0]);
  }
  const withoutHolidays = rest.replace(HOLIDAYS, ' ');
  if (withoutHolidays !== rest) {
    found.skipHolidays = true;
    rest = withoutHolidays;
  }
  for (const match of rest.matchAll(SKIP_MONTHS)) {
    for (const month of monthsIn(match[1] ?? '')) if (!found.skipMonths.includes(month)) found.skipMonths.push(month);
    cut(match[0]);
  }
  for (const match of rest.matchAll(SEASON)) {
    const first = MONTHS[match[1] ?? ''];
    const last = MONTHS[match[2] ?? ''];
    if (first === undefined || last === undefined) continue;
    for (let month = 1; month <= 12; month += 1) {
      const inSeason = first <= last ? month >= first && month <= last : month >= first || month <= last;
      if (!inSeason && !found.skipMonths.includes(month)) found.skipMonths.push(month);
    }
    cut(match[0]);
  }
  if (found.notBefore === null && PAUSED.test(rest)) found.pausedIndefinitely = true;
  found.skipMonths.sort((a, b) => a - b);
  found.skipDates.sort();
  found.rest = rest.replace(/\s+/g, ' ').trim();
  return found;
}

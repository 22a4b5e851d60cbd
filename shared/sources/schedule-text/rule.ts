/** What a schedule sentence says, once read: which days, which hours, and when not. */

/** Which days a group meets. Weekdays count 0 (Sunday) … 6 (Saturday). */
export type DayPattern =
  | { kind: 'weekly'; weekdays: number[] }
  /** Every second week on `weekday`, counted from `anchor` (a `YYYY-MM-DD` on that weekday). */
  | { kind: 'every-other'; weekday: number; anchor: string }
  /** The n-th weekdays of each month; ordinal -1 is the last. */
  | { kind: 'monthly'; days: Array<{ ordinal: number; weekday: number }> };

/** A wall-clock time in the source's zone. */
export interface ClockTime {
  hour: number;
  minute: number;
}

export interface ScheduleRule {
  days: DayPattern;
  start: ClockTime;
  end: ClockTime;
  /** The sentence gave only a start; `end` is the default length after it. */
  endAssumed: boolean;
  /** `YYYY-MM-DD` days on which the group does not meet. */
  skipDates: string[];
  /** Months (1–12) in which the group does not meet. */
  skipMonths: number[];
  /** No meetings on US federal holidays (the day itself and the day it is observed). */
  skipHolidays: boolean;
  /** First day meetings may happen (a hiatus "until April 2027", "starting March 3"); null when none. */
  notBefore: string | null;
  /** The sentence the rule was read from, as written. */
  sentence: string;
}

/** Minutes a meeting is taken to last when the sentence gives only its start. */
export const DEFAULT_LENGTH_MINUTES = 90;

/** A sentence that looks like a schedule but cannot be read without guessing. */
export interface ScheduleProblem {
  sentence: string;
  reason: string;
}

/**
 * US federal holidays (5 U.S.C. 6103), computed for any year: the fixed-date ones with the day
 * they are observed when they fall on a weekend (Saturday → Friday, Sunday → Monday), and the
 * Monday and Thursday ones by their rule. "Except holidays" skips both the day and its observance.
 */
import { addDays, formatDate } from '../../time/zoned';

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The `n`-th (1-based; -1 = last) `weekday` of a month, `YYYY-MM-DD`. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n === -1) {
    const last = formatDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = formatDate(year, month, 1);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
}

const cache = new Map<number, ReadonlySet<string>>();

/** Every federal holiday of `year` and the weekday each is observed on. */
export function federalHolidays(year: number): ReadonlySet<string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const days = new Set<string>();
  for (const [month, day] of [[1, 1], [6, 19], [7, 4], [11, 11], [12, 25]] as const) {
    // Juneteenth became a federal holiday in 2021.
    if (month === 6 && year < 2021) continue;
    const date = formatDate(year, month, day);
    days.add(date);
    const weekday = weekdayOf(date);
    if (weekday === 6) days.add(addDays(date, -1));
    if (weekday === 0) days.add(addDays(date, 1));
  }
  days.add(nthWeekday(year, 1, 1, 3)); // Martin Luther King Jr. Day
  days.add(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  days.add(nthWeekday(year, 5, 1, -1)); // Memorial Day
  days.add(nthWeekday(year, 9, 1, 1)); // Labor Day
  days.add(nthWeekday(year, 10, 1, 2)); // Columbus Day
  days.add(nthWeekday(year, 11, 4, 4)); // Thanksgiving Day
  // New Year's Day on a Saturday is observed on the Friday before, in the previous year.
  if (weekdayOf(formatDate(year + 1, 1, 1)) === 6) days.add(formatDate(year, 12, 31));
  cache.set(year, days);
  return days;
}

/** True when `date` (`YYYY-MM-DD`) is a federal holiday or the day one is observed. */
export function isFederalHoliday(date: string): boolean {
  return federalHolidays(Number(date.slice(0, 4))).has(date);
}

/**
 * A schedule rule's occurrences in a window: each local day from the window's first to its last
 * is tested against the rule, and a meeting day becomes its start and end instants in the source's
 * zone (DST-correct, through the cached `zonedToInstant`, same answers). Days tested count against the parse budget.
 */
import type { ParseBudget } from '../../model/raw-event';
import { addDays, localDateOfCached as localDateOf, zonedToInstantCached as zonedToInstant } from '../../time/zoned';
import { isFederalHoliday } from './holidays';
import type { ClockTime, DayPattern, ScheduleRule } from './rule';

export interface Occurrence {
  date: string;
  start: Date;
  end: Date;
}

/** What the expansion of every rule of one document may still spend. */
export interface BudgetLeft {
  occurrences: number;
  iterations: number;
  exceeded: string | null;
}

/** A fresh allowance from a document's budget. */
export function budgetFrom(budget: ParseBudget): BudgetLeft {
  return { occurrences: budget.maxOccurrences, iterations: budget.maxIterations, exceeded: null };
}

const WEEK_MS = 7 * 86_400_000;

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function daysInMonth(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
}

function matchesDays(days: DayPattern, date: string): boolean {
  const weekday = weekdayOf(date);
  if (days.kind === 'weekly') return days.weekdays.includes(weekday);
  if (days.kind === 'every-other') {
    if (weekday !== days.weekday) return false;
    const weeks = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${days.anchor}T00:00:00Z`)) / WEEK_MS);
    return weeks % 2 === 0;
  }
  const day = Number(date.slice(8, 10));
  const nth = Math.ceil(day / 7);
  const last = day + 7 > daysInMonth(date);
  return days.days.some((entry) => entry.weekday === weekday && (entry.ordinal === -1 ? last : entry.ordinal === nth));
}

function skipped(rule: ScheduleRule, date: string): boolean {
  if (rule.notBefore !== null && date < rule.notBefore) return true;
  if (rule.skipDates.includes(date)) return true;
  if (rule.skipMonths.includes(Number(date.slice(5, 7)))) return true;
  return rule.skipHolidays && isFederalHoliday(date);
}

function instantOf(date: string, time: ClockTime, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return zonedToInstant({ year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: time.hour, minute: time.minute, second: 0 }, timeZone);
}

/**
 * The rule's meetings that start in [from, to], in `timeZone`. Stops when `budget` runs out and
 * records why in it.
 */
export function expandRule(rule: ScheduleRule, window: { from: Date; to: Date }, timeZone: string, budget: BudgetLeft): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const last = localDateOf(window.to, timeZone);
  for (let date = localDateOf(window.from, timeZone); date <= last; date = addDays(date, 1)) {
    if (budget.iterations <= 0) {
      budget.exceeded = 'schedule text: too many days to test';
      break;
    }
    budget.iterations -= 1;
    if (!matchesDays(rule.days, date) || skipped(rule, date)) continue;
    const start = instantOf(date, rule.start, timeZone);
    if (start < window.from || start > window.to) continue;
    if (budget.occurrences <= 0) {
      budget.exceeded = 'schedule text: too many occurrences';
      break;
    }
    budget.occurrences -= 1;
    occurrences.push({ date, start, end: instantOf(date, rule.end, timeZone) });
  }
  return occurrences;
}

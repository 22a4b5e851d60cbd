import type { ParseResult } from '../../../shared/model/raw-event';
import { parseScheduleEntry } from '../../../shared/sources/schedule-text';
import type { DayPattern } from '../../../shared/sources/schedule-text';

/**
 * Windows on both sides of a US DST change, as instants of local midnights in New York:
 * - march2027: Mon Mar 1 00:00 EST (05:00Z) to Thu Apr 1 00:00 EDT (04:00Z); DST starts Sun Mar 14.
 * - fall2026: Mon Oct 19 00:00 EDT (04:00Z) to Mon Nov 16 00:00 EST (05:00Z); DST ends Sun Nov 1.
 * - summer2027: Mon Jun 14 00:00 EDT (04:00Z) to Fri Jul 16 00:00 EDT (04:00Z); Juneteenth is a
 *   Saturday (observed Fri Jun 18), July 4 a Sunday (observed Mon Jul 5).
 */
export const WINDOWS = {
  march2027: { from: new Date('2027-03-01T05:00:00Z'), to: new Date('2027-04-01T04:00:00Z') },
  fall2026: { from: new Date('2026-10-19T04:00:00Z'), to: new Date('2026-11-16T05:00:00Z') },
  summer2027: { from: new Date('2027-06-14T04:00:00Z'), to: new Date('2027-07-16T04:00:00Z') },
} as const;
export type WindowName = keyof typeof WINDOWS;

export const ZONE = 'America/New_York';

/** Reads `schedule` as a sources-file entry named `name` in New York. */
export function readEntry(schedule: string, window: WindowName, name = 'Test group'): ParseResult {
  return parseScheduleEntry({ name, schedule, url: 'https://group.example.org/' }, { ...WINDOWS[window], defaultTimeZone: ZONE });
}

export const weekly = (...weekdays: number[]): DayPattern => ({ kind: 'weekly', weekdays });
export const monthly = (...pairs: Array<[number, number]>): DayPattern => ({
  kind: 'monthly',
  days: pairs.map(([ordinal, weekday]) => ({ ordinal, weekday })),
});
export const everyOther = (weekday: number, anchor: string): DayPattern => ({ kind: 'every-other', weekday, anchor });

/** `'08:30'` → `{ hour: 8, minute: 30 }`. */
export function clock(text: string): { hour: number; minute: number } {
  const [hour, minute] = text.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

/** Weekday numbers, as the rules count them. */
export const SUN = 0, MON = 1, TUE = 2, WED = 3, THU = 4, FRI = 5, SAT = 6;

/**
 * When the weekly digest goes out, in words a subscriber reads on the signup page and in the
 * confirmation mail ("Your first digest comes Monday, December 7, at 7 a.m. ET"). The day and hour
 * are the deployment's `digestDay` / `digestHour` (the same settings the digest schedule is built from).
 */
import * as z from 'zod';
import { addDays, localDateOf, zonedToInstant } from '../time/zoned';
import { lazySchema } from '../model/lazy-schema';

const WEEK_DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The deployment's digest day and hour (in the region's zone). */
export const DigestScheduleSchema = lazySchema(() => z.object({ weekDay: z.enum(WEEK_DAYS), hour: z.number().int().min(0).max(23) }));
export type DigestSchedule = z.infer<typeof DigestScheduleSchema>;

/** The deployment default (infra/config.ts: digestDay MON, digestHour 7). */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekDay: 'MON', hour: 7 };

/** The first digest send strictly after `now`: the next `weekDay` at `hour:00` local time in `timeZone`. */
export function nextDigestAt(schedule: DigestSchedule, now: Date, timeZone: string): Date {
  const wanted = WEEK_DAYS.indexOf(schedule.weekDay);
  const today = localDateOf(now, timeZone);
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = addDays(today, offset);
    const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDay() !== wanted) continue;
    const at = zonedToInstant({ year, month, day, hour: schedule.hour, minute: 0, second: 0 }, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  // Unreachable: one of eight consecutive days is the weekday, and the later one is after `now`.
  throw new Error('no digest day found within a week');
}

function hourWords(hour: number): string {
  if (hour === 0) return 'midnight';
  if (hour === 12) return 'noon';
  return hour < 12 ? `${hour} a.m.` : `${hour - 12} p.m.`;
}

function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortGeneric' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "Your first digest comes Monday, December 7, at 7 a.m. ET." for a subscriber who confirms now. */
export function firstDigestSentence(schedule: DigestSchedule, now: Date, timeZone: string): string {
  const at = nextDigestAt(schedule, now, timeZone);
  const date = new Intl.DateTimeFormat('en-US', { timeZone, month: 'long', day: 'numeric' }).format(at);
  const dayName = DAY_NAMES[WEEK_DAYS.indexOf(schedule.weekDay)] ?? schedule.weekDay;
  return `Your first digest comes ${dayName}, ${date}, at ${hourWords(schedule.hour)} ${zoneAbbreviation(at, timeZone)}, and then every ${dayName}.`;
}

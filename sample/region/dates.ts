/** Date helpers for the sample region: every feed is generated relative to the day it is served. */
import { addDays, zonedToInstant } from '../../shared/time/zoned';

export const SAMPLE_ZONE = 'America/New_York';

/** Day of week of a `YYYY-MM-DD` date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The first date on or after `from` that falls on `weekday` (0 = Sunday), plus `weeks` weeks. */
export function nextWeekday(from: string, weekday: number, weeks = 0): string {
  return addDays(from, ((weekday - weekdayOf(from) + 7) % 7) + weeks * 7);
}

/** `YYYYMMDDTHHMMSS` local wall-clock text for an iCalendar TZID value. */
export function icsLocal(date: string, time: string): string {
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

/** `YYYYMMDDTHHMMSSZ` for the instant at which New York clocks read `date time`. */
export function icsUtc(date: string, time: string): string {
  return utcInstant(date, time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function utcInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return zonedToInstant(
    { year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: hour ?? 0, minute: minute ?? 0, second: 0 },
    SAMPLE_ZONE,
  );
}

/** ISO-8601 with the New York offset, as JSON-LD writes it (`2026-12-02T18:00:00-05:00`). */
export function isoWithOffset(date: string, time: string): string {
  const instant = utcInstant(date, time);
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
  );
  const offset = Math.round((wall - instant.getTime()) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `Wednesday, December 2, 2026` */
export function longDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

/** `12/02/2026` */
export function usDate(date: string): string {
  return `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
}

/**
 * Date-times as platform APIs write them: `2026-10-29 18:00:00` (The Events Calendar, in the site
 * zone or UTC), `2026-10-29T18:00:00-04:00` (Localist), `2026-10-29T18:00:00` (LibCal, local).
 */
import { formatDate, zonedToInstant, type LocalDateTime } from '../../time/zoned';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A date-time as written: its wall-clock fields and, when it carries one, its UTC offset. */
export interface WallClock {
  local: LocalDateTime;
  /** Minutes east of UTC when the text names an offset (`Z` is 0), else null. */
  offsetMinutes: number | null;
  /** True when the text was a bare date. */
  dateOnly: boolean;
  /** `YYYY-MM-DD` as written (the local date). */
  date: string;
}

function offsetOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return minutes > 18 * 60 ? null : sign * minutes;
}

/**
 * Reads `text` as a date or date-time; null when it is not one or names a day that does not exist
 * (`2024-02-30` would otherwise roll over into March).
 */
export function parseWallClock(text: string): WallClock | null {
  const match = WALL_CLOCK.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, offset] = match;
  const local: LocalDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
  };
  const probe = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (probe.getUTCMonth() !== local.month - 1 || probe.getUTCDate() !== local.day) return null;
  if (local.hour > 24 || local.minute > 59 || local.second > 60) return null;
  const offsetMinutes = offsetOf(offset);
  if (offset !== undefined && offsetMinutes === null) return null;
  return { local, offsetMinutes, dateOnly: h === undefined, date: formatDate(local.year, local.month, local.day) };
}

/** The instant `clock` names: by its own offset when it has one, else read in `timeZone`. */
export function instantOf(clock: WallClock, timeZone: string): Date {
  const { local } = clock;
  if (clock.offsetMinutes !== null) {
    return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - clock.offsetMinutes * 60_000);
  }
  return zonedToInstant(local, timeZone);
}

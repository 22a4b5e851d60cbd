/** Which ISO week a report covers, worked out in the deployment's zone. */
import { isoWeekOf } from '../digest/iso-week';
import { addDays, localDateOf } from '../time/zoned';

/** The ISO week of `now`'s local date in `timeZone` (what `netmix report` shows by default). */
export function currentIsoWeek(now: Date, timeZone: string): string {
  return isoWeekOf(localDateOf(now, timeZone)).key;
}

/** The last complete ISO week before `now`'s local week: what the Monday report covers. */
export function previousIsoWeek(now: Date, timeZone: string): string {
  return isoWeekOf(addDays(localDateOf(now, timeZone), -7)).key;
}

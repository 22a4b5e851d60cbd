/**
 * LibCal (Springshare; public libraries' workshop calendars): the JSON its calendar widgets load,
 * `process_cal.php?c=<calendar>&iid=<institution>&start=YYYY-MM-DD&end=YYYY-MM-DD`. LibCal's own
 * 1.1 API needs OAuth credentials, so the public widget feed is what a career center can read.
 * Shape as documented by rococodogs/node-libcal-events (README, MIT) and the author's post
 * "Get your LibCal feed(s) as JSON" (2015): a top-level array of `{ id, title, start, end, url,
 * allDay, location, campus, categories, short_desc }`, with `start`/`end` as local wall-clock
 * times (`2015-12-09T10:15:00`) in the library's zone.
 */
import * as z from 'zod';
import type { ParseOptions } from '../../model/raw-event';
import { addDays, startOfLocalDay } from '../../time/zoned';
import { absoluteUrl, collectItems, textOrNull, type ItemOutcome } from './collect';
import { platformEvent, type PlatformRead, type PlatformReader } from './types';
import { instantOf, parseWallClock } from './wall-clock';
import { lazySchema } from '../../model/lazy-schema';

const Text = lazySchema(() => z.string().nullish());

const LibCalEventSchema = lazySchema(() => z
  .object({
    id: z.union([z.string(), z.number()]),
    title: z.string(),
    start: z.string(),
    end: Text,
    url: Text,
    allDay: z.boolean().nullish(),
    location: Text,
    campus: Text,
    categories: z.union([z.string(), z.array(z.string())]).nullish(),
    short_desc: Text,
  })
  .loose());
type LibCalEvent = z.infer<typeof LibCalEventSchema>;

/** What tells a LibCal widget item from any other list of `{title, start}`: its own fields. */
const TellSchema = lazySchema(() => z.object({ title: z.unknown(), start: z.unknown() }).loose());

function looksLikeLibCal(item: unknown): boolean {
  const parsed = TellSchema.safeParse(item);
  if (!parsed.success) return false;
  const keys = parsed.data;
  return 'campus' in keys || 'short_desc' in keys || (typeof keys.url === 'string' && /\.libcal\.com\//i.test(keys.url));
}

function readEvent(event: LibCalEvent, options: ParseOptions): ItemOutcome {
  const timeZone = options.defaultTimeZone;
  const start = parseWallClock(event.start);
  if (start === null) return { problem: `start "${event.start.slice(0, 40)}" is not a date-time` };
  const end = parseWallClock(event.end ?? '');
  const allDay = event.allDay === true || start.dateOnly;
  const categories = typeof event.categories === 'string' ? event.categories.split(',').map((name) => name.trim()).filter((name) => name !== '') : (event.categories ?? []);
  const place = [textOrNull(event.location), textOrNull(event.campus)].filter((part): part is string => part !== null).join(', ');
  const shared = {
    uid: `libcal-${String(event.id)}`,
    title: event.title,
    timeZone,
    location: place === '' ? null : place,
    url: absoluteUrl(event.url, options.baseUrl),
    description: textOrNull(event.short_desc),
    categories,
  };
  if (allDay) {
    // FullCalendar-style feeds give an all-day end as the exclusive next date.
    const endDate = end !== null && end.date > start.date ? end.date : addDays(start.date, 1);
    return { events: [platformEvent({ ...shared, allDay: true, startDate: start.date, start: startOfLocalDay(start.date, timeZone), end: startOfLocalDay(endDate, timeZone) })] };
  }
  return { events: [platformEvent({ ...shared, allDay: false, startDate: start.date, start: instantOf(start, timeZone), end: end === null ? null : instantOf(end, timeZone) })] };
}

/** Reader for LibCal's calendar-widget JSON. */
export const libcalReader: PlatformReader = {
  id: 'libcal',
  label: 'LibCal calendar feed',
  matches: (value) => Array.isArray(value) && value.length > 0 && looksLikeLibCal(value[0]),
  read: (value, options): PlatformRead => {
    if (!Array.isArray(value)) return { events: [], problems: [{ message: 'not a LibCal calendar feed' }] };
    return collectItems(value, LibCalEventSchema, 'events', options, (event) => readEvent(event, options));
  },
};

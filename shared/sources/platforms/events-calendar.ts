/**
 * The Events Calendar (WordPress, by StellarWP) REST API: `GET /wp-json/tribe/events/v1/events`.
 * Shape from the plugin's REST API documentation (theeventscalendar.com knowledge base,
 * "Introduction to The Events Calendar REST API", and the self-describing `/wp-json/tribe/events/v1/doc`):
 * `{ events, total, total_pages, next_rest_url }`; each event has `utc_start_date`/`utc_end_date`
 * (`YYYY-MM-DD HH:MM:SS`, UTC), `start_date`/`end_date` in the site zone, `timezone`, `all_day`,
 * HTML-rendered `title`, `cost` and `cost_details`, `venue` (an object, or `[]` when none) with
 * `geo_lat`/`geo_lng`, `organizer` (a list), `categories`, `is_virtual` and `virtual_url`.
 */
import * as z from 'zod';
import { isIanaTimeZone } from '../../model/common';
import type { ParseOptions, RawOffer, RawVenue } from '../../model/raw-event';
import { addDays, localDateOf, startOfLocalDay } from '../../time/zoned';
import { absoluteUrl, collectItems, geoOf, priceOfText, textOrNull, type ItemOutcome } from './collect';
import { platformEvent, type PlatformRead, type PlatformReader } from './types';
import { instantOf, parseWallClock } from './wall-clock';
import { lazySchema } from '../../model/lazy-schema';

const Text = lazySchema(() => z.string().nullish());
const Coordinate = lazySchema(() => z.union([z.number(), z.string()]).nullish());

const VenueSchema = lazySchema(() => z
  .object({
    venue: Text,
    address: Text,
    city: Text,
    state: Text,
    province: Text,
    stateprovince: Text,
    zip: Text,
    geo_lat: Coordinate,
    geo_lng: Coordinate,
  })
  .loose());

const TribeEventSchema = lazySchema(() => z
  .object({
    id: z.union([z.number(), z.string()]),
    title: z.string(),
    url: Text,
    website: Text,
    description: Text,
    all_day: z.boolean().nullish(),
    start_date: Text,
    end_date: Text,
    utc_start_date: Text,
    utc_end_date: Text,
    timezone: Text,
    cost: z.union([z.string(), z.number()]).nullish(),
    cost_details: z.object({ currency_code: Text, values: z.array(z.union([z.string(), z.number()])).nullish() }).loose().nullish(),
    // The plugin writes `[]` (an empty PHP array) when an event has no venue.
    venue: z.union([VenueSchema, z.array(z.unknown())]).nullish(),
    organizer: z.array(z.object({ organizer: Text }).loose()).nullish(),
    categories: z.array(z.object({ name: Text }).loose()).nullish(),
    is_virtual: z.boolean().nullish(),
    virtual_url: Text,
  })
  .loose());
type TribeEvent = z.infer<typeof TribeEventSchema>;

const PageSchema = lazySchema(() => z
  .object({
    events: z.array(z.unknown()),
    total_pages: z.number().nullish(),
    next_rest_url: Text,
  })
  .loose());

function venueOf(venue: TribeEvent['venue']): RawVenue | null {
  if (venue === null || venue === undefined || Array.isArray(venue)) return null;
  const geo = geoOf(venue.geo_lat, venue.geo_lng);
  return {
    name: textOrNull(venue.venue),
    address: textOrNull(venue.address),
    city: textOrNull(venue.city),
    region: textOrNull(venue.state) ?? textOrNull(venue.stateprovince) ?? textOrNull(venue.province),
    postalCode: textOrNull(venue.zip),
    lat: geo?.lat ?? null,
    lon: geo?.lon ?? null,
  };
}

function offersOf(event: TribeEvent): RawOffer[] {
  const text = event.cost === null || event.cost === undefined ? null : textOrNull(String(event.cost));
  const prices = (event.cost_details?.values ?? []).map(Number).filter((value) => Number.isFinite(value) && value >= 0);
  if (text === null && prices.length === 0) return [];
  return [{ price: prices.length > 0 ? Math.min(...prices) : priceOfText(text), currency: textOrNull(event.cost_details?.currency_code), text }];
}

function readEvent(event: TribeEvent, options: ParseOptions): ItemOutcome {
  const zone = textOrNull(event.timezone);
  const timeZone = zone !== null && isIanaTimeZone(zone) ? zone : options.defaultTimeZone;
  const localStart = parseWallClock(event.start_date ?? '');
  const utcStart = parseWallClock(event.utc_start_date ?? '');
  let start: Date;
  let end: Date | null;
  let startDate: string;
  const allDay = event.all_day === true;
  if (allDay) {
    // An all-day event is a calendar date in the site zone; its `utc_start_date` is that date's
    // midnight shifted to UTC, which lands on the previous day west of Greenwich.
    if (localStart === null) return { problem: `start_date "${String(event.start_date).slice(0, 40)}" is not a date` };
    startDate = localStart.date;
    start = startOfLocalDay(startDate, timeZone);
    const localEnd = parseWallClock(event.end_date ?? '');
    // `end_date` is the last day's 23:59:59: the exclusive end is the midnight after it.
    end = localEnd !== null && localEnd.date >= startDate ? startOfLocalDay(addDays(localEnd.date, 1), timeZone) : null;
  } else {
    if (utcStart !== null) start = instantOf({ ...utcStart, offsetMinutes: 0 }, 'UTC');
    else if (localStart !== null) start = instantOf(localStart, timeZone);
    else return { problem: `no readable start (utc_start_date "${String(event.utc_start_date).slice(0, 40)}")` };
    const utcEnd = parseWallClock(event.utc_end_date ?? '');
    const localEnd = parseWallClock(event.end_date ?? '');
    end = utcEnd !== null ? instantOf({ ...utcEnd, offsetMinutes: 0 }, 'UTC') : localEnd !== null ? instantOf(localEnd, timeZone) : null;
    startDate = localDateOf(start, timeZone);
  }
  const venue = venueOf(event.venue);
  const virtualUrl = absoluteUrl(event.virtual_url, options.baseUrl);
  const organizers = (event.organizer ?? []).map((entry) => textOrNull(entry.organizer)).filter((name): name is string => name !== null);
  return {
    events: [
      platformEvent({
        uid: `tribe-${String(event.id)}`,
        title: event.title,
        start,
        end,
        allDay,
        startDate,
        timeZone,
        venue,
        geo: venue?.lat != null && venue.lon != null ? { lat: venue.lat, lon: venue.lon } : null,
        url: absoluteUrl(event.url, options.baseUrl) ?? absoluteUrl(event.website, options.baseUrl),
        organizer: organizers.length > 0 ? organizers.join(', ') : null,
        description: textOrNull(event.description),
        attendanceMode: event.is_virtual === true ? (venue === null ? 'online' : 'mixed') : null,
        onlineUrl: virtualUrl,
        offers: offersOf(event),
        categories: (event.categories ?? []).map((category) => textOrNull(category.name)).filter((name): name is string => name !== null),
      }),
    ],
  };
}

/** Reader for The Events Calendar's `/wp-json/tribe/events/v1/events` pages. */
export const eventsCalendarReader: PlatformReader = {
  id: 'the-events-calendar',
  label: 'The Events Calendar REST API',
  matches: (value) => {
    const page = PageSchema.safeParse(value);
    return page.success && ('total_pages' in page.data || 'rest_url' in page.data) && !('page' in page.data);
  },
  read: (value, options): PlatformRead => {
    const parsed = PageSchema.safeParse(value);
    if (!parsed.success) return { events: [], problems: [{ message: 'not an events page of The Events Calendar REST API' }] };
    const page = parsed.data;
    const read = collectItems(page.events, TribeEventSchema, 'events', options, (event) => readEvent(event, options));
    const next = absoluteUrl(page.next_rest_url, options.baseUrl);
    return next === null ? read : { ...read, nextPageUrl: next };
  },
};

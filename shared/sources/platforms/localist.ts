/**
 * Localist (university and community calendars): `GET /api/2/events?days=N&pp=100&page=P`.
 * Shape from Localist's API documentation (developer.localist.com/doc/api, "Event JSON"):
 * `{ events: [{ event }], page: { current, size, total } }`; each event has `event_instances`
 * (`[{ event_instance: { start, end, all_day } }]`, offset timestamps), `location_name`,
 * `room_number`, `address`, `geo` (strings: latitude, longitude, street, city, state, zip),
 * `experience` (`inperson`, `virtual`, `hybrid`), `stream_url`, `free`, `ticket_cost`,
 * `localist_url`, `status` and `filters.event_types`.
 */
import * as z from 'zod';
import type { ParseOptions, RawEvent, RawOffer, RawVenue } from '../../model/raw-event';
import { addDays, localDateOf, startOfLocalDay } from '../../time/zoned';
import { absoluteUrl, collectItems, geoOf, priceOfText, textOrNull, type ItemOutcome } from './collect';
import { platformEvent, type PlatformRead, type PlatformReader } from './types';
import { instantOf, parseWallClock } from './wall-clock';
import { lazySchema } from '../../model/lazy-schema';

const Text = lazySchema(() => z.string().nullish());
const Coordinate = lazySchema(() => z.union([z.number(), z.string()]).nullish());

const InstanceSchema = lazySchema(() => z
  .object({ event_instance: z.object({ id: z.union([z.number(), z.string()]).nullish(), start: z.string(), end: Text, all_day: z.boolean().nullish() }).loose() })
  .loose());

const LocalistEventSchema = lazySchema(() => z
  .object({
    event: z
      .object({
        id: z.union([z.number(), z.string()]),
        title: z.string(),
        url: Text,
        localist_url: Text,
        description: Text,
        description_text: Text,
        location_name: Text,
        room_number: Text,
        address: Text,
        geo: z.object({ latitude: Coordinate, longitude: Coordinate, street: Text, city: Text, state: Text, zip: Text }).loose().nullish(),
        experience: Text,
        stream_url: Text,
        free: z.boolean().nullish(),
        ticket_cost: z.union([z.string(), z.number()]).nullish(),
        status: Text,
        event_instances: z.array(InstanceSchema),
        filters: z.object({ event_types: z.array(z.object({ name: Text }).loose()).nullish() }).loose().nullish(),
      })
      .loose(),
  })
  .loose());
type LocalistEvent = z.infer<typeof LocalistEventSchema>['event'];

const PageSchema = lazySchema(() => z
  .object({
    events: z.array(z.unknown()),
    page: z.object({ current: z.number().int(), total: z.number().int() }).loose(),
  })
  .loose());

const ATTENDANCE: Record<string, RawEvent['attendanceMode']> = { inperson: 'offline', virtual: 'online', hybrid: 'mixed' };

function venueOf(event: LocalistEvent): RawVenue | null {
  const geo = event.geo;
  const name = textOrNull(event.location_name);
  const room = textOrNull(event.room_number);
  const street = textOrNull(geo?.street);
  if (name === null && street === null && textOrNull(event.address) === null) return null;
  const point = geoOf(geo?.latitude, geo?.longitude);
  return {
    name: name === null ? null : room === null ? name : `${name}, ${room}`,
    address: street,
    city: textOrNull(geo?.city),
    region: textOrNull(geo?.state),
    postalCode: textOrNull(geo?.zip),
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
  };
}

function offersOf(event: LocalistEvent): RawOffer[] {
  const cost = event.ticket_cost === null || event.ticket_cost === undefined ? null : textOrNull(String(event.ticket_cost));
  if (event.free === true) return [{ price: 0, currency: null, text: cost ?? 'Free' }];
  return cost === null ? [] : [{ price: priceOfText(cost), currency: null, text: cost }];
}

function readEvent(event: LocalistEvent, options: ParseOptions): ItemOutcome {
  const timeZone = options.defaultTimeZone;
  const venue = venueOf(event);
  const status = /^cancell?ed$/i.test(event.status ?? '') ? 'cancelled' : 'confirmed';
  const shared = {
    title: event.title,
    timeZone,
    status,
    location: textOrNull(event.address),
    venue,
    geo: venue?.lat != null && venue.lon != null ? { lat: venue.lat, lon: venue.lon } : null,
    url: absoluteUrl(event.localist_url, options.baseUrl) ?? absoluteUrl(event.url, options.baseUrl),
    description: textOrNull(event.description) ?? textOrNull(event.description_text),
    attendanceMode: ATTENDANCE[event.experience ?? ''] ?? null,
    onlineUrl: absoluteUrl(event.stream_url, options.baseUrl),
    offers: offersOf(event),
    categories: (event.filters?.event_types ?? []).map((type) => textOrNull(type.name)).filter((name): name is string => name !== null),
  } as const;
  const events: RawEvent[] = [];
  for (const { event_instance: instance } of event.event_instances) {
    const start = parseWallClock(instance.start);
    if (start === null) return { problem: `instance start "${instance.start.slice(0, 40)}" is not a date-time` };
    const end = parseWallClock(instance.end ?? '');
    const uid = `localist-${String(event.id)}-${String(instance.id ?? instance.start)}`;
    if (instance.all_day === true || start.dateOnly) {
      // All day is the calendar date the organiser wrote, whatever offset came with it.
      const lastDate = end !== null && end.date > start.date ? end.date : start.date;
      events.push(
        platformEvent({ ...shared, uid, allDay: true, startDate: start.date, start: startOfLocalDay(start.date, timeZone), end: startOfLocalDay(addDays(lastDate, 1), timeZone) }),
      );
      continue;
    }
    const startAt = instantOf(start, timeZone);
    events.push(platformEvent({ ...shared, uid, allDay: false, startDate: localDateOf(startAt, timeZone), start: startAt, end: end === null ? null : instantOf(end, timeZone) }));
  }
  return { events };
}

function nextPage(page: { current: number; total: number }, baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined || page.current >= page.total) return undefined;
  try {
    const url = new URL(baseUrl);
    url.searchParams.set('page', String(page.current + 1));
    return url.href;
  } catch {
    return undefined;
  }
}

/** Reader for Localist's `/api/2/events` pages. */
export const localistReader: PlatformReader = {
  id: 'localist',
  label: 'Localist API',
  matches: (value) => PageSchema.safeParse(value).success,
  read: (value, options): PlatformRead => {
    const parsed = PageSchema.safeParse(value);
    if (!parsed.success) return { events: [], problems: [{ message: 'not an events page of the Localist API' }] };
    const read = collectItems(parsed.data.events, LocalistEventSchema, 'events', options, (item) => readEvent(item.event, options));
    const next = nextPage(parsed.data.page, options.baseUrl);
    return next === undefined ? read : { ...read, nextPageUrl: next };
  },
};

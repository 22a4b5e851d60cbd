/**
 * Squarespace events collections: `GET <collection-url>?format=json`. Shape as Squarespace's
 * developer documentation describes the JSON view of a collection ("Using the ?format=json-pretty
 * query", developers.squarespace.com) and as aggregators read it: `website.timeZone`, `collection`,
 * `upcoming` and `past` arrays of items with `startDate`/`endDate` in epoch milliseconds, a relative
 * `fullUrl`, HTML `body`, and `location` (`addressTitle`, `addressLine1`, `addressLine2` as
 * "City, ST, ZIP", `mapLat`/`mapLng`). Only `upcoming` is read: `past` is history.
 */
import * as z from 'zod';
import { isIanaTimeZone } from '../../model/common';
import type { ParseOptions, RawVenue } from '../../model/raw-event';
import { localDateOf } from '../../time/zoned';
import { absoluteUrl, collectItems, geoOf, textOrNull, type ItemOutcome } from './collect';
import { platformEvent, type PlatformRead, type PlatformReader } from './types';
import { lazySchema } from '../../model/lazy-schema';

const Text = lazySchema(() => z.string().nullish());
const Coordinate = lazySchema(() => z.union([z.number(), z.string()]).nullish());
/** Epoch milliseconds within years 1970–2200, so a stray number cannot become an absurd date. */
const EpochMs = lazySchema(() => z.number().int().min(0).max(7_258_118_400_000));

const LocationSchema = lazySchema(() => z
  .object({ addressTitle: Text, addressLine1: Text, addressLine2: Text, addressCountry: Text, mapLat: Coordinate, mapLng: Coordinate })
  .loose());

const ItemSchema = lazySchema(() => z
  .object({
    id: z.string().nullish(),
    title: z.string(),
    fullUrl: Text,
    startDate: EpochMs,
    endDate: EpochMs.nullish(),
    location: LocationSchema.nullish(),
    body: Text,
    excerpt: Text,
    categories: z.array(z.string()).nullish(),
    tags: z.array(z.string()).nullish(),
  })
  .loose());
type Item = z.infer<typeof ItemSchema>;

const CollectionSchema = lazySchema(() => z
  .object({
    upcoming: z.array(z.unknown()).optional(),
    // Only its presence matters: a collection with nothing upcoming may carry just its history.
    past: z.array(z.unknown()).optional(),
    website: z.object({ timeZone: Text, siteTitle: Text }).loose().nullish(),
    collection: z.object({ title: Text }).loose().nullish(),
  })
  .loose());

const CITY_STATE_ZIP = /^\s*(.+?),\s*([A-Za-z]{2})[,\s]+(\d{5})(?:-\d{4})?\s*$/;

function venueOf(location: Item['location']): RawVenue | null {
  if (location === null || location === undefined) return null;
  const name = textOrNull(location.addressTitle);
  const address = textOrNull(location.addressLine1);
  const line2 = textOrNull(location.addressLine2);
  if (name === null && address === null && line2 === null) return null;
  const parts = line2 === null ? null : CITY_STATE_ZIP.exec(line2);
  // A location left empty in the editor still carries the map's default pin (Squarespace's own
  // office in New York): coordinates only count when the address is filled in.
  const geo = address === null && line2 === null ? null : geoOf(location.mapLat, location.mapLng);
  return {
    name,
    address,
    city: parts?.[1]?.trim() ?? (line2 !== null && !line2.includes(',') ? line2 : null),
    region: parts?.[2]?.toUpperCase() ?? null,
    postalCode: parts?.[3] ?? null,
    lat: geo?.lat ?? null,
    lon: geo?.lon ?? null,
  };
}

function readItem(item: Item, timeZone: string, options: ParseOptions): ItemOutcome {
  const start = new Date(item.startDate);
  const end = item.endDate === null || item.endDate === undefined ? null : new Date(item.endDate);
  const venue = venueOf(item.location);
  const location = venue === null ? null : [venue.name, venue.address, textOrNull(item.location?.addressLine2)].filter((part) => part != null).join(', ');
  return {
    events: [
      platformEvent({
        uid: item.id === null || item.id === undefined ? null : `squarespace-${item.id}`,
        title: item.title,
        start,
        end,
        allDay: false,
        startDate: localDateOf(start, timeZone),
        timeZone,
        location: location === '' ? null : location,
        venue,
        geo: venue?.lat != null && venue.lon != null ? { lat: venue.lat, lon: venue.lon } : null,
        url: absoluteUrl(item.fullUrl, options.baseUrl),
        description: textOrNull(item.body) ?? textOrNull(item.excerpt),
        categories: [...(item.categories ?? []), ...(item.tags ?? [])],
      }),
    ],
  };
}

/** Reader for a Squarespace events collection's `?format=json` view (upcoming events only). */
export const squarespaceReader: PlatformReader = {
  id: 'squarespace',
  label: 'Squarespace events collection',
  matches: (value) => {
    const parsed = CollectionSchema.safeParse(value);
    return parsed.success && (parsed.data.upcoming !== undefined || parsed.data.past !== undefined);
  },
  read: (value, options): PlatformRead => {
    const parsed = CollectionSchema.safeParse(value);
    if (!parsed.success) return { events: [], problems: [{ message: 'not a Squarespace events collection' }] };
    const zone = textOrNull(parsed.data.website?.timeZone);
    const timeZone = zone !== null && isIanaTimeZone(zone) ? zone : options.defaultTimeZone;
    const read = collectItems(parsed.data.upcoming ?? [], ItemSchema, 'upcoming', options, (item) => readItem(item, timeZone, options));
    const name = textOrNull(parsed.data.website?.siteTitle) ?? textOrNull(parsed.data.collection?.title);
    return name === null ? read : { ...read, calendarName: name };
  },
};

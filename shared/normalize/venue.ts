import type { Venue } from '../model/event';
import type { RawEvent } from '../model/raw-event';
import type { DefaultPlace, SourceContext } from '../model/source';
import { isValidCoordinates, type Coordinates } from './distance';
import { cityCentroid, zipCentroid } from './geo';
import { isOnlineOnlyPlace, type ParsedLocation } from './location';
import { toSingleLine, truncateAtWord } from './text';
import { stateAbbreviation } from './us-states';

function clip(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = toSingleLine(value);
  return text === '' ? null : truncateAtWord(text, max);
}

function fiveDigitZip(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(value)?.[1] ?? null;
}

function region(value: string | null | undefined): string | null {
  const text = clip(value, 100);
  return text === null ? null : (stateAbbreviation(text) ?? text);
}

/** Coordinates of a source's default place: its own, else its ZIP's, else its town's. */
export function placeCoordinates(place: DefaultPlace | undefined): Coordinates | null {
  if (place === undefined) return null;
  if (isValidCoordinates(place.lat, place.lon) && place.lat !== undefined && place.lon !== undefined) return { lat: place.lat, lon: place.lon };
  const fromZip = place.postalCode === undefined ? null : zipCentroid(place.postalCode);
  if (fromZip !== null) return fromZip;
  return place.city !== undefined && place.region !== undefined ? cityCentroid(place.city, place.region) : null;
}

function venueFromPlace(place: DefaultPlace): Venue {
  const point = placeCoordinates(place);
  return {
    name: clip(place.name, 300),
    address: clip(place.address, 300),
    city: clip(place.city, 100),
    region: region(place.region),
    postalCode: place.postalCode ?? null,
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
  };
}

/**
 * Geo fallback chain: the feed's GEO, the structured venue's coordinates, the ZIP centroid,
 * the town centre (the source's state when the event names none), then the source's place.
 */
function coordinatesFor(raw: RawEvent, venue: Venue, source: SourceContext): Coordinates | null {
  if (raw.geo !== null && isValidCoordinates(raw.geo.lat, raw.geo.lon)) return { lat: raw.geo.lat, lon: raw.geo.lon };
  const structured = raw.venue;
  if (structured !== null && isValidCoordinates(structured.lat, structured.lon) && typeof structured.lat === 'number' && typeof structured.lon === 'number') {
    return { lat: structured.lat, lon: structured.lon };
  }
  const fromZip = venue.postalCode === null ? null : zipCentroid(venue.postalCode);
  if (fromZip !== null) return fromZip;
  const state = venue.region ?? source.place?.region ?? null;
  const fromCity = venue.city === null || state === null ? null : cityCentroid(venue.city, state);
  return fromCity ?? placeCoordinates(source.place);
}

/** The venue and whether a venue name said the event is online ("Zoom"). */
export interface VenueResult {
  venue: Venue | null;
  onlineHint: boolean;
}

/**
 * The event's physical place: the feed's structured venue, completed from the parsed
 * free-text location, with coordinates from the fallback chain. Online-only events (and
 * events whose attendance mode is `online`) have none; an event that names no place falls
 * back to the source's default place (a career center's office), if it has one.
 */
export function resolveVenue(raw: RawEvent, parsed: ParsedLocation | null, online: boolean, source: SourceContext): VenueResult {
  const structured = raw.venue;
  let name = clip(structured?.name, 300);
  let onlineHint = false;
  if (name !== null && isOnlineOnlyPlace(name)) {
    name = null;
    onlineHint = true;
  }
  const venue: Venue = {
    name: name ?? parsed?.name ?? null,
    address: clip(structured?.address, 300) ?? clip(parsed?.address, 300),
    city: clip(structured?.city, 100) ?? clip(parsed?.city, 100),
    region: region(structured?.region) ?? parsed?.region ?? null,
    postalCode: fiveDigitZip(structured?.postalCode) ?? clip(structured?.postalCode, 20) ?? parsed?.postalCode ?? null,
    lat: null,
    lon: null,
  };
  const physical = venue.name !== null || venue.address !== null || venue.city !== null || venue.postalCode !== null ||
    (raw.geo !== null && isValidCoordinates(raw.geo.lat, raw.geo.lon));
  if (raw.attendanceMode === 'online' || ((online || onlineHint) && !physical)) return { venue: null, onlineHint };
  if (!physical) return { venue: source.place === undefined ? null : venueFromPlace(source.place), onlineHint };
  const point = coordinatesFor(raw, venue, source);
  return { venue: { ...venue, lat: point?.lat ?? null, lon: point?.lon ?? null }, onlineHint };
}

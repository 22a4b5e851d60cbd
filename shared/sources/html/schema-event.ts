import type { RawEvent, RawOffer, RawVenue } from '../../model/raw-event';
import type { Candidate } from './candidate';
import { emptyCandidate } from './candidate';
import type { PageDate } from './dates';
import { parseDurationMs, parsePageDate } from './dates';
import type { SchemaNode } from './schema-values';
import { firstNode, firstText, isSchemaNode, numberOf, property, scalarText, typeNames, valuesOf } from './schema-values';
import { cleanBlock, cleanText, joinParts } from './text';
import { isSpecificUrl, safeUrl } from './urls';

interface PlaceReading {
  location: string | null;
  venue: RawVenue | null;
  geo: RawEvent['geo'];
  onlineUrl: string | null;
  virtual: boolean;
}

function readGeo(value: unknown): RawEvent['geo'] {
  const geo = firstNode(value);
  if (geo === null) return null;
  const lat = numberOf(firstText(geo.latitude));
  const lon = numberOf(firstText(geo.longitude));
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

function readPlace(value: unknown, baseUrl: string | undefined): PlaceReading {
  const reading: PlaceReading = { location: null, venue: null, geo: null, onlineUrl: null, virtual: false };
  const texts: string[] = [];
  for (const item of valuesOf(value)) {
    const text = scalarText(item);
    if (text !== null) {
      texts.push(text);
      continue;
    }
    if (!isSchemaNode(item)) continue;
    if (typeNames(item).includes('VirtualLocation')) {
      reading.virtual = true;
      reading.onlineUrl ??= safeUrl(firstText(item.url), baseUrl);
      continue;
    }
    if (reading.venue !== null) continue;
    const name = cleanText(firstText(item.name));
    const address = firstNode(item.address);
    const street = cleanText(address ? firstText(address.streetAddress) : firstText(item.address));
    const city = cleanText(address ? firstText(address.addressLocality) : null);
    const region = cleanText(address ? firstText(address.addressRegion) : null);
    const postalCode = cleanText(address ? firstText(address.postalCode) : null);
    const geo = readGeo(item.geo);
    reading.geo = geo;
    reading.location = joinParts([name, street, city, joinParts([region, postalCode], ' ')]);
    if ([name, street, city, region, postalCode].some((part) => part !== null) || geo !== null) {
      reading.venue = { name, address: street, city, region, postalCode, lat: geo?.lat ?? null, lon: geo?.lon ?? null };
    }
  }
  if (reading.location === null && texts.length > 0) reading.location = joinParts(texts);
  return reading;
}

function readOffers(value: unknown): RawOffer[] {
  const offers: RawOffer[] = [];
  for (const item of valuesOf(value)) {
    if (!isSchemaNode(item)) continue;
    const price = numberOf(firstText(item.price)) ?? numberOf(firstText(item.lowPrice));
    const currency = cleanText(firstText(item.priceCurrency));
    const text = cleanText(firstText(item.name));
    if (price !== null || text !== null) offers.push({ price, currency, text });
  }
  return offers;
}

function readOrganizer(value: unknown): string | null {
  for (const item of valuesOf(value)) {
    const name = isSchemaNode(item) ? cleanText(firstText(item.name)) : cleanText(scalarText(item));
    if (name !== null) return name;
  }
  return null;
}

function readAttendance(value: unknown): RawEvent['attendanceMode'] {
  const mode = firstText(value)?.toLowerCase() ?? '';
  if (mode.includes('mixed')) return 'mixed';
  if (mode.includes('offline')) return 'offline';
  if (mode.includes('online')) return 'online';
  return null;
}

/** The first value of a date property that reads as a date, else the first as written. */
function readDate(value: unknown): { date: PageDate | null; text: string | null } {
  let firstWritten: string | null = null;
  for (const item of valuesOf(value)) {
    const text = scalarText(item);
    if (text === null) continue;
    firstWritten ??= text;
    const date = parsePageDate(text);
    if (date !== null) return { date, text };
  }
  return { date: null, text: firstWritten };
}

function readUid(node: SchemaNode, url: string | null, baseUrl: string | undefined): string | null {
  const id = cleanText(firstText(node['@id']));
  if (id !== null) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(id)) return id;
    if (baseUrl !== undefined) return safeUrl(id, baseUrl) ?? id;
    return id;
  }
  return url !== null && isSpecificUrl(url, baseUrl) ? url : null;
}

function readCategories(value: unknown): string[] {
  const categories: string[] = [];
  for (const item of valuesOf(value)) {
    const text = scalarText(item);
    if (text === null) continue;
    for (const part of text.split(',')) {
      const cleaned = cleanText(part);
      if (cleaned !== null && !categories.includes(cleaned)) categories.push(cleaned);
    }
  }
  return categories;
}

/** Reads a schema.org Event node (from JSON-LD or microdata) into a candidate. */
export function schemaEventToCandidate(node: SchemaNode, where: string, baseUrl: string | undefined): Candidate {
  const candidate = emptyCandidate(where);
  candidate.title = cleanText(firstText(property(node, 'name')));
  const start = readDate(property(node, 'startDate'));
  candidate.start = start.date;
  candidate.startText = start.text;
  candidate.end = readDate(property(node, 'endDate')).date;
  const duration = firstText(property(node, 'duration'));
  candidate.durationMs = duration === null ? null : parseDurationMs(duration);
  const status = valuesOf(property(node, 'eventStatus')).map((s) => scalarText(s)?.toLowerCase() ?? '');
  if (status.some((s) => s.includes('cancel'))) candidate.status = 'cancelled';
  const place = readPlace(property(node, 'location'), baseUrl);
  candidate.location = place.location;
  candidate.venue = place.venue;
  candidate.geo = place.geo;
  candidate.url = safeUrl(firstText(property(node, 'url')), baseUrl);
  candidate.uid = readUid(node, candidate.url, baseUrl);
  candidate.organizer = readOrganizer(property(node, 'organizer'));
  candidate.description = cleanBlock(firstText(property(node, 'description')));
  candidate.attendanceMode = readAttendance(property(node, 'eventAttendanceMode')) ?? (place.virtual ? 'online' : null);
  candidate.onlineUrl = place.onlineUrl;
  candidate.offers = readOffers(property(node, 'offers'));
  candidate.categories = readCategories(property(node, 'keywords'));
  return candidate;
}

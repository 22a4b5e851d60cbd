import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { RawVenue } from '../../model/raw-event';
import type { Candidate } from './candidate';
import { emptyCandidate } from './candidate';
import { parseDurationMs, parsePageDate } from './dates';
import type { DomElement } from './dom';
import { classesOf, collapsedText } from './dom';
import { cleanBlock, cleanText, joinParts } from './text';
import { isSpecificUrl, safeUrl } from './urls';

/**
 * h-event (microformats2) and classic hCalendar (`vevent`). Both work the same way: a root element,
 * and properties named by class on its descendants that are not inside another root (a nested
 * `h-card`/`vcard` location keeps its own `p-name`).
 */

type ValueKind = 'text' | 'url' | 'date' | 'html';

interface Vocabulary {
  label: string;
  rootSelector: '.h-event' | '.vevent';
  isNestedRoot: (className: string) => boolean;
  name: string;
  start: string;
  end: string;
  duration: string;
  location: string;
  url: string;
  uid: string;
  summary: string | null;
  content: string[];
  category: string;
  organizer: string;
  status: string | null;
  card: { name: string[]; street: string; city: string; region: string; postalCode: string; lat: string; lon: string };
}

const isMf2Root = (className: string): boolean => /^h-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(className);
const CLASSIC_ROOTS = new Set(['vevent', 'vcard', 'adr', 'geo', 'vcalendar']);

const MF2: Vocabulary = {
  label: 'h-event',
  rootSelector: '.h-event',
  isNestedRoot: isMf2Root,
  name: 'p-name',
  start: 'dt-start',
  end: 'dt-end',
  duration: 'dt-duration',
  location: 'p-location',
  url: 'u-url',
  uid: 'u-uid',
  summary: 'p-summary',
  content: ['e-content', 'e-description'],
  category: 'p-category',
  organizer: 'p-organizer',
  status: null,
  card: {
    name: ['p-name', 'p-org'],
    street: 'p-street-address',
    city: 'p-locality',
    region: 'p-region',
    postalCode: 'p-postal-code',
    lat: 'p-latitude',
    lon: 'p-longitude',
  },
};

const CLASSIC: Vocabulary = {
  label: 'hCalendar vevent',
  rootSelector: '.vevent',
  isNestedRoot: (className) => CLASSIC_ROOTS.has(className) || isMf2Root(className),
  name: 'summary',
  start: 'dtstart',
  end: 'dtend',
  duration: 'duration',
  location: 'location',
  url: 'url',
  uid: 'uid',
  summary: null,
  content: ['description'],
  category: 'category',
  organizer: 'organizer',
  status: 'status',
  card: {
    name: ['fn', 'org'],
    street: 'street-address',
    city: 'locality',
    region: 'region',
    postalCode: 'postal-code',
    lat: 'latitude',
    lon: 'longitude',
  },
};

/** Descendants of `root` that belong to it: nested roots are included but not entered. */
function ownPropertyElements($: CheerioAPI, root: Cheerio<DomElement>, vocabulary: Vocabulary): Cheerio<DomElement>[] {
  const found: Cheerio<DomElement>[] = [];
  const walk = (parent: Cheerio<DomElement>): void => {
    parent.children().each((_, child) => {
      const element = $(child);
      found.push(element);
      if (!classesOf(element).some(vocabulary.isNestedRoot)) walk(element);
    });
  };
  walk(root);
  return found;
}

/** The value-class pattern: `<span class="value-title" title="…">` or `.value` parts. */
function valueClassParts($: CheerioAPI, element: Cheerio<DomElement>): string[] {
  const parts: string[] = [];
  element.find('.value-title, .value').each((_, child) => {
    const part = $(child);
    if (classesOf(part).includes('value-title')) {
      const title = part.attr('title');
      if (title !== undefined) parts.push(title);
      return;
    }
    const tag = (part.prop('tagName') ?? '').toLowerCase();
    const value =
      tag === 'abbr' ? part.attr('title') : tag === 'time' ? part.attr('datetime') : tag === 'data' ? part.attr('value') : undefined;
    parts.push(value ?? part.text().trim());
  });
  return parts.filter((part) => part.trim() !== '');
}

function joinDateParts(parts: string[]): string {
  const date = parts.find((part) => /^\d{4}-\d{1,2}-\d{1,2}$/.test(part.trim()));
  const time = parts.find((part) => /^\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$/i.test(part.trim()));
  if (date !== undefined && time !== undefined) return `${date.trim()}T${time.trim()}`;
  return parts[0] ?? '';
}

function readValue($: CheerioAPI, element: Cheerio<DomElement>, kind: ValueKind): string | null {
  const tag = (element.prop('tagName') ?? '').toLowerCase();
  if (kind === 'html') return element.html();
  const parts = valueClassParts($, element);
  if (parts.length > 0) return kind === 'date' ? joinDateParts(parts) : parts.join('');
  if (kind === 'url') {
    if (tag === 'a' || tag === 'area' || tag === 'link') return element.attr('href') ?? null;
    if (tag === 'img') return element.attr('src') ?? null;
  }
  if (kind === 'date' && (tag === 'time' || tag === 'ins' || tag === 'del')) {
    return element.attr('datetime') ?? element.text();
  }
  if (tag === 'abbr') return element.attr('title') ?? element.text();
  if (tag === 'data' || tag === 'input') return element.attr('value') ?? element.text();
  if (tag === 'img' || tag === 'area') return element.attr('alt') ?? null;
  return collapsedText(element);
}

function readVenue($: CheerioAPI, place: Cheerio<DomElement>, vocabulary: Vocabulary): RawVenue | null {
  const field = (className: string): string | null => {
    const match = place.find(`.${className}`).first();
    return match.length === 0 ? null : cleanText(readValue($, match, 'text'));
  };
  const ownClasses = classesOf(place);
  const name = vocabulary.card.name
    .map((className) => (ownClasses.includes(className) ? null : field(className)))
    .find((value) => value !== null) ?? null;
  const venue: RawVenue = {
    name,
    address: field(vocabulary.card.street),
    city: field(vocabulary.card.city),
    region: field(vocabulary.card.region),
    postalCode: field(vocabulary.card.postalCode),
  };
  const lat = Number(field(vocabulary.card.lat) ?? Number.NaN);
  const lon = Number(field(vocabulary.card.lon) ?? Number.NaN);
  if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    venue.lat = lat;
    venue.lon = lon;
  }
  return Object.values(venue).some((value) => value !== null && value !== undefined) ? venue : null;
}

function readEvent(
  $: CheerioAPI,
  root: Cheerio<DomElement>,
  vocabulary: Vocabulary,
  where: string,
  baseUrl: string | undefined,
): Candidate {
  const properties = ownPropertyElements($, root, vocabulary);
  const first = (className: string): Cheerio<DomElement> | null =>
    properties.find((element) => classesOf(element).includes(className)) ?? null;
  const read = (className: string | null, kind: ValueKind): string | null => {
    if (className === null) return null;
    const element = first(className);
    return element === null ? null : readValue($, element, kind);
  };
  const candidate = emptyCandidate(where);
  candidate.title = cleanText(read(vocabulary.name, 'text') ?? (vocabulary === MF2 ? collapsedText(root) : null));
  const startText = read(vocabulary.start, 'date');
  candidate.start = startText === null ? null : parsePageDate(startText);
  candidate.startText = startText;
  const endText = read(vocabulary.end, 'date');
  candidate.end = endText === null ? null : parsePageDate(endText);
  const duration = read(vocabulary.duration, 'text');
  candidate.durationMs = duration === null ? null : parseDurationMs(duration);
  const place = first(vocabulary.location);
  if (place !== null) {
    const isCard = classesOf(place).some(vocabulary.isNestedRoot);
    candidate.venue = isCard ? readVenue($, place, vocabulary) : null;
    const venue = candidate.venue;
    candidate.location =
      venue === null
        ? cleanText(readValue($, place, 'text'))
        : joinParts([venue.name, venue.address, venue.city, joinParts([venue.region, venue.postalCode], ' ')]);
    if (venue?.lat !== undefined && venue.lat !== null && venue.lon !== undefined && venue.lon !== null) {
      candidate.geo = { lat: venue.lat, lon: venue.lon };
    }
  }
  candidate.url = safeUrl(read(vocabulary.url, 'url'), baseUrl);
  const uid = cleanText(read(vocabulary.uid, 'url'));
  candidate.uid = uid ?? (candidate.url !== null && isSpecificUrl(candidate.url, baseUrl) ? candidate.url : null);
  const content = vocabulary.content.map((className) => read(className, vocabulary === MF2 ? 'html' : 'text')).find((v) => v !== null);
  candidate.description = cleanBlock(content ?? read(vocabulary.summary, 'text'));
  candidate.organizer = cleanText(read(vocabulary.organizer, 'text'));
  const category = cleanText(read(vocabulary.category, 'text'));
  candidate.categories = category === null ? [] : [category];
  if (/cancel/i.test(read(vocabulary.status, 'text') ?? '')) candidate.status = 'cancelled';
  return candidate;
}

/** Events from `h-event` and classic `vevent` roots, hidden ones included. */
export function extractMicroformats($: CheerioAPI, baseUrl: string | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  for (const vocabulary of [MF2, CLASSIC]) {
    let index = 0;
    $(vocabulary.rootSelector).each((_, element) => {
      const root = $(element);
      index += 1;
      candidates.push(readEvent($, root, vocabulary, `${vocabulary.label} ${index}`, baseUrl));
    });
  }
  return candidates;
}

import { z } from 'zod';
import { isIanaTimeZone } from '../model/common';
import { CostSchema, EventSchema, MAX_DESCRIPTION_LENGTH, VenueSchema, type Event } from '../model/event';
import type { ParseProblem, RawEvent } from '../model/raw-event';
import type { SourceContext } from '../model/source';
import { addDays, localDateOfCached as localDateOf, startOfLocalDayCached as startOfLocalDay } from '../time/zoned';
import { classifyEvent } from './audience';
import { readCost } from './cost';
import { shortHash } from './hash';
import { parseLocation } from './location';
import { detectOnline } from './online';
import { htmlToText, toSingleLine, truncateAtWord } from './text';
import { titleKey } from './title-similarity';
import { cleanUrl } from './url';
import { resolveVenue } from './venue';

const HOUR_MS = 3_600_000;
const MAX_TITLE_LENGTH = 300;
const MAX_ORGANIZER_LENGTH = 200;
const MAX_UID_LENGTH = 500;

/** Tribe and others cancel by editing the title: "(Cancelled)", "CANCELLED:", "[Canceled] -". */
const CANCELLED_PREFIX = /^\s*[[(]?\s*(?:cancell?ed|event cancell?ed)\s*[\])]?\s*(?:[:\-–—|!]+\s*)?(?=\S)/i;
const CANCELLED_ANYWHERE = /\s*[[(]\s*(?:cancell?ed|event cancell?ed)\s*[\])]\s*|\s+[-–—:|]\s*cancell?ed\s*$/gi;

// isIanaTimeZone builds an Intl.DateTimeFormat per call (tens of µs); feeds use a handful of
// zones, so the answer is cached and the schema's own zone check is replaced by the cached one.
const knownZones = new Map<string, boolean>();
function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = isIanaTimeZone(zone);
    knownZones.set(zone, known);
  }
  return known;
}
const CheckedEventSchema = EventSchema.extend({ timeZone: z.string().refine(isKnownZone, { message: 'not an IANA time zone' }) });

/**
 * Every key an event's content can hold, sorted: as JSON.stringify's replacer it fixes the key
 * order at every level natively (5× faster than a recursive sort). Read from the schemas, so a
 * new field is hashed without anyone remembering to add it here.
 */
const CONTENT_KEYS = [...new Set([...Object.keys(EventSchema.shape), ...Object.keys(VenueSchema.shape), ...Object.keys(CostSchema.shape)])]
  .filter((key) => key !== 'id' && key !== 'sources' && key !== 'contentHash')
  .sort();

/** A raw event that cannot become a valid Event. */
export class NormalizeError extends Error {
  override readonly name = 'NormalizeError';
}

function isValidDate(value: Date | null): value is Date {
  return value instanceof Date && Number.isFinite(value.getTime());
}

function readTitle(rawTitle: string): { title: string; cancelled: boolean } {
  // Titles are capped at 300 characters; a few times that is plenty to strip tags from.
  const plain = toSingleLine(rawTitle.length > 4 * MAX_TITLE_LENGTH ? rawTitle.slice(0, 4 * MAX_TITLE_LENGTH) : rawTitle);
  let cancelled = false;
  let title = plain.replace(CANCELLED_PREFIX, () => {
    cancelled = true;
    return '';
  });
  title = title.replace(CANCELLED_ANYWHERE, () => {
    cancelled = true;
    return ' ';
  }).replace(/\s+/g, ' ').trim();
  return { title: truncateAtWord(title === '' ? plain : title, MAX_TITLE_LENGTH), cancelled };
}

function readEnd(raw: RawEvent, start: Date, startDate: string, timeZone: string): Date {
  if (isValidDate(raw.end) && raw.end.getTime() >= start.getTime()) return raw.end;
  // A broken all-day end still ends at a local midnight, as the schema's all-day rule asks.
  if (raw.allDay) return startOfLocalDay(addDays(startDate, 1), timeZone);
  return new Date(start.getTime() + HOUR_MS);
}

/** The key that stands for a UID when the source gives none: normalised title and link. */
function derivedUid(title: string, url: string | null): string {
  return `${titleKey(title)}|${url ?? ''}`;
}

/**
 * Turns one parser occurrence into a schema-valid Event (see the module's index for the rules).
 * Throws {@link NormalizeError} when it cannot; {@link normalizeEvents} turns that into a problem.
 */
export function normalizeEvent(raw: RawEvent, source: SourceContext): Event {
  if (!isValidDate(raw.start)) throw new NormalizeError('start is not a valid date');
  const start = raw.start;
  const timeZone = isKnownZone(raw.timeZone) ? raw.timeZone : source.timeZone;
  if (!isKnownZone(timeZone)) throw new NormalizeError(`no usable time zone ("${raw.timeZone}")`);
  const startDate = /^\d{4}-\d{2}-\d{2}$/.test(raw.startDate) ? raw.startDate : localDateOf(start, timeZone);

  const { title, cancelled } = readTitle(raw.title);
  if (title === '') throw new NormalizeError('title is empty');
  const description = truncateAtWord(raw.description === null ? '' : htmlToText(raw.description), MAX_DESCRIPTION_LENGTH);
  const url = cleanUrl(raw.url);

  const parsed = raw.location === null ? null : parseLocation(raw.location, source.place?.region);
  const signals = detectOnline(raw, parsed?.onlineOnly ?? false);
  const { venue, onlineHint } = resolveVenue(raw, parsed, signals.online, source);
  const classification = classifyEvent(title, raw.categories.length === 0 ? description : `${description}\n${raw.categories.join(', ')}`, source);
  const organizer = raw.organizer === null ? '' : toSingleLine(raw.organizer);

  const content = {
    title,
    start: start.toISOString(),
    end: readEnd(raw, start, startDate, timeZone).toISOString(),
    allDay: raw.allDay,
    startDate,
    timeZone,
    status: cancelled || raw.status === 'cancelled' ? ('cancelled' as const) : ('confirmed' as const),
    online: signals.online || onlineHint,
    onlineUrl: signals.onlineUrl,
    venue,
    url,
    organizer: organizer === '' ? null : truncateAtWord(organizer, MAX_ORGANIZER_LENGTH),
    description,
    cost: readCost(title, description, raw.offers),
    ...classification,
  };
  const key = raw.uid ?? derivedUid(title, url);
  const candidate = {
    id: shortHash(`${source.id}\u0000${key}\u0000${content.start}`),
    ...content,
    sources: [{ id: source.id, name: source.name, uid: key.slice(0, MAX_UID_LENGTH) }],
    contentHash: shortHash(JSON.stringify(content, CONTENT_KEYS)),
  };
  const checked = CheckedEventSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new NormalizeError(`not a valid event: ${issue === undefined ? 'unknown issue' : `${issue.path.join('.')}: ${issue.message}`}`, { cause: checked.error });
  }
  return checked.data;
}

function describe(raw: RawEvent, index: number): string {
  const title = typeof raw.title === 'string' ? toSingleLine(raw.title).slice(0, 80) : '';
  return `event ${index + 1}${raw.uid === null ? '' : ` (UID ${raw.uid.slice(0, 120)})`}${title === '' ? '' : ` "${title}"`}`;
}

/**
 * Normalises a parser's occurrences. Each output passes `EventSchema`; an occurrence that cannot
 * become a valid Event is reported as a problem and the rest still count.
 */
export function normalizeEvents(raws: readonly RawEvent[], source: SourceContext): { events: Event[]; problems: ParseProblem[] } {
  const events: Event[] = [];
  const problems: ParseProblem[] = [];
  raws.forEach((raw, index) => {
    try {
      events.push(normalizeEvent(raw, source));
    } catch (error) {
      // One odd occurrence must not cost the source its other events; a bug still shows as a problem.
      const message = error instanceof NormalizeError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      problems.push({ message, where: describe(raw, index) });
    }
  });
  return { events, problems };
}

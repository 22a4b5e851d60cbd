import * as z from 'zod';
import { isIanaTimeZone } from '../model/common';
import { EventSchema, MAX_DESCRIPTION_LENGTH, MAX_SCHEDULE_TEXT_LENGTH, type Event } from '../model/event';
import type { ParseProblem, RawEvent } from '../model/raw-event';
import type { SourceContext } from '../model/source';
import { addDays, localDateOfCached as localDateOf, startOfLocalDayCached as startOfLocalDay } from '../time/zoned';
import { classifyEvent } from './audience';
import { ContentHasher, type Timing } from './content-hash';
import { readCost } from './cost';
import { tagFields } from './fields';
import { shortHash } from './hash';
import { parseLocation, type ParsedLocation } from './location';
import { type EventTemplate, NormalizeMemo } from './memo';
import { detectOnline } from './online';
import { htmlToText, toSingleLine, truncateAtWord } from './text';
import { titleKey } from './title-similarity';
import { cleanUrl, isStoredUrl } from './url';
import { resolveVenue } from './venue';
import { lazySchema } from '../model/lazy-schema';

const HOUR_MS = 3_600_000;
const MAX_TITLE_LENGTH = 300;
const MAX_ORGANIZER_LENGTH = 200;
const MAX_UID_LENGTH = 500;

/** Tribe and others cancel by editing the title: "(Cancelled)", "CANCELLED:", "[Canceled] -". */
const CANCELLED_PREFIX = /^\s*[[(]?\s*(?:cancell?ed|event cancell?ed)\s*[\])]?\s*(?:[:\-–—|!]+\s*)?(?=\S)/i;
const CANCELLED_ANYWHERE = /\s*[[(]\s*(?:cancell?ed|event cancell?ed)\s*[\])]\s*|\s+[-–—:|]\s*cancell?ed\s*$/gi;

// Links come from cleanUrl, which already parsed them: the schema's URL check asks it first.
const StoredUrlSchema = lazySchema(() => z.string().max(2048).refine(isStoredUrl, { message: 'must be an http(s) URL without credentials' }).nullable());
const CheckedEventSchema = lazySchema(() => EventSchema.extend({
  onlineUrl: StoredUrlSchema,
  url: StoredUrlSchema,
}));


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
  return normalizeWith(raw, source, new NormalizeMemo());
}


function timingOf(raw: RawEvent, source: SourceContext): Timing {
  if (!isValidDate(raw.start)) throw new NormalizeError('start is not a valid date');
  const start = raw.start;
  const timeZone = isIanaTimeZone(raw.timeZone) ? raw.timeZone : source.timeZone;
  if (!isIanaTimeZone(timeZone)) throw new NormalizeError(`no usable time zone ("${raw.timeZone}")`);
  const startDate = /^\d{4}-\d{2}-\d{2}$/.test(raw.startDate) ? raw.startDate : localDateOf(start, timeZone);
  return { start: start.toISOString(), end: readEnd(raw, start, startDate, timeZone).toISOString(), allDay: raw.allDay, startDate, timeZone };
}

/** Checks only the per-occurrence fields: the rest was checked once with the template. */
const OccurrenceSchema = lazySchema(() => CheckedEventSchema.pick({ id: true, start: true, end: true, allDay: true, startDate: true, timeZone: true, contentHash: true }));

function normalizeWith(raw: RawEvent, source: SourceContext, memo: NormalizeMemo): Event {
  const timing = timingOf(raw, source);
  const template = memo.templateFor(raw);
  if (template === undefined) return buildTemplate(raw, source, timing, memo).event;
  const { event, key } = template;
  const candidate: Event = {
    id: shortHash(`${source.id}\u0000${key}\u0000${timing.start}`),
    title: event.title,
    start: timing.start,
    end: timing.end,
    allDay: timing.allDay,
    startDate: timing.startDate,
    timeZone: timing.timeZone,
    status: event.status,
    online: event.online,
    onlineUrl: event.onlineUrl,
    venue: event.venue === null ? null : { ...event.venue },
    url: event.url,
    organizer: event.organizer,
    description: event.description,
    cost: { ...event.cost },
    audience: event.audience,
    audienceReason: event.audienceReason,
    category: event.category,
    fields: [...event.fields],
    provenance: event.provenance,
    scheduleText: event.scheduleText,
    sources: event.sources.map((ref) => ({ ...ref })),
    contentHash: template.hash.digestWith(timing),
  };
  check(OccurrenceSchema, candidate);
  return candidate;
}

/** Works out the text-derived fields, validates the whole Event, and remembers it as a template. */
function buildTemplate(raw: RawEvent, source: SourceContext, timing: Timing, memo: NormalizeMemo): EventTemplate {
  const { title, cancelled } = readTitle(raw.title);
  if (title === '') throw new NormalizeError('title is empty');
  const description = readDescription(raw.description, memo);
  const url = cleanUrl(raw.url);

  const parsed = raw.location === null ? null : readLocation(raw.location, source, memo);
  const signals = detectOnline(raw, parsed?.onlineOnly ?? false);
  const { venue, onlineHint } = resolveVenue(raw, parsed, signals.online, source);
  const classification = classifyEvent(title, raw.categories.length === 0 ? description : `${description}\n${raw.categories.join(', ')}`, source, memo.descriptionRules);
  const organizer = raw.organizer === null ? '' : toSingleLine(raw.organizer);

  const content = {
    title,
    ...timing,
    status: cancelled || raw.status === 'cancelled' ? ('cancelled' as const) : ('confirmed' as const),
    online: signals.online || onlineHint,
    onlineUrl: signals.onlineUrl,
    venue,
    url,
    organizer: organizer === '' ? null : truncateAtWord(organizer, MAX_ORGANIZER_LENGTH),
    description,
    cost: readCost(title, description, raw.offers, memo.descriptionWords),
    ...classification,
    fields: tagFields({ title, description, organizer: organizer === '' ? null : organizer, categories: raw.categories }, source, memo.fields),
    provenance: raw.provenance,
    scheduleText: raw.scheduleText == null ? null : truncateAtWord(toSingleLine(raw.scheduleText), MAX_SCHEDULE_TEXT_LENGTH),
  };
  const key = raw.uid ?? derivedUid(title, url);
  const hash = new ContentHasher(content);
  const candidate = {
    id: shortHash(`${source.id}\u0000${key}\u0000${content.start}`),
    ...content,
    sources: [{ id: source.id, name: source.name, uid: key.slice(0, MAX_UID_LENGTH) }],
    contentHash: hash.digestWith(timing),
  };
  const template = { raw, event: check(CheckedEventSchema, candidate), key, hash };
  memo.remember(template);
  return template;
}

function check<T>(schema: z.ZodType<T>, candidate: unknown): T {
  const checked = schema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new NormalizeError(`not a valid event: ${issue === undefined ? 'unknown issue' : `${issue.path.join('.')}: ${issue.message}`}`, { cause: checked.error });
  }
  return checked.data;
}

function readDescription(raw: string | null, memo: NormalizeMemo): string {
  if (raw === null) return '';
  let description = memo.descriptions.get(raw);
  if (description === undefined) {
    description = truncateAtWord(htmlToText(raw), MAX_DESCRIPTION_LENGTH);
    memo.descriptions.set(raw, description);
  }
  return description;
}

function readLocation(raw: string, source: SourceContext, memo: NormalizeMemo): ParsedLocation {
  let parsed = memo.locations.get(raw);
  if (parsed === undefined) {
    parsed = parseLocation(raw, source.place?.region);
    memo.locations.set(raw, parsed);
  }
  // The parse is shared between events; its urls array is the only part a caller could change.
  return { ...parsed, urls: [...parsed.urls] };
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
  const memo = new NormalizeMemo();
  raws.forEach((raw, index) => {
    try {
      events.push(normalizeWith(raw, source, memo));
    } catch (error) {
      // One odd occurrence must not cost the source its other events; a bug still shows as a problem.
      const message = error instanceof NormalizeError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      problems.push({ message, where: describe(raw, index) });
    }
  });
  return { events, problems };
}

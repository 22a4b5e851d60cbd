import type { Provenance } from './event';

/**
 * What a parser (iCalendar, HTML) yields before normalisation: one occurrence, with times already
 * resolved to instants but text, place, cost and audience still as the source wrote them.
 */
export interface RawEvent {
  /** UID, JSON-LD `@id`, or null when the source has none (normalise derives one). */
  uid: string | null;
  title: string;
  start: Date;
  /** Exclusive end, or null when the source gives none. */
  end: Date | null;
  allDay: boolean;
  /** Local calendar date of the start in `timeZone`, `YYYY-MM-DD`. */
  startDate: string;
  /** IANA zone the times were read in (the event's, the calendar's, or the source's default). */
  timeZone: string;
  status: 'confirmed' | 'cancelled';
  /** Free-text location as written (`Name, 14 Summer St, Waltham, MA 02451`). */
  location: string | null;
  /** Structured place when the source provides one (JSON-LD Place, h-card, VVENUE). */
  venue: RawVenue | null;
  geo: { lat: number; lon: number } | null;
  url: string | null;
  organizer: string | null;
  /** Description as written; may hold HTML (normalise turns it into plain text). */
  description: string | null;
  /** schema.org eventAttendanceMode, when given. */
  attendanceMode: 'online' | 'offline' | 'mixed' | null;
  onlineUrl: string | null;
  offers: RawOffer[];
  categories: string[];
  /** How the parser read it (see `Provenance`). */
  provenance: Provenance;
  /** The schedule sentence, for `schedule-text` occurrences. */
  scheduleText?: string | null;
}

/**
 * A RawEvent from the fields a reader knows, every other one empty (no place, link, text, offers or
 * categories; confirmed). For readers whose sources say little: platform APIs, schedule sentences.
 */
export function newRawEvent(
  fields: Pick<RawEvent, 'uid' | 'title' | 'start' | 'end' | 'allDay' | 'startDate' | 'timeZone'> & Partial<RawEvent>,
  provenance: Provenance,
): RawEvent {
  return { ...emptyDetails(), ...fields, provenance };
}

/** The fields a reader fills only when its source says so, all empty (fresh arrays each call). */
export function emptyDetails(): Pick<
  RawEvent,
  'status' | 'location' | 'venue' | 'geo' | 'url' | 'organizer' | 'description' | 'attendanceMode' | 'onlineUrl' | 'offers' | 'categories'
> {
  return {
    status: 'confirmed',
    location: null,
    venue: null,
    geo: null,
    url: null,
    organizer: null,
    description: null,
    attendanceMode: null,
    onlineUrl: null,
    offers: [],
    categories: [],
  };
}

export interface RawVenue {
  name?: string | null;
  address?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface RawOffer {
  price: number | null;
  currency: string | null;
  /** Offer name or free text ("Members", "Free for job seekers"). */
  text: string | null;
}

/** Something in an input that could not be read; the rest of the input still counts. */
export interface ParseProblem {
  message: string;
  /** Where in the input: `VEVENT 12 (UID abc)`, `JSON-LD block 3`, `line 152`. */
  where?: string;
}

/**
 * Limits that keep one hostile document from stalling the ingest or exhausting memory. A parser
 * that reaches one stops, keeps nothing past it, and says so in `ParseResult.budgetExceeded`.
 */
export interface ParseBudget {
  /** Most occurrences one document may yield (a source's event cap). */
  maxOccurrences: number;
  /** Most recurrence-rule iterations over all the document's series together. */
  maxIterations: number;
}

/** The budget a parse gets when its caller names none. */
export const DEFAULT_PARSE_BUDGET: ParseBudget = { maxOccurrences: 5_000, maxIterations: 200_000 };

export interface ParseResult {
  events: RawEvent[];
  problems: ParseProblem[];
  /** Set when the document went over its `ParseBudget`: which limit, in a few words. */
  budgetExceeded?: string;
  meta: {
    /** X-WR-CALNAME / NAME, or the page title. */
    calendarName?: string;
    /** REFRESH-INTERVAL or X-PUBLISHED-TTL in seconds, when the feed states one. */
    refreshIntervalSeconds?: number;
  };
}

/** The window occurrences must start in, and how to read times that carry no zone. */
export interface ParseOptions {
  from: Date;
  to: Date;
  /** Zone for floating times when the input names none (the source's configured zone). */
  defaultTimeZone: string;
  /** URL the input came from, to resolve relative links. */
  baseUrl?: string;
  /** Limits for this document; `DEFAULT_PARSE_BUDGET` when absent. */
  budget?: ParseBudget;
}

/**
 * Platform APIs: the public JSON of The Events Calendar, Squarespace, Localist and LibCal, read
 * with zod schemas of each platform's documented shape. The platform is recognised from the
 * document itself, so a source only says `fetch: "json"` (or nothing: `readDocument` detects it).
 */
import type { ParseOptions, ParseResult } from '../../model/raw-event';
import { eventsCalendarReader } from './events-calendar';
import { libcalReader } from './libcal';
import { localistReader } from './localist';
import { squarespaceReader } from './squarespace';
import type { PlatformId, PlatformReader } from './types';

export type { PlatformId } from './types';
export { parseWallClock, instantOf, type WallClock } from './wall-clock';

/** Most specific first: Localist's `page` object tells it from The Events Calendar's pages. */
const READERS: readonly PlatformReader[] = [localistReader, eventsCalendarReader, squarespaceReader, libcalReader];

/** A platform page's events, plus which platform it was and where its next page is. */
export interface PlatformParseResult extends ParseResult {
  platform: PlatformId | null;
  /** Absolute URL of the next page of a paged API, when the page names one. */
  nextPageUrl?: string;
}

/** True when `text` starts (after a BOM and white space) like a JSON object or array. */
export function looksLikeJson(text: string): boolean {
  return /^[[{]/.test(text.slice(0, 256).replace(/^\uFEFF/, '').trimStart());
}

/** The human name of a platform, for notes and messages. */
export function platformLabel(id: PlatformId): string {
  return READERS.find((reader) => reader.id === id)?.label ?? id;
}

/**
 * Reads a platform's JSON document: recognises the platform, then yields the occurrences that
 * start in [from, to]. Text that is not JSON, or JSON of no known platform, gives no events and a
 * problem saying so; an item that does not match its platform's shape is a problem naming it.
 * Never throws.
 */
export function parsePlatformJson(text: string, options: ParseOptions): PlatformParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { platform: null, events: [], problems: [{ message: `not valid JSON (${reason.slice(0, 160)})` }], meta: {} };
  }
  const reader = READERS.find((candidate) => candidate.matches(value));
  if (reader === undefined) {
    return {
      platform: null,
      events: [],
      problems: [{ message: 'JSON of no platform Netmix reads (The Events Calendar, Squarespace, Localist, LibCal)' }],
      meta: {},
    };
  }
  try {
    const read = reader.read(value, options);
    const result: PlatformParseResult = {
      platform: reader.id,
      events: read.events.sort((a, b) => a.start.getTime() - b.start.getTime()),
      problems: read.problems,
      meta: read.calendarName === undefined ? {} : { calendarName: read.calendarName },
    };
    if (read.nextPageUrl !== undefined) result.nextPageUrl = read.nextPageUrl;
    return result;
  } catch (error) {
    // A reader bug must not take the ingest of this source down with it; say what happened.
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { platform: reader.id, events: [], problems: [{ message: `${reader.label} could not be read (${reason.slice(0, 160)})` }], meta: {} };
  }
}

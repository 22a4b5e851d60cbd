/**
 * One entry for every kind of source: detect what a fetched text is, parse it with the adapter for
 * its kind, and normalise the occurrences into Events. A new source is a config entry, not code.
 */
import type { Event } from '../model/event';
import type { ParseOptions, ParseProblem, ParseResult } from '../model/raw-event';
import type { SelectorRecipe, SourceContext } from '../model/source';
import { normalizeEvents } from '../normalize';
import { looksLikeHtml, parseHtml } from './html';
import { parseIcal } from './ical';
import { looksLikeJson, parsePlatformJson, type PlatformId } from './platforms';
import { parseScheduleEntry, parseScheduleText, type ScheduleEntry } from './schedule-text';

export type DocumentKind = 'ical' | 'html' | 'json';
export type { PlatformId } from './platforms';

/** The input is neither an iCalendar feed nor an HTML page. */
export class UnknownDocumentError extends Error {
  override readonly name = 'UnknownDocumentError';
  constructor() {
    super('neither an iCalendar feed nor an HTML page');
  }
}

/** What a text is, from its first bytes: `BEGIN:VCALENDAR` → ical, `{`/`[` → json, markup → html, else null. */
export function detectKind(text: string): DocumentKind | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ical';
  if (looksLikeJson(head)) return 'json';
  if (looksLikeHtml(head)) return 'html';
  return null;
}

export interface ReadOptions extends ParseOptions {
  /** Expected kind (from the source config); when absent it is detected from the content. */
  kind?: DocumentKind;
  recipe?: SelectorRecipe;
}

export interface ReadResult {
  kind: DocumentKind;
  events: Event[];
  problems: ParseProblem[];
  calendarName?: string;
  refreshIntervalSeconds?: number;
  /** For `json`: the platform recognised (null when none was). */
  platform?: PlatformId | null;
  /** For a paged platform API: the absolute URL of the next page. */
  nextPageUrl?: string;
  /** Set when the document went over its budget (see `ParseResult.budgetExceeded`). */
  budgetExceeded?: string;
}

function parsePage(text: string, options: ReadOptions): ParseResult {
  const parsed = parseHtml(text, options.recipe ? { ...options, recipe: options.recipe } : options);
  if (parsed.events.length > 0) return parsed;
  // A page with no event markup may still say when its group meets, in a sentence.
  const sentences = parseScheduleText(text, options);
  const result: ParseResult = { events: sentences.events, problems: [...parsed.problems, ...sentences.problems], meta: parsed.meta };
  const exceeded = sentences.budgetExceeded ?? parsed.budgetExceeded;
  if (exceeded !== undefined) result.budgetExceeded = exceeded;
  return result;
}

/**
 * Parses `text` (a feed or a page) and normalises its occurrences for `source`. A page's structured
 * events (JSON-LD, microdata, microformats, a selector recipe) are used when it has any; otherwise
 * its schedule sentences are read. Throws `UnknownDocumentError` only when the text is neither
 * kind; problems inside are values.
 */
export function readDocument(text: string, source: SourceContext, options: ReadOptions): ReadResult {
  const kind = detectKind(text) ?? options.kind ?? null;
  if (kind === null) throw new UnknownDocumentError();
  const platform = kind === 'json' ? parsePlatformJson(text, options) : null;
  const parsed = platform ?? (kind === 'ical' ? parseIcal(text, options) : parsePage(text, options));
  const result = toReadResult(kind, parsed, source);
  if (platform !== null) result.platform = platform.platform;
  if (platform?.nextPageUrl !== undefined) result.nextPageUrl = platform.nextPageUrl;
  return result;
}

/**
 * Reads a sources-file entry's own `schedule` sentence (a group with no page to fetch) and
 * normalises its occurrences for `source`. Never throws.
 */
export function readScheduleEntry(entry: ScheduleEntry, source: SourceContext, options: ParseOptions): ReadResult {
  return toReadResult('html', parseScheduleEntry(entry, options), source);
}

function toReadResult(kind: DocumentKind, parsed: ParseResult, source: SourceContext): ReadResult {
  const normalized = normalizeEvents(parsed.events, source);
  const result: ReadResult = {
    kind,
    events: normalized.events,
    problems: [...parsed.problems, ...normalized.problems],
  };
  if (parsed.meta.calendarName !== undefined) result.calendarName = parsed.meta.calendarName;
  if (parsed.meta.refreshIntervalSeconds !== undefined) result.refreshIntervalSeconds = parsed.meta.refreshIntervalSeconds;
  if (parsed.budgetExceeded !== undefined) result.budgetExceeded = parsed.budgetExceeded;
  return result;
}

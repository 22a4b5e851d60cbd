/**
 * One entry for every kind of source: detect what a fetched text is, parse it with the adapter for
 * its kind, and normalise the occurrences into Events. A new source is a config entry, not code.
 */
import type { Event } from '../model/event';
import type { ParseOptions, ParseProblem } from '../model/raw-event';
import type { SelectorRecipe, SourceContext } from '../model/source';
import { normalizeEvents } from '../normalize';
import { looksLikeHtml, parseHtml } from './html';
import { parseIcal } from './ical';

export type DocumentKind = 'ical' | 'html';

/** The input is neither an iCalendar feed nor an HTML page. */
export class UnknownDocumentError extends Error {
  override readonly name = 'UnknownDocumentError';
  constructor() {
    super('neither an iCalendar feed nor an HTML page');
  }
}

/** What a text is, from its first bytes: `BEGIN:VCALENDAR` → ical, markup → html, else null. */
export function detectKind(text: string): DocumentKind | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ical';
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
  /** Set when the document went over its budget (see `ParseResult.budgetExceeded`). */
  budgetExceeded?: string;
}

/**
 * Parses `text` (a feed or a page) and normalises its occurrences for `source`.
 * Throws `UnknownDocumentError` only when the text is neither kind; problems inside are values.
 */
export function readDocument(text: string, source: SourceContext, options: ReadOptions): ReadResult {
  const kind = detectKind(text) ?? options.kind ?? null;
  if (kind === null) throw new UnknownDocumentError();
  const parsed =
    kind === 'ical'
      ? parseIcal(text, options)
      : parseHtml(text, options.recipe ? { ...options, recipe: options.recipe } : options);
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

import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { isIanaTimeZone } from '../../model/common';
import type { ParseOptions, ParseProblem, ParseResult, RawEvent } from '../../model/raw-event';
import { DEFAULT_PARSE_BUDGET } from '../../model/raw-event';
import type { SelectorRecipe } from '../../model/source';
import type { Candidate } from './candidate';
import { candidateToEvent } from './candidate';
import type { ElementVisitor } from './dom-walk';
import { attributeOf, BoundedText, ownText, walkElements } from './dom-walk';
import { extractJsonLd } from './json-ld';
import { parseDocumentLinear } from './linear-parser';
import { mergeSamePageDuplicates } from './merge';
import { extractMicrodata, MicrodataCollector } from './microdata';
import { extractMicroformats, microformatCollectors } from './microformats';
import { extractWithRecipe } from './selector-recipe';
import { cleanText } from './text';
import { applyWixDates, extractWixWarmup } from './wix';

/** Options for {@link parseHtml}: the window and zone, plus the source's selector recipe if it has one. */
export interface HtmlParseOptions extends ParseOptions {
  recipe?: SelectorRecipe;
}

/** The page-level parts the extractors need: its title and its script blocks. */
class PageCollector implements ElementVisitor {
  title: Element | null = null;
  readonly jsonLd: string[] = [];
  wixWarmup: string | null = null;

  enter(element: Element): void {
    if (element.name === 'title') this.title ??= element;
    if (element.name !== 'script') return;
    if ((attributeOf(element, 'type') ?? '').toLowerCase().includes('ld+json')) this.jsonLd.push(ownText(element));
    if (attributeOf(element, 'id') === 'wix-warmup-data') this.wixWarmup ??= ownText(element);
  }

  leave(): void {}
}

function parsePage(html: string, options: HtmlParseOptions): ParseResult {
  const problems: ParseProblem[] = [];
  let timeZone = options.defaultTimeZone;
  if (!isIanaTimeZone(timeZone)) {
    problems.push({ message: `default time zone "${timeZone.slice(0, 60)}" is not an IANA zone; reading times as UTC` });
    timeZone = 'UTC';
  }
  const baseUrl = options.baseUrl;
  const document = parseDocumentLinear(html);
  // One walk feeds every extractor, so the work is linear in the page whatever its nesting.
  const page = new PageCollector();
  const microdata = new MicrodataCollector();
  const microformats = microformatCollectors();
  walkElements(document, [page, microdata, ...microformats]);
  const text = new BoundedText();

  const jsonLd = extractJsonLd(page.jsonLd, baseUrl);
  problems.push(...jsonLd.problems);
  const candidates: Candidate[] = [
    ...jsonLd.candidates,
    ...extractMicrodata(microdata, text, baseUrl),
    ...extractMicroformats(microformats, text, baseUrl),
  ];
  if (options.recipe !== undefined) {
    const recipe = extractWithRecipe(load(document), options.recipe, { from: options.from, timeZone, baseUrl });
    problems.push(...recipe.problems);
    candidates.push(...recipe.candidates);
  }
  candidates.push(...applyWixDates(candidates, extractWixWarmup(page.wixWarmup)));

  const events: RawEvent[] = [];
  const from = options.from.getTime();
  const to = options.to.getTime();
  for (const candidate of candidates) {
    const outcome = candidateToEvent(candidate, timeZone);
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    const start = outcome.event.start.getTime();
    if (start >= from && start <= to) events.push(outcome.event);
  }

  const merged = mergeSamePageDuplicates(events).sort((a, b) => a.start.getTime() - b.start.getTime());
  const calendarName = page.title === null ? null : cleanText(text.of(page.title));
  const result: ParseResult = { events: merged, problems, meta: calendarName === null ? {} : { calendarName } };
  const cap = (options.budget ?? DEFAULT_PARSE_BUDGET).maxOccurrences;
  if (merged.length > cap) {
    // Over the source's event cap: keep the earliest, and say so (the ingest keeps what it stored).
    result.events = merged.slice(0, cap);
    result.budgetExceeded = `the page lists more than ${cap} events`;
  }
  return result;
}

/**
 * Extracts the events of an HTML page: schema.org Events in JSON-LD and microdata, h-event and
 * classic hCalendar, Wix warmup data, and, when the source has one, its CSS-selector recipe.
 * Returns the events that start in [from, to]; a block or item that cannot be read becomes a
 * problem and the rest of the page still counts. Never throws.
 */
export function parseHtml(html: string, options: HtmlParseOptions): ParseResult {
  try {
    return parsePage(html, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { events: [], problems: [{ message: `page could not be parsed (${reason.slice(0, 200)})` }], meta: {} };
  }
}

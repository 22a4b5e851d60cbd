import { load } from 'cheerio/slim';
import { isIanaTimeZone } from '../../model/common';
import type { ParseOptions, ParseProblem, ParseResult, RawEvent } from '../../model/raw-event';
import type { SelectorRecipe } from '../../model/source';
import type { Candidate } from './candidate';
import { candidateToEvent } from './candidate';
import { extractJsonLd } from './json-ld';
import { mergeSamePageDuplicates } from './merge';
import { extractMicrodata } from './microdata';
import { extractMicroformats } from './microformats';
import { extractWithRecipe } from './selector-recipe';
import { cleanText } from './text';
import { applyWixDates, extractWixWarmup } from './wix';

/** Options for {@link parseHtml}: the window and zone, plus the source's selector recipe if it has one. */
export interface HtmlParseOptions extends ParseOptions {
  recipe?: SelectorRecipe;
}

function parsePage(html: string, options: HtmlParseOptions): ParseResult {
  const problems: ParseProblem[] = [];
  let timeZone = options.defaultTimeZone;
  if (!isIanaTimeZone(timeZone)) {
    problems.push({ message: `default time zone "${timeZone.slice(0, 60)}" is not an IANA zone; reading times as UTC` });
    timeZone = 'UTC';
  }
  const baseUrl = options.baseUrl;
  const $ = load(html);

  const jsonLd = extractJsonLd($, baseUrl);
  problems.push(...jsonLd.problems);
  const candidates: Candidate[] = [...jsonLd.candidates, ...extractMicrodata($, baseUrl), ...extractMicroformats($, baseUrl)];
  if (options.recipe !== undefined) {
    const recipe = extractWithRecipe($, options.recipe, { from: options.from, timeZone, baseUrl });
    problems.push(...recipe.problems);
    candidates.push(...recipe.candidates);
  }
  candidates.push(...applyWixDates(candidates, extractWixWarmup($)));

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
  const calendarName = cleanText($('title').first().text());
  return { events: merged, problems, meta: calendarName === null ? {} : { calendarName } };
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

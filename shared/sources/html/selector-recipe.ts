import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { ParseProblem } from '../../model/raw-event';
import type { SelectorRecipe } from '../../model/source';
import type { Candidate } from './candidate';
import { emptyCandidate } from './candidate';
import type { PageDate } from './dates';
import { parsePageDate } from './dates';
import type { DomElement } from './dom';
import { collapsedText } from './dom';
import { findCalendarDate, findTimeRange } from './human-dates';
import { cleanText } from './text';
import { isSpecificUrl, safeUrl } from './urls';

interface RecipeContext {
  from: Date;
  timeZone: string;
  baseUrl: string | undefined;
}

/** Runs a selector; a selector cheerio cannot parse selects nothing (and is reported once). */
function select(scope: Cheerio<DomElement>, selector: string): Cheerio<DomElement> | null {
  try {
    return scope.find(selector).first();
  } catch {
    return null;
  }
}

/** A machine-readable attribute (on the element or inside it) if the page has one, and the visible text. */
function dateSource(element: Cheerio<DomElement>): { machine: string | null; text: string | null } {
  const machine =
    element.attr('datetime') ??
    element.attr('content') ??
    element.find('[datetime]').first().attr('datetime') ??
    element.find('[content]').first().attr('content') ??
    null;
  return { machine, text: collapsedText(element) };
}

function linkOf(element: Cheerio<DomElement>): string | null {
  const own = element.attr('href');
  if (own !== undefined) return own;
  return element.find('a[href]').first().attr('href') ?? null;
}

/** Reads date (and time) texts into a start and optional end in the source's zone. */
function readWhen(
  dateText: string,
  timeText: string | null,
  context: RecipeContext,
): { start: PageDate; end: PageDate | null } | null {
  const found = findCalendarDate(dateText, context.from, context.timeZone);
  if (found === null) return null;
  const rest = dateText.slice(0, found.index) + ' ' + dateText.slice(found.index + found.length);
  const range = findTimeRange(timeText ?? rest) ?? (timeText === null ? null : findTimeRange(rest));
  const { year, month, day } = found.date;
  if (range === null) return { start: { kind: 'date', year, month, day }, end: null };
  const start: PageDate = { kind: 'local', local: { year, month, day, hour: range.start.hour, minute: range.start.minute, second: 0 } };
  if (range.end === null) return { start, end: null };
  // An end earlier than the start (`10pm-1am`) runs past midnight into the next day.
  const endsNextDay = range.end.hour * 60 + range.end.minute <= range.start.hour * 60 + range.start.minute;
  const endDay = new Date(Date.UTC(year, month - 1, day + (endsNextDay ? 1 : 0)));
  const end: PageDate = {
    kind: 'local',
    local: {
      year: endDay.getUTCFullYear(),
      month: endDay.getUTCMonth() + 1,
      day: endDay.getUTCDate(),
      hour: range.end.hour,
      minute: range.end.minute,
      second: 0,
    },
  };
  return { start, end };
}

function readRecipeItem(
  item: Cheerio<DomElement>,
  recipe: SelectorRecipe,
  where: string,
  context: RecipeContext,
): Candidate {
  const candidate = emptyCandidate(where, 'selector-recipe');
  const titleElement = select(item, recipe.title);
  candidate.title = titleElement === null ? null : cleanText(titleElement.text());
  const dateElement = select(item, recipe.date);
  const timeElement = recipe.time === undefined ? null : select(item, recipe.time);
  const date = dateElement === null || dateElement.length === 0 ? null : dateSource(dateElement);
  const time = timeElement === null || timeElement.length === 0 ? null : dateSource(timeElement);
  const machine = date?.machine === null || date?.machine === undefined ? null : parsePageDate(date.machine);
  if (machine !== null && machine.kind !== 'date') {
    candidate.start = machine;
  } else {
    // A date-only attribute still leaves the time to the visible text or the time selector.
    const dateText = machine !== null ? (date?.machine ?? null) : (date?.text ?? null);
    const timeText = time?.text ?? (machine !== null ? (date?.text ?? null) : null);
    const when = dateText === null ? null : readWhen(dateText, timeText, context);
    candidate.start = when?.start ?? null;
    candidate.end = when?.end ?? null;
    candidate.startText = dateText;
  }
  if (recipe.place !== undefined) {
    const place = select(item, recipe.place);
    candidate.location = place === null ? null : cleanText(place.text());
  }
  if (recipe.link !== undefined) {
    const link = select(item, recipe.link);
    candidate.url = link === null ? null : safeUrl(linkOf(link), context.baseUrl);
  } else {
    candidate.url = safeUrl(titleElement === null ? null : linkOf(titleElement), context.baseUrl);
  }
  candidate.uid = candidate.url !== null && isSpecificUrl(candidate.url, context.baseUrl) ? candidate.url : null;
  if (recipe.description !== undefined) {
    const description = select(item, recipe.description);
    candidate.description = description === null ? null : cleanText(description.text());
  }
  return candidate;
}

/** Events from a plain list read with the source's CSS selectors. */
export function extractWithRecipe(
  $: CheerioAPI,
  recipe: SelectorRecipe,
  context: RecipeContext,
): { candidates: Candidate[]; problems: ParseProblem[] } {
  let items: Cheerio<DomElement>;
  try {
    items = $.root().find(recipe.item);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable selector';
    return { candidates: [], problems: [{ message: `recipe item selector is invalid (${reason.slice(0, 120)})`, where: 'recipe' }] };
  }
  const candidates = items.toArray().map((element, index) => readRecipeItem($(element), recipe, `recipe item ${index + 1}`, context));
  return { candidates, problems: [] };
}

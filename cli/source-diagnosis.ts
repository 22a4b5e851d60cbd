/**
 * Why a source yields nothing, in words an operator can act on: the fetch failure named for what it
 * is (a missing page, a host that does not exist or refuses connections), and for a page that was
 * read, whether it holds no events at all, only past ones, a recipe that matches nothing, or
 * schedule text the reader could not be sure of.
 */
import { FetchError, FetchTimeoutError, HttpStatusError, NetworkError, RobotsUnreachableError } from '../shared/fetch';
import type { ParseProblem } from '../shared/model/raw-event';
import type { SelectorRecipe } from '../shared/model/source';
import { probeRecipe } from './recipe-probe';

/** Every error in `error`'s cause chain, outermost first. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 10; current = current instanceof Error ? current.cause : undefined) chain.push(current);
  return chain;
}

const codeOf = (error: unknown): string | null => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null);

/** A connection-level failure (DNS, refused, reset, timeout) anywhere in the chain, in plain words; else null. */
function connectionFailure(error: unknown, url: URL): string | null {
  const chain = causes(error);
  const codes = chain.map(codeOf);
  const host = url.hostname;
  if (codes.some((code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') || chain.some((item) => item instanceof NetworkError && /could not resolve|has no addresses/.test(item.message))) {
    return `DNS lookup failed: the host ${host} cannot be found; check the address for a typo`;
  }
  if (codes.includes('ECONNREFUSED')) return `connection refused: nothing answers at ${host} on port ${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  if (chain.some((item) => item instanceof FetchTimeoutError)) return `connection failed: ${host} did not answer in time`;
  const network = chain.find((item) => item instanceof NetworkError);
  if (network instanceof NetworkError) {
    const code = codes.find((item) => item !== null && item !== 'network');
    return `connection failed: ${host} could not be reached (${code ?? network.message})`;
  }
  return null;
}

/** One line on why a fetch of `rawUrl` failed. */
export function describeFetchFailure(error: unknown, rawUrl: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return `not a URL: ${rawUrl}`;
  }
  if (error instanceof HttpStatusError) {
    if (error.status === 404 || error.status === 410) return `page not found: ${url.host} answered HTTP ${error.status} for ${url.pathname}${url.search}; check the path`;
    return `${url.host} answered HTTP ${error.status} for ${url.pathname}${url.search}`;
  }
  // robots.txt is fetched first, so a host that cannot be reached at all surfaces as "robots.txt
  // unreachable"; the operator needs to hear about the host, not about robots.txt.
  const connection = error instanceof RobotsUnreachableError || error instanceof NetworkError || error instanceof FetchTimeoutError ? connectionFailure(error, url) : null;
  if (connection !== null) return connection;
  if (error instanceof FetchError) {
    const hint = error.code === 'forbidden-address' ? ' (for a saved copy or an intranet calendar, run with --allow-local)' : '';
    return `${error.code}: ${error.message}${hint}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** What a source's document gave, for `diagnoseEmpty`. */
export interface EmptyReading {
  /** The declared fetch kind and the kind the content turned out to be. */
  declared: string;
  detected: string;
  body: string;
  recipe?: SelectorRecipe;
  problems: readonly ParseProblem[];
  /** Events the same document yields before the window: their count and the latest local date. */
  past: { count: number; latestDate: string | null };
}

const RECIPE_EXAMPLE = '"selectors": { "item": "li.event", "title": "h3", "date": ".date", "time": ".time", "place": ".venue" }';

/** Quotes a problem as the reader reported it (`where: message`). */
const quote = (problem: ParseProblem) => `"${problem.where ? `${problem.where}: ` : ''}${problem.message}"`;

/** Reads problems generically: the schedule-sentence reader names its sentence in the problem it reports. */
const isScheduleProblem = (problem: ParseProblem) => /schedule|sentence/i.test(`${problem.where ?? ''} ${problem.message}`);

/** Why a document that was fetched and read yields no upcoming event, most telling reason first. */
export function diagnoseEmpty(reading: EmptyReading): string[] {
  const reasons: string[] = [];
  if (reading.recipe !== undefined && reading.detected === 'html') {
    const probe = probeRecipe(reading.body, reading.recipe);
    const item = probe.fields[0];
    if (item?.invalid !== undefined) reasons.push(`the recipe's item selector ${JSON.stringify(reading.recipe.item)} is not valid CSS (${item.invalid})`);
    else if (probe.items === 0) reasons.push(`the recipe's item selector ${JSON.stringify(reading.recipe.item)} matched 0 elements on the page; try selectors with \`netmix preview <url> --recipe FILE\``);
    else for (const field of probe.fields.slice(1)) if (field.matched === 0 && (field.field === 'title' || field.field === 'date')) reasons.push(`the recipe's ${field.field} selector ${JSON.stringify(field.selector)} matched nothing in any of the ${probe.items} items`);
  }
  if (reading.past.count > 0) {
    reasons.push(`all ${reading.past.count} events found are in the past; the latest is on ${reading.past.latestDate ?? 'an unknown date'} (is the feed still kept up to date?)`);
  }
  const schedule = reading.problems.filter(isScheduleProblem);
  if (schedule.length > 0) reasons.push(`schedule text found but ambiguous, so no dates were guessed: ${schedule.slice(0, 3).map(quote).join('; ')}`);
  const others = reading.problems.filter((problem) => !isScheduleProblem(problem));
  if (reasons.length === 0 && others.length > 0) reasons.push(`the document has ${others.length} problems, e.g. ${quote(others[0] ?? { message: '' })}`);
  if (reasons.length === 0) {
    if (reading.detected === 'html' && reading.recipe === undefined) {
      reasons.push(`no event markup (JSON-LD, microdata, h-event) and no schedule sentence on the page: add a \`selectors\` recipe, e.g. ${RECIPE_EXAMPLE}`);
    } else if (reading.detected === 'ical') {
      reasons.push('the feed holds no events (no VEVENT) at all');
    } else {
      reasons.push('the document holds no events at all');
    }
  }
  return reasons;
}

/** A warning when the sources file declares one kind and the content is another; else null. */
export function kindMismatch(declared: string, detected: string | null): string | null {
  if (detected === null || detected === declared) return null;
  return `declared "fetch": "${declared}" but the content is ${detected === 'ical' ? 'an iCalendar feed' : detected === 'html' ? 'an HTML page' : `"${detected}"`}: read as ${detected}; set "fetch": "${detected}"`;
}

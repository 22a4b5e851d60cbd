/**
 * Paged platform APIs (The Events Calendar's `next_rest_url`, Localist's `page`): after the first
 * page, follow the next-page links on the same origin and read them all as one document.
 */
import type { FetchLimits, Fetcher } from '../fetch';
import type { Event } from '../model/event';
import type { ReadResult } from '../sources';

/** Most pages one source may take: 20 pages of 50 events is far past any horizon. */
export const MAX_PAGES = 20;

/** A later page that could not be fetched: the whole run fails, so nothing stored is lost. */
export class PageFetchError extends Error {
  override readonly name = 'PageFetchError';
}

/**
 * Reads `first` and every page after it. A later page that fails to fetch throws (stored events of
 * a half-read source must not be marked removed); a next link to another origin, a loop, or more
 * than {@link MAX_PAGES} pages stops the paging with a problem.
 */
export async function readPages(
  fetcher: Fetcher,
  first: { body: string; finalUrl: string },
  read: (body: string, baseUrl: string) => ReadResult | Promise<ReadResult>,
  limits: FetchLimits = {},
): Promise<ReadResult> {
  const result = await read(first.body, first.finalUrl);
  const origin = new URL(first.finalUrl).origin;
  const seen = new Set([first.finalUrl]);
  const ids = new Set(result.events.map((event) => event.id));
  const events: Event[] = [...result.events];
  const problems = [...result.problems];
  let next = result.nextPageUrl;
  let pages = 1;
  while (next !== undefined) {
    if (new URL(next).origin !== origin || seen.has(next)) {
      problems.push({ message: `next page ${next.slice(0, 200)} is on another site or repeats a page; paging stopped` });
      break;
    }
    if (pages >= MAX_PAGES) {
      problems.push({ message: `stopped after ${MAX_PAGES} pages` });
      break;
    }
    seen.add(next);
    const outcome = await fetcher.fetch(next, {}, limits);
    if (outcome.kind !== 'ok') throw new PageFetchError(`page ${pages + 1} (${next}) answered 304 to an unconditional request`);
    const page = await read(outcome.body, outcome.finalUrl);
    pages += 1;
    // A page list that shifts while we read it repeats an event across pages: keep it once.
    for (const event of page.events) {
      if (!ids.has(event.id)) {
        ids.add(event.id);
        events.push(event);
      }
    }
    problems.push(...page.problems.map((problem) => ({ ...problem, where: `page ${pages}${problem.where ? `, ${problem.where}` : ''}` })));
    next = page.nextPageUrl;
  }
  const merged: ReadResult = { ...result, events, problems };
  delete merged.nextPageUrl;
  return merged;
}

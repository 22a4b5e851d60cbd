/**
 * `sources discover`: from an organisation's homepage or events page, every way Netmix can read
 * it, verified and ranked best first, and the sources-file entry to start from. Uses the fetcher
 * and the readers, never the store.
 */
import pLimit from 'p-limit';
import type { Fetcher } from '../fetch';
import type { Event } from '../model/event';
import { detectKind } from '../sources';
import { findCandidates, pageNameOf } from './find-candidates';
import { suggestEntry } from './suggest';
import type { DiscoveredCandidate, Discovery, FoundCandidate } from './types';
import { verifyBody, verifyCandidate, type ReadWindow, type VerifiedCandidate } from './verify';

export type { DiscoveredCandidate, Discovery } from './types';
export { decodeCalendarId, googleCalendarFeed, googleCalendarFeeds } from './google-calendar';
export { findCandidates, pageNameOf } from './find-candidates';
export { guessAudience, guessKind, slugOf, suggestEntry } from './suggest';
export { describeFetchFailure } from './verify';

export interface DiscoverOptions {
  fetcher: Fetcher;
  now: Date;
  /** The region's zone: the window ("upcoming") starts today there, floating times are read in it. */
  timeZone: string;
  /** Days ahead that count as upcoming; default 90. */
  horizonDays?: number;
  /** Candidates verified at once; the fetcher still keeps one request at a time per host. */
  concurrency?: number;
}

/** Most candidates verified for one page, so a link farm costs a bounded number of fetches. */
export const MAX_CANDIDATES = 16;

/**
 * How good a way to read the site is, lower first: a platform's JSON says most (coordinates,
 * cost, online links), then a feed, then the page's own markup, then schedule sentences.
 */
function tierOf(candidate: VerifiedCandidate): number {
  if (candidate.kind === 'json') return 0;
  if (candidate.kind === 'ical') return 1;
  const events = candidate.read?.events ?? [];
  return events.length > 0 && events.every((event) => event.provenance === 'schedule-text') ? 3 : 2;
}

/** Verified before unverified, then those with events, then by tier, then by events listed. */
export function rankCandidates(candidates: readonly VerifiedCandidate[]): VerifiedCandidate[] {
  const key = (candidate: VerifiedCandidate): number[] => [
    candidate.verified ? 0 : 1,
    (candidate.events ?? 0) > 0 ? 0 : 1,
    tierOf(candidate),
    -(candidate.events ?? 0),
  ];
  return [...candidates].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    for (let index = 0; index < left.length; index += 1) {
      const difference = (left[index] ?? 0) - (right[index] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

function pageCandidate(pageUrl: string, body: string, window: ReadWindow): VerifiedCandidate | null {
  const page: FoundCandidate = { url: pageUrl, kind: 'html', platform: null, how: '' };
  const verified = verifyBody(page, body, pageUrl, window);
  const events = verified.read?.events ?? [];
  if (!verified.verified || events.length === 0) return null;
  // Any reader's sentences count, so the schedule-text reader is picked up as soon as it exists.
  const sentences = events.filter((event) => event.provenance === 'schedule-text').length;
  const how =
    sentences === events.length
      ? 'schedule sentences on the page'
      : sentences > 0
        ? 'events marked up on the page (schema.org, microformats) and schedule sentences'
        : 'events marked up on the page (schema.org, microformats)';
  return { ...verified, note: `${how}; ${verified.note.replace(/^; /, '')}` };
}

function publicCandidate(candidate: VerifiedCandidate): DiscoveredCandidate {
  const { url, kind, platform, verified, events, note } = candidate;
  return { url, kind, platform, verified, events, note };
}

/**
 * Discovers how to read `url`. Throws the fetcher's error only when `url` itself cannot be fetched;
 * a candidate that fails is listed unverified with the reason in its note. Nothing found is an
 * empty list.
 */
export async function discoverSources(url: string, options: DiscoverOptions): Promise<Discovery> {
  const window: ReadWindow = { now: options.now, timeZone: options.timeZone, horizonDays: options.horizonDays ?? 90 };
  const outcome = await options.fetcher.fetch(url);
  if (outcome.kind !== 'ok') throw new Error(`${url} answered 304 to an unconditional request`);
  const { body, finalUrl } = outcome;

  const verified: VerifiedCandidate[] = [];
  let name: string | null;
  const kind = detectKind(body);
  if (kind === 'ical' || kind === 'json') {
    // The address is a feed or an API page itself: it is the one candidate.
    const itself = verifyBody({ url: finalUrl, kind, platform: null, how: 'the address itself' }, body, finalUrl, window);
    verified.push(itself);
    name = itself.read?.calendarName ?? null;
  } else {
    name = pageNameOf(body);
    const found = findCandidates(body, finalUrl).filter((candidate) => candidate.url !== finalUrl).slice(0, MAX_CANDIDATES);
    const limit = pLimit(options.concurrency ?? 4);
    verified.push(...(await Promise.all(found.map((candidate) => limit(() => verifyCandidate(options.fetcher, candidate, window))))));
    const page = pageCandidate(finalUrl, body, window);
    if (page !== null) verified.push(page);
  }

  const ranked = rankCandidates(verified);
  const best = ranked.find((candidate) => candidate.verified);
  const events: Event[] = best?.read?.events ?? [];
  const fallbackName = best?.read?.calendarName ?? new URL(finalUrl).hostname.replace(/^www\./, '');
  const suggested = best === undefined ? null : suggestEntry(best, name ?? fallbackName, events);
  return { candidates: ranked.map(publicCandidate), suggested };
}

/**
 * Verifying a candidate: fetch it once with the project's polite fetcher (robots.txt, one request
 * at a time per host, size cap), read it, and count the upcoming events.
 */
import { FetchError, ForbiddenAddressError, type Fetcher } from '../fetch';
import type { Event } from '../model/event';
import type { SourceContext } from '../model/source';
import { readDocument, UnknownDocumentError, type ReadResult } from '../sources';
import { platformLabel, type PlatformId } from '../sources/platforms';
import { addDays, localDateOf, startOfLocalDay } from '../time/zoned';
import type { DiscoveredCandidate, FoundCandidate } from './types';

/** When and where discovery reads: the window starts today in `timeZone`. */
export interface ReadWindow {
  now: Date;
  timeZone: string;
  horizonDays: number;
}

/** A candidate that was verified, with the events it yields (for the suggestion). */
export interface VerifiedCandidate extends DiscoveredCandidate {
  read: ReadResult | null;
}

const MAX_BYTES = 5_000_000;

/** A neutral source: discovery has not decided the organisation's kind or audience yet. */
export const DISCOVERY_CONTEXT = (timeZone: string): SourceContext => ({ id: 'discovered', name: 'Discovered', kind: 'other', audience: 'professional', timeZone });

/** Reads `body` over the discovery window. */
export function readWindow(body: string, baseUrl: string, window: ReadWindow): ReadResult {
  const today = localDateOf(window.now, window.timeZone);
  return readDocument(body, DISCOVERY_CONTEXT(window.timeZone), {
    from: startOfLocalDay(today, window.timeZone),
    to: startOfLocalDay(addDays(today, window.horizonDays), window.timeZone),
    defaultTimeZone: window.timeZone,
    baseUrl,
  });
}

/** Why a fetch failed, in words an operator can act on. */
export function describeFetchFailure(error: unknown): string {
  if (error instanceof ForbiddenAddressError) {
    return `refused: ${error.message} — Netmix fetches only public addresses unless told otherwise (sources discover --allow-local)`;
  }
  if (error instanceof FetchError) return `${error.code}: ${error.message}`;
  if (error instanceof UnknownDocumentError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function countNote(events: readonly Event[], read: ReadResult): string {
  const more = read.nextPageUrl === undefined ? '' : ' on the first page (more pages follow)';
  return `${events.length} upcoming event${events.length === 1 ? '' : 's'}${more}`;
}

/** Reads an already fetched body as `candidate` claims it is, and says how that went. */
export function verifyBody(candidate: FoundCandidate, body: string, finalUrl: string, window: ReadWindow): VerifiedCandidate {
  const base = { url: candidate.url, kind: candidate.kind, platform: candidate.platform };
  let read: ReadResult;
  try {
    read = readWindow(body, finalUrl, window);
  } catch (error) {
    return { ...base, verified: false, events: null, note: `${candidate.how}; ${describeFetchFailure(error)}`, read: null };
  }
  if (read.kind !== candidate.kind) {
    return { ...base, verified: false, events: null, note: `${candidate.how}; the address answers with ${read.kind === 'html' ? 'a web page' : read.kind === 'ical' ? 'an iCal feed' : 'JSON'}, not ${candidate.kind}`, read: null };
  }
  if (read.kind === 'json') {
    if (read.platform === null || read.platform === undefined) {
      return { ...base, verified: false, events: null, note: `${candidate.how}; JSON of no platform Netmix reads`, read: null };
    }
    const platform: PlatformId = read.platform;
    return { ...base, platform, verified: true, events: read.events.length, note: `${platformLabel(platform)}; ${countNote(read.events, read)}`, read };
  }
  return { ...base, verified: true, events: read.events.length, note: `${candidate.how}; ${countNote(read.events, read)}`, read };
}

/** Fetches and reads one candidate; a failure is a note, never an exception. */
export async function verifyCandidate(fetcher: Fetcher, candidate: FoundCandidate, window: ReadWindow): Promise<VerifiedCandidate> {
  try {
    const outcome = await fetcher.fetch(candidate.url, {}, { maxBytes: MAX_BYTES });
    if (outcome.kind !== 'ok') throw new Error('answered 304 to an unconditional request');
    return verifyBody(candidate, outcome.body, outcome.finalUrl, window);
  } catch (error) {
    return { url: candidate.url, kind: candidate.kind, platform: candidate.platform, verified: false, events: null, note: `${candidate.how}; ${describeFetchFailure(error)}`, read: null };
  }
}

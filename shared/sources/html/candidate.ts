import type { Provenance } from '../../model/event';
import { emptyDetails, type ParseProblem, type RawEvent, type RawOffer, type RawVenue } from '../../model/raw-event';
import type { PageDate } from './dates';
import { resolveTimes } from './dates';

/**
 * One event as an extractor read it, before its dates are put in a zone and checked against the
 * window. Every extractor (JSON-LD, microdata, microformats, recipe, Wix) yields these.
 */
export interface Candidate {
  /** Where on the page, for problems: `JSON-LD block 2`, `microdata item 4`. */
  where: string;
  uid: string | null;
  title: string | null;
  start: PageDate | null;
  /** The start as written when it could not be read, for the problem message. */
  startText: string | null;
  end: PageDate | null;
  durationMs: number | null;
  /** The event's own IANA zone when the page states one (Wix); else the source's default. */
  timeZone: string | null;
  status: RawEvent['status'];
  location: string | null;
  venue: RawVenue | null;
  geo: RawEvent['geo'];
  url: string | null;
  organizer: string | null;
  description: string | null;
  attendanceMode: RawEvent['attendanceMode'];
  onlineUrl: string | null;
  offers: RawOffer[];
  categories: string[];
  /** Structured data (JSON-LD, microdata, microformats, Wix) or a selector recipe. */
  provenance: Provenance;
}

/** A candidate with every optional field empty. */
export function emptyCandidate(where: string, provenance: Provenance = 'structured-data'): Candidate {
  return {
    where,
    uid: null,
    title: null,
    start: null,
    startText: null,
    end: null,
    durationMs: null,
    timeZone: null,
    ...emptyDetails(),
    provenance,
  };
}

export type CandidateOutcome = { event: RawEvent } | { problem: ParseProblem };

/** Resolves a candidate's dates in its zone (or `defaultTimeZone`) and builds the RawEvent. */
export function candidateToEvent(candidate: Candidate, defaultTimeZone: string): CandidateOutcome {
  const where = candidate.title === null ? candidate.where : `${candidate.where} ("${candidate.title}")`;
  if (candidate.title === null) return { problem: { message: 'event has no name', where } };
  if (candidate.start === null) {
    const message =
      candidate.startText === null
        ? 'event has no start date'
        : `start date "${candidate.startText.slice(0, 80)}" is not a date`;
    return { problem: { message, where } };
  }
  const timeZone = candidate.timeZone ?? defaultTimeZone;
  const times = resolveTimes(candidate.start, candidate.end, candidate.durationMs, timeZone);
  if (!Number.isFinite(times.start.getTime())) return { problem: { message: 'start date is out of range', where } };
  return {
    event: {
      uid: candidate.uid,
      title: candidate.title,
      start: times.start,
      end: times.end,
      allDay: times.allDay,
      startDate: times.startDate,
      timeZone,
      status: candidate.status,
      location: candidate.location,
      venue: candidate.venue,
      geo: candidate.geo,
      url: candidate.url,
      organizer: candidate.organizer,
      description: candidate.description,
      attendanceMode: candidate.attendanceMode,
      onlineUrl: candidate.onlineUrl,
      offers: candidate.offers,
      categories: candidate.categories,
      provenance: candidate.provenance,
    },
  };
}

/**
 * Digest selection: which events a subscriber gets this week. Pure and deterministic; ties resolve
 * by start time, then id. `selectForMany` shares one `prepareEvents` pass across all subscribers and
 * computes each distinct profile once.
 */
import type { Audience } from '../model/common';
import type { Event } from '../model/event';
import { addDays, localDateOf, toLocalDateTime, zonedToInstant } from '../time/zoned';
import { chordSquared, chordSquaredForMiles, milesFromChordSquared, unitVector } from './geo';
import { prepareEvents, searchableText, type PreparedEvent, type PreparedEvents } from './prepare';
import type { ChosenEvent, DigestProfile, DigestSelection, PreviousItem, SelectOptions } from './types';
import { whyLine } from './why';

/** At most this many events from one organiser in a digest. */
export const MAX_PER_ORGANISER = 2;
/** Score lost per event already chosen on the same day: enough to break near-ties, not to beat a match. */
const SAME_DAY_PENALTY = 0.5;
const MATCH_WEIGHT = 2;
const MAX_MATCHES_COUNTED = 3;
const FREE_BONUS = 1;
const NEAR_BONUS = 0.5;
/** Radius slack in squared-chord units: an event exactly on the radius counts as inside. */
const RADIUS_SLACK = 1e-12;

/** The end of the window: the same wall-clock time `windowDays` calendar days later in `timeZone`. */
export function windowEndFor(windowStart: Date, windowDays: number, timeZone: string): Date {
  const local = toLocalDateTime(windowStart, timeZone);
  const endDate = addDays(localDateOf(windowStart, timeZone), windowDays);
  const [year, month, day] = endDate.split('-').map(Number);
  return zonedToInstant({ ...local, year: year ?? local.year, month: month ?? local.month, day: day ?? local.day }, timeZone);
}

/** How many job-seeker events a digest of `size` aims for, and the hard cap the mix allows. */
export function jobSeekerTarget(mix: DigestProfile['mix'], size: number): { target: number; cap: number } {
  if (mix === 'job-seeker') return { target: Math.round((2 * size) / 3), cap: size };
  if (mix === 'professional') return { target: Math.min(1, size), cap: 1 };
  return { target: Math.round(size / 3), cap: size };
}

/** Chooses one subscriber's digest from `events` (see the module note for the rules). */
export function selectDigest(events: readonly Event[], subscriber: DigestProfile, options: SelectOptions): DigestSelection {
  const timeZone = options.timeZone ?? subscriber.timeZone;
  const prepared = prepareEvents(events, { start: options.windowStart, end: windowEndFor(options.windowStart, options.windowDays, timeZone) });
  return selectPrepared(prepared, subscriber, options.previous ?? []);
}

/** A subscriber for `selectForMany`: the profile, a key for the result map, and last digest's events. */
export type DigestRecipient = DigestProfile & { id: string; previous?: readonly PreviousItem[] };

/**
 * Selection for many subscribers. Events are prepared once per window; subscribers with the same
 * place, radius, mix, size, online choice, interests, employers, zone and previous digest share
 * one computation. `group: false` runs the same code per subscriber (the benchmark's baseline).
 */
export function selectForMany(
  events: readonly Event[],
  recipients: readonly DigestRecipient[],
  options: Omit<SelectOptions, 'previous'> & { group?: boolean },
): Map<string, DigestSelection> {
  const preparedByEnd = new Map<number, PreparedEvents>();
  const byGroup = new Map<string, DigestSelection>();
  const results = new Map<string, DigestSelection>();
  for (const recipient of recipients) {
    const end = windowEndFor(options.windowStart, options.windowDays, options.timeZone ?? recipient.timeZone);
    let prepared = preparedByEnd.get(end.getTime());
    if (!prepared) {
      prepared = prepareEvents(events, { start: options.windowStart, end });
      preparedByEnd.set(end.getTime(), prepared);
    }
    const previous = recipient.previous ?? [];
    if (options.group === false) {
      results.set(recipient.id, selectPrepared(prepared, recipient, previous));
      continue;
    }
    const key = groupKey(recipient, previous, end);
    let selection = byGroup.get(key);
    if (!selection) {
      selection = selectPrepared(prepared, recipient, previous);
      byGroup.set(key, selection);
    }
    results.set(recipient.id, selection);
  }
  return results;
}

function groupKey(profile: DigestProfile, previous: readonly PreviousItem[], end: Date): string {
  const earlier = previous.map((item) => `${item.id}:${item.contentHash}`).sort();
  return JSON.stringify([
    profile.lat,
    profile.lon,
    profile.radiusMiles,
    profile.mix,
    profile.digestSize,
    profile.online,
    profile.timeZone,
    [...profile.interests].map((term) => term.toLowerCase()).sort(),
    [...profile.targetEmployers].map((term) => term.toLowerCase()).sort(),
    earlier,
    end.getTime(),
  ]);
}

interface Candidate {
  item: PreparedEvent;
  distanceMiles: number | null;
  score: number;
  interests: string[];
  employers: string[];
}

/** Terms as search phrases (`" machine learning "`) paired with the words the subscriber typed. */
function phrases(terms: readonly string[]): { term: string; phrase: string }[] {
  return terms.map((term) => ({ term: term.trim(), phrase: searchableText(term) })).filter(({ phrase }) => phrase.trim() !== '');
}

function findCandidates(prepared: PreparedEvents, profile: DigestProfile, previous: readonly PreviousItem[]): Candidate[] {
  const home = unitVector(profile.lat, profile.lon);
  const cutoff = chordSquaredForMiles(profile.radiusMiles) + RADIUS_SLACK;
  const sent = new Map(previous.map((item) => [item.id, item.contentHash]));
  const interestPhrases = phrases(profile.interests);
  const employerPhrases = phrases(profile.targetEmployers);
  const candidates: Candidate[] = [];
  for (const item of prepared.items) {
    let distanceMiles: number | null = null;
    const chord2 = item.vector === null ? Infinity : chordSquared(home, item.vector);
    if (chord2 <= cutoff) distanceMiles = milesFromChordSquared(chord2);
    else if (!(item.online && profile.online)) continue;
    if (sent.get(item.event.id) === item.event.contentHash) continue;
    const interests = interestPhrases.filter(({ phrase }) => item.text.includes(phrase)).map(({ term }) => term);
    const employers = employerPhrases.filter(({ phrase }) => item.text.includes(phrase)).map(({ term }) => term);
    const matches = Math.min(MAX_MATCHES_COUNTED, interests.length + employers.length);
    const nearness = distanceMiles === null ? 0.5 : 1 - distanceMiles / profile.radiusMiles;
    const score = MATCH_WEIGHT * matches + (item.free ? FREE_BONUS : 0) + NEAR_BONUS * nearness;
    candidates.push({ item, distanceMiles, score, interests, employers });
  }
  // Stable sort: equal scores keep prepared order (start, then id).
  return candidates.sort((a, b) => b.score - a.score);
}

function selectPrepared(prepared: PreparedEvents, profile: DigestProfile, previous: readonly PreviousItem[]): DigestSelection {
  const size = profile.digestSize;
  const pools: Record<Audience, Candidate[]> = { 'job-seeker': [], professional: [] };
  for (const candidate of findCandidates(prepared, profile, previous)) pools[candidate.item.audience].push(candidate);
  const { target, cap } = jobSeekerTarget(profile.mix, size);
  const quota: Record<Audience, number> = { 'job-seeker': target, professional: size - target };
  const hardCap: Record<Audience, number> = { 'job-seeker': cap, professional: size };
  const taken: Record<Audience, number> = { 'job-seeker': 0, professional: 0 };
  const used = new Set<Candidate>();
  const perOrganiser = new Map<string, number>();
  const perDay = new Map<string, number>();
  const picks: Candidate[] = [];
  const audiences: Audience[] = ['job-seeker', 'professional'];

  const bestFor = (audience: Audience): { candidate: Candidate; adjusted: number } | null => {
    let best: { candidate: Candidate; adjusted: number } | null = null;
    for (const candidate of pools[audience]) {
      if (best !== null && candidate.score < best.adjusted) break;
      if (used.has(candidate) || (perOrganiser.get(candidate.item.organiserKey) ?? 0) >= MAX_PER_ORGANISER) continue;
      const adjusted = candidate.score - SAME_DAY_PENALTY * (perDay.get(candidate.item.day) ?? 0);
      if (best === null || adjusted > best.adjusted || (adjusted === best.adjusted && earlier(candidate, best.candidate))) {
        best = { candidate, adjusted };
      }
    }
    return best;
  };

  while (picks.length < size) {
    let best: { candidate: Candidate; adjusted: number } | null = null;
    for (const audience of audiences) {
      if (taken[audience] >= quota[audience]) continue;
      const found = bestFor(audience);
      if (found && (best === null || found.adjusted > best.adjusted || (found.adjusted === best.adjusted && earlier(found.candidate, best.candidate)))) {
        best = found;
      }
    }
    if (best === null) {
      // One side ran short: the other fills up to what the mix allows.
      const widened = audiences.filter((audience) => quota[audience] < hardCap[audience] && bestFor(audience) !== null);
      if (widened.length === 0) break;
      for (const audience of widened) quota[audience] = hardCap[audience];
      continue;
    }
    const { item } = best.candidate;
    used.add(best.candidate);
    picks.push(best.candidate);
    taken[item.audience] += 1;
    perOrganiser.set(item.organiserKey, (perOrganiser.get(item.organiserKey) ?? 0) + 1);
    perDay.set(item.day, (perDay.get(item.day) ?? 0) + 1);
  }

  picks.sort((a, b) => a.item.startMs - b.item.startMs || (earlier(a, b) ? -1 : 1));
  const chosen: ChosenEvent[] = picks.map((pick) => ({
    event: pick.item.event,
    distanceMiles: pick.distanceMiles,
    why: whyLine(pick.item.event, pick.interests, pick.employers),
  }));
  return { chosen, counts: { 'job-seeker': taken['job-seeker'], professional: taken.professional } };
}

/** Start time, then id: the stable order of equals. */
function earlier(a: Candidate, b: Candidate): boolean {
  return a.item.startMs < b.item.startMs || (a.item.startMs === b.item.startMs && a.item.event.id < b.item.event.id);
}

/**
 * Digest selection: which events a subscriber gets this week. Pure and deterministic; ties resolve
 * by start time, then id. `selectForMany` shares one `prepareEvents` pass across all subscribers and
 * computes each distinct profile once.
 */
import type { Audience } from '../model/common';
import type { Event } from '../model/event';
import { addDays, localDateOf, toLocalDateTime, zonedToInstant } from '../time/zoned';
import { chordSquaredForMiles, milesFromChordSquared, unitVector } from './geo';
import { prepareEvents, searchableText, type PreparedEvents } from './prepare';
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
  // Zone arithmetic costs several Intl calls: once per distinct zone, not per subscriber.
  const endByZone = new Map<string, Date>();
  const byGroup = new Map<string, DigestSelection>();
  const poolsByPlace = new Map<string, Pools>();
  const results = new Map<string, DigestSelection>();
  for (const recipient of recipients) {
    const zone = options.timeZone ?? recipient.timeZone;
    let end = endByZone.get(zone);
    if (!end) {
      end = windowEndFor(options.windowStart, options.windowDays, zone);
      endByZone.set(zone, end);
    }
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
      // Candidates depend on place, radius, online, interests and history; mix and size only pick among them.
      const placeKey = candidateKey(recipient, previous, end);
      let pools = poolsByPlace.get(placeKey);
      if (!pools) {
        pools = findCandidates(prepared, recipient, previous);
        poolsByPlace.set(placeKey, pools);
      }
      selection = selectPrepared(prepared, recipient, previous, pools);
      byGroup.set(key, selection);
    }
    results.set(recipient.id, selection);
  }
  return results;
}

function candidateKey(profile: DigestProfile, previous: readonly PreviousItem[], end: Date): string {
  // Terms as typed and in order: the why line quotes the first match, so "HR" and "hr" differ.
  // U+0001 cannot occur in a term (the schema trims, the text has no controls), so joins are unambiguous.
  const terms = `${profile.interests.join('\u0001')}\u0002${profile.targetEmployers.join('\u0001')}`;
  const history = previous.length === 0 ? '' : previous.map((item) => `${item.id}:${item.contentHash}`).sort().join(',');
  return `${profile.lat},${profile.lon},${profile.radiusMiles},${profile.online ? 1 : 0},${end.getTime()}\u0003${terms}\u0003${history}`;
}

function groupKey(profile: DigestProfile, previous: readonly PreviousItem[], end: Date): string {
  return `${profile.mix}|${profile.digestSize}|${profile.timeZone}|${candidateKey(profile, previous, end)}`;
}

/** Scores are packed with the event index into one number so a native numeric sort orders them. */
const INDEX_SPACE = 2 ** 20;
const SCORE_STEPS = 1e6;

/**
 * One place's candidates: per event index its distance (NaN when online-only) and score, and per
 * audience and start day the candidate indices best first (ties: prepared order, i.e. start then id).
 * Within one day every candidate carries the same same-day penalty, so each day's head is that
 * day's best: a pick looks at one head per day instead of scanning.
 */
interface Pools {
  distance: Float64Array;
  score: Float64Array;
  byDay: Record<Audience, Float64Array[]>;
}

/** Terms as search phrases (`" machine learning "`) paired with the words the subscriber typed. */
function phrases(terms: readonly string[]): { term: string; phrase: string }[] {
  return terms.map((term) => ({ term: term.trim(), phrase: searchableText(term) })).filter(({ phrase }) => phrase.trim() !== '');
}

function countMatches(text: string, terms: readonly { phrase: string }[]): number {
  let count = 0;
  for (const { phrase } of terms) if (text.includes(phrase)) count += 1;
  return count;
}

/** Every event the subscriber can get, scored; allocation-light because it runs once per place. */
function findCandidates(prepared: PreparedEvents, profile: DigestProfile, previous: readonly PreviousItem[]): Pools {
  const [hx, hy, hz] = unitVector(profile.lat, profile.lon);
  const cutoff = chordSquaredForMiles(profile.radiusMiles) + RADIUS_SLACK;
  const sent = previous.length === 0 ? null : new Map(previous.map((item) => [item.id, item.contentHash]));
  const interestPhrases = phrases(profile.interests);
  const employerPhrases = phrases(profile.targetEmployers);
  const hasTerms = interestPhrases.length + employerPhrases.length > 0;
  const wantsOnline = profile.online;
  const { items, xs, ys, zs, online, free, jobSeeker, dayIndex, days } = prepared;
  const count = items.length;
  if (count >= INDEX_SPACE) throw new RangeError(`at most ${INDEX_SPACE - 1} events per selection`);
  const distance = new Float64Array(count).fill(Number.NaN);
  const score = new Float64Array(count).fill(Number.NaN);
  const keys: Record<Audience, number[][]> = { 'job-seeker': days.map(() => []), professional: days.map(() => []) };
  for (let index = 0; index < count; index += 1) {
    const dx = (xs[index] ?? Number.NaN) - hx;
    const dy = (ys[index] ?? Number.NaN) - hy;
    const dz = (zs[index] ?? Number.NaN) - hz;
    const chord2 = dx * dx + dy * dy + dz * dz;
    // NaN (no coordinates) fails the comparison, like an event out of range.
    const near = chord2 <= cutoff;
    if (!near && !(wantsOnline && online[index] === 1)) continue;
    if (sent !== null || hasTerms) {
      const item = items[index];
      if (item === undefined) continue;
      if (sent !== null && sent.get(item.event.id) === item.event.contentHash) continue;
      if (hasTerms) {
        const matches = Math.min(MAX_MATCHES_COUNTED, countMatches(item.text, interestPhrases) + countMatches(item.text, employerPhrases));
        score[index] = MATCH_WEIGHT * matches;
      }
    }
    const miles = near ? milesFromChordSquared(chord2) : Number.NaN;
    const nearness = near ? 1 - miles / profile.radiusMiles : 0.5;
    const steps = Math.round(((hasTerms ? (score[index] ?? 0) : 0) + (free[index] === 1 ? FREE_BONUS : 0) + NEAR_BONUS * nearness) * SCORE_STEPS);
    distance[index] = miles;
    score[index] = steps / SCORE_STEPS;
    keys[jobSeeker[index] === 1 ? 'job-seeker' : 'professional'][dayIndex[index] ?? 0]?.push(-steps * INDEX_SPACE + index);
  }
  const sorted = (lists: number[][]): Float64Array[] => lists.map((list) => Float64Array.from(list).sort());
  return { distance, score, byDay: { 'job-seeker': sorted(keys['job-seeker']), professional: sorted(keys.professional) } };
}

function indexOfKey(key: number): number {
  return ((key % INDEX_SPACE) + INDEX_SPACE) % INDEX_SPACE;
}

function selectPrepared(
  prepared: PreparedEvents,
  profile: DigestProfile,
  previous: readonly PreviousItem[],
  pools: Pools = findCandidates(prepared, profile, previous),
): DigestSelection {
  const size = profile.digestSize;
  const { items } = prepared;
  const { target, cap } = jobSeekerTarget(profile.mix, size);
  const quota: Record<Audience, number> = { 'job-seeker': target, professional: size - target };
  const hardCap: Record<Audience, number> = { 'job-seeker': cap, professional: size };
  const taken: Record<Audience, number> = { 'job-seeker': 0, professional: 0 };
  const used = new Set<number>();
  const perOrganiser = new Map<string, number>();
  const perDay = new Map<string, number>();
  const picks: number[] = [];
  const audiences: Audience[] = ['job-seeker', 'professional'];

  const heads: Record<Audience, Int32Array> = {
    'job-seeker': new Int32Array(pools.byDay['job-seeker'].length),
    professional: new Int32Array(pools.byDay.professional.length),
  };

  /** The best pick of `audience` now: highest score after the same-day penalty, then earliest. */
  const bestFor = (audience: Audience): { index: number; adjusted: number } | null => {
    let best: { index: number; adjusted: number } | null = null;
    const lists = pools.byDay[audience];
    const head = heads[audience];
    for (let day = 0; day < lists.length; day += 1) {
      const list = lists[day];
      if (list === undefined) continue;
      // Used and organiser-capped events never become eligible again: skip them for good.
      let position = head[day] ?? 0;
      let index = -1;
      while (position < list.length) {
        const candidate = indexOfKey(list[position] ?? 0);
        const item = items[candidate];
        if (item !== undefined && !used.has(candidate) && (perOrganiser.get(item.organiserKey) ?? 0) < MAX_PER_ORGANISER) {
          index = candidate;
          break;
        }
        position += 1;
      }
      head[day] = position;
      const item = items[index];
      if (index < 0 || item === undefined) continue;
      const adjusted = (pools.score[index] ?? 0) - SAME_DAY_PENALTY * (perDay.get(item.day) ?? 0);
      if (best === null || adjusted > best.adjusted || (adjusted === best.adjusted && index < best.index)) best = { index, adjusted };
    }
    return best;
  };

  while (picks.length < size) {
    let best: { index: number; adjusted: number } | null = null;
    for (const audience of audiences) {
      if (taken[audience] >= quota[audience]) continue;
      const found = bestFor(audience);
      if (found && (best === null || found.adjusted > best.adjusted || (found.adjusted === best.adjusted && found.index < best.index))) best = found;
    }
    if (best === null) {
      // One side ran short: the other fills up to what the mix allows.
      const widened = audiences.filter((audience) => quota[audience] < hardCap[audience] && bestFor(audience) !== null);
      if (widened.length === 0) break;
      for (const audience of widened) quota[audience] = hardCap[audience];
      continue;
    }
    const item = items[best.index];
    if (item === undefined) break;
    used.add(best.index);
    picks.push(best.index);
    taken[item.audience] += 1;
    perOrganiser.set(item.organiserKey, (perOrganiser.get(item.organiserKey) ?? 0) + 1);
    perDay.set(item.day, (perDay.get(item.day) ?? 0) + 1);
  }

  // Prepared order is start, then id.
  picks.sort((a, b) => a - b);
  const interestPhrases = phrases(profile.interests);
  const employerPhrases = phrases(profile.targetEmployers);
  const chosen: ChosenEvent[] = picks.flatMap((index) => {
    const item = items[index];
    if (item === undefined) return [];
    const miles = pools.distance[index] ?? Number.NaN;
    const matched = (terms: { term: string; phrase: string }[]): string[] => terms.filter(({ phrase }) => item.text.includes(phrase)).map(({ term }) => term);
    return [{ event: item.event, distanceMiles: Number.isNaN(miles) ? null : miles, why: whyLine(item.event, matched(interestPhrases), matched(employerPhrases)) }];
  });
  return { chosen, counts: { 'job-seeker': taken['job-seeker'], professional: taken.professional } };
}

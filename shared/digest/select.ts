/**
 * Digest selection: which events a subscriber gets this week. Pure and deterministic; ties resolve
 * by start time, then id. `selectForMany` shares one `prepareEvents` pass across all subscribers,
 * ranks candidates once per (home, radius, online choice) and fills each distinct profile once.
 *
 * Scoring (in `candidates.ts`): 2 per matched interest or employer (up to three), 1 when free,
 * up to 0.5 for nearness (0.25 for an online event out of range); the fill (in `pick.ts`) takes
 * 0.5 off per event already chosen that day, keeps the mix, at most two per organiser, and never
 * repeats an unchanged event from the last digest.
 */
import type { Event } from '../model/event';
import { addDays, localDateOf, toLocalDateTime, zonedToInstant } from '../time/zoned';
import { bucketCandidates, bucketNear, homeFor, matchPhrase, milesIfNear, phrasesOf, rankOnline, type Buckets, type Phrase } from './candidates';
import { GroupKeys } from './group-key';
import { pickFrom, pickScratch, type PickScratch } from './pick';
import { prepareEvents, type PreparedEvents } from './prepare';
import type { ChosenEvent, DigestProfile, DigestSelection, PreviousItem, SelectOptions, SubscriberHistory } from './types';
import { whyLine } from './why';

export { jobSeekerTarget, MAX_PER_ORGANISER } from './pick';

/** The end of the window: the same wall-clock time `windowDays` calendar days later in `timeZone`. */
export function windowEndFor(windowStart: Date, windowDays: number, timeZone: string): Date {
  const local = toLocalDateTime(windowStart, timeZone);
  const endDate = addDays(localDateOf(windowStart, timeZone), windowDays);
  const [year, month, day] = endDate.split('-').map(Number);
  return zonedToInstant({ ...local, year: year ?? local.year, month: month ?? local.month, day: day ?? local.day }, timeZone);
}

/** A subscriber for `selectForMany`: the profile, a key for the result map, and last digest's events. */
export type DigestRecipient = DigestProfile & { id: string; previous?: readonly PreviousItem[]; history?: SubscriberHistory };

/** One prepared window with the buffers and per-phrase matches every subscriber reading it reuses. */
interface Run {
  prepared: PreparedEvents;
  /** The run's online events in (audience, day) queues, and a buffer for ranking near events. */
  online: Buckets;
  keys: Float64Array;
  sorted: Float64Array;
  picks: PickScratch;
  matches: Map<string, Uint8Array>;
  phrases: Map<string, Phrase[]>;
}

function runFor(prepared: PreparedEvents): Run {
  return { prepared, online: bucketCandidates(prepared, rankOnline(prepared)), keys: new Float64Array(prepared.items.length), sorted: new Float64Array(prepared.items.length), picks: pickScratch(prepared), matches: new Map(), phrases: new Map() };
}

/** Chooses one subscriber's digest from `events` (see the module note for the rules). */
export function selectDigest(events: readonly Event[], subscriber: DigestProfile, options: SelectOptions): DigestSelection {
  const timeZone = options.timeZone ?? subscriber.timeZone;
  const prepared = prepareEvents(events, { start: options.windowStart, end: windowEndFor(options.windowStart, options.windowDays, timeZone) });
  const run = runFor(prepared);
  return selectInRun(run, subscriber, excludedBy(prepared, options.previous ?? []), nearFor(run, subscriber));
}

/**
 * Selection for many subscribers. Events are prepared once per window; subscribers with the same
 * place, radius, mix, size, online choice, interests, employers, window and (relevant part of
 * their) previous digest share one computation AND one result object: the map's values are shared
 * references, so treat them as read-only. `group: false` ranks and fills every subscriber on their
 * own, sharing only the per-window work (the benchmark's baseline); the output is equal either way.
 */
export function selectForMany(
  events: readonly Event[],
  recipients: readonly DigestRecipient[],
  options: Omit<SelectOptions, 'previous'> & { group?: boolean },
): Map<string, DigestSelection> {
  const runsByEnd = new Map<number, { run: Run; id: number }>();
  // Zone arithmetic costs several Intl calls: once per distinct zone, not per subscriber.
  const endByZone = new Map<string, number>();
  const keys = new GroupKeys();
  const byGroup = new Map<number, DigestSelection>();
  const nearByRadius = new Map<number, Buckets>();
  const results = new Map<string, DigestSelection>();
  // Most neighbours share a zone: the last one's window is reused without a look-up.
  let lastZone: string | null = null;
  let window: { run: Run; id: number } | undefined;
  for (const recipient of recipients) {
    const zone = options.timeZone ?? recipient.timeZone;
    if (zone !== lastZone || window === undefined) {
      let end = endByZone.get(zone);
      if (end === undefined) {
        end = windowEndFor(options.windowStart, options.windowDays, zone).getTime();
        endByZone.set(zone, end);
      }
      window = runsByEnd.get(end);
      if (!window) {
        window = { run: runFor(prepareEvents(events, { start: options.windowStart, end: new Date(end) })), id: runsByEnd.size };
        runsByEnd.set(end, window);
      }
      lastZone = zone;
    }
    const { run } = window;
    const excluded = excludedBy(run.prepared, recipient.previous ?? []);
    if (options.group === false) {
      results.set(recipient.id, selectInRun(run, recipient, excluded, nearFor(run, recipient)));
      continue;
    }
    const key = keys.keysFor(recipient, window.id, excluded);
    let selection = byGroup.get(key.group);
    if (!selection) {
      let near = nearByRadius.get(key.near);
      if (!near) {
        near = nearFor(run, recipient);
        nearByRadius.set(key.near, near);
      }
      selection = selectInRun(run, recipient, excluded, near);
      byGroup.set(key.group, selection);
    }
    results.set(recipient.id, selection);
  }
  return results;
}

/** The near events of a subscriber's home and radius in (audience, day) queues. */
function nearFor(run: Run, profile: DigestProfile): Buckets {
  return bucketNear(run.prepared, homeOf(profile), run.keys, run.sorted);
}

function homeOf(profile: DigestProfile): ReturnType<typeof homeFor> {
  return homeFor(profile.lat, profile.lon, profile.radiusMiles);
}

const NONE: readonly number[] = [];

/** Indices (sorted) of last digest's events that are unchanged in this window: those are left out. */
function excludedBy(prepared: PreparedEvents, previous: readonly PreviousItem[]): readonly number[] {
  if (previous.length === 0) return NONE;
  const excluded: number[] = [];
  for (const { id, contentHash } of previous) {
    for (const index of prepared.indexById.get(id) ?? []) {
      if (prepared.items[index]?.event.contentHash === contentHash) excluded.push(index);
    }
  }
  return [...new Set(excluded)].sort((a, b) => a - b);
}

function matchesOf(run: Run, phrase: string): Uint8Array {
  let matches = run.matches.get(phrase);
  if (!matches) {
    matches = matchPhrase(run.prepared, phrase);
    run.matches.set(phrase, matches);
  }
  return matches;
}

const NO_PHRASES: Phrase[] = [];
const NO_TERMS: readonly string[] = [];

function phrasesIn(run: Run, terms: readonly string[]): Phrase[] {
  if (terms.length === 0) return NO_PHRASES;
  const key = terms.join('\u0001');
  let phrases = run.phrases.get(key);
  if (!phrases) {
    phrases = phrasesOf(terms);
    run.phrases.set(key, phrases);
  }
  return phrases;
}

const NO_MATCH_SETS: readonly Uint8Array[] = [];

function matchSetsOf(run: Run, interests: readonly Phrase[], employers: readonly Phrase[]): readonly Uint8Array[] {
  if (interests.length === 0 && employers.length === 0) return NO_MATCH_SETS;
  const sets: Uint8Array[] = [];
  for (const { phrase } of interests) sets.push(matchesOf(run, phrase));
  for (const { phrase } of employers) sets.push(matchesOf(run, phrase));
  return sets;
}

/** The terms whose phrase event `index` contains; most digests have no terms and share one empty list. */
function matchedTerms(run: Run, terms: readonly Phrase[], index: number): readonly string[] {
  if (terms.length === 0) return NO_TERMS;
  const matched: string[] = [];
  for (const { term, phrase } of terms) if (matchesOf(run, phrase)[index] === 1) matched.push(term);
  return matched;
}

function selectInRun(run: Run, profile: DigestProfile, excluded: readonly number[], near: Buckets): DigestSelection {
  const { prepared } = run;
  const interests = phrasesIn(run, profile.interests);
  const employers = phrasesIn(run, profile.targetEmployers);
  const home = homeOf(profile);
  const source = { home, near, online: profile.online ? run.online : null, matchSets: matchSetsOf(run, interests, employers) };
  const { indices, counts } = pickFrom(prepared, run.picks, source, profile, excluded);
  const chosen: ChosenEvent[] = [];
  for (const index of indices) {
    const item = prepared.items[index];
    if (item === undefined) continue;
    chosen.push({ event: item.event, distanceMiles: milesIfNear(prepared, home, index), why: whyLine(item.event, matchedTerms(run, interests, index), matchedTerms(run, employers, index)) });
  }
  return { chosen, counts };
}

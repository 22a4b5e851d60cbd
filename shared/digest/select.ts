/**
 * Digest selection: which events a subscriber gets this week. Pure and deterministic; ties resolve
 * by start time, then id. `selectForMany` (select-many.ts) shares one `prepareEvents` pass across
 * all subscribers, ranks candidates once per (home, radius) and fills each distinct profile once.
 *
 * Scoring (in `candidates.ts`): 2 per matched interest or employer (up to three), 1 when free,
 * up to 0.5 for nearness (0.25 for an online event out of range); the fill (in `pick.ts`) takes
 * 0.5 off per event already chosen that day, keeps the mix, at most two per organiser, and never
 * repeats an unchanged event from the last digest.
 */
import type { Event } from '../model/event';
import { addDays, localDateOf, toLocalDateTime, zonedToInstant } from '../time/zoned';
import { bucketCandidates, bucketNear, farOnline, homeFor, milesIfNear, narrowNear, rankBuffers, rankOnline, type Buckets, type Distances, type Home, type Phrase, type RankBuffers } from './candidates';
import { applyDemotions, cadenceEffect, clearDemotions, type CadenceEffect, type CadenceWeeks } from './cadence';
import { isoWeekOf } from './iso-week';
import { openingKey, openingLine, type OpeningFacts } from './opening';
import { jobSeekerTarget, pickFrom, pickScratch, type PickScratch } from './pick';
import { prepareEvents, type PreparedEvents } from './prepare';
import type { AudienceCounts, ChosenEvent, DigestProfile, DigestSelection, PreviousItem, SelectOptions, SubscriberHistory } from './types';
import type { Matched } from './why';
import { WhyLines } from './why-lines';
import { matchedIn, matchSetsOf, NO_MATCHED, phrasesIn, type MatchBands } from './select-terms';

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
export interface Run {
  prepared: PreparedEvents;
  /** The run's online events in (audience, day) queues, and a buffer for ranking near events. */
  online: Buckets;
  rank: RankBuffers;
  /**
   * Near queues of one (home, radius) at a time, for a caller that fills every digest of a place
   * before the next (`nearInto`); and of one home at its widest radius with the distances, which
   * the home's smaller radii narrow (`siteInto`, `narrowInto`).
   */
  near: Buckets;
  /** The home (and radius) `near` holds, which every digest reading it shares, and the run's online events far from it. */
  nearHome: Home | null;
  onlineFar: Buckets;
  site: Buckets;
  distances: Distances;
  picks: PickScratch;
  matches: Map<string, Uint8Array>;
  phrases: Map<string, Phrase[]>;
  /** The ISO weeks the cadence reads for this window. */
  weeks: CadenceWeeks;
  /** Why lines, each built once per run, and what they read of a match, one object per first-matched term. */
  why: WhyLines;
  matchedEmployers: Map<string, Matched>;
  matchedFields: Map<string, Matched>;
  matchedInterests: Map<string, Matched>;
  /**
   * Results shared by digests alike in part, so a run of many keeps one copy: opening lines by
   * `openingKey`, audience counts by (job seekers × 16 + professionals), and, for the place
   * last ranked into `near`, each event as last chosen there (valid while its stamp is `place`,
   * and for a digest whose why line for it is the same).
   */
  openings: Map<number, Map<number, string>>;
  counts: (AudienceCounts | undefined)[];
  placeChosen: (ChosenEvent | undefined)[];
  placeStamps: Int32Array;
  place: number;
  /** Match sets and bands by the subscriber's terms. */
  bands: Map<string, MatchBands>;
}

const WEEK_MS = 7 * 86_400_000;

/** The cadence's weeks for a window starting at `windowStart` (its first local day in `timeZone`). */
function weeksFor(windowStart: Date, windowEnd: Date, timeZone: string): CadenceWeeks {
  const date = localDateOf(windowStart, timeZone);
  return {
    current: isoWeekOf(date).key,
    last: isoWeekOf(addDays(date, -7)).key,
    first: isoWeekOf(addDays(date, -28)).key,
    // Four weeks of 7 × 24 h: an hour's DST slack at the month's far end changes no meeting's count that matters.
    fromMs: windowStart.getTime() - 4 * WEEK_MS,
    toMs: windowEnd.getTime(),
  };
}

export function runFor(prepared: PreparedEvents, timeZone: string): Run {
  return {
    prepared,
    online: bucketCandidates(prepared, rankOnline(prepared)),
    rank: rankBuffers(prepared),
    near: bucketBuffers(prepared),
    nearHome: null,
    onlineFar: bucketBuffers(prepared),
    site: bucketBuffers(prepared),
    distances: { chords: new Float64Array(prepared.items.length), miles: new Float64Array(prepared.items.length) },
    picks: pickScratch(prepared),
    matches: new Map(),
    phrases: new Map(),
    weeks: weeksFor(prepared.windowStart, prepared.windowEnd, timeZone),
    bands: new Map(),
    why: new WhyLines(prepared.items),
    matchedEmployers: new Map(),
    matchedFields: new Map(),
    matchedInterests: new Map(),
    openings: new Map(),
    counts: [],
    placeChosen: new Array<ChosenEvent | undefined>(prepared.items.length).fill(undefined),
    placeStamps: new Int32Array(prepared.items.length),
    place: 1,
  };
}

/** Chooses one subscriber's digest from `events` (see the module note for the rules). */
export function selectDigest(events: readonly Event[], subscriber: DigestProfile & { history?: SubscriberHistory }, options: SelectOptions): DigestSelection {
  const timeZone = options.timeZone ?? subscriber.timeZone;
  const prepared = prepareEvents(events, { start: options.windowStart, end: windowEndFor(options.windowStart, options.windowDays, timeZone) });
  const run = runFor(prepared, timeZone);
  const effect = cadenceEffect(prepared, subscriber.mix, run.weeks, subscriber.history);
  return selectInRun(run, subscriber, withBlocked(excludedBy(prepared, options.previous ?? []), effect), nearFor(run, subscriber), effect);
}

/** The near events of a subscriber's home and radius in (audience, day) queues, in lists of their own. */
export function nearFor(run: Run, profile: DigestProfile): Buckets {
  return bucketNear(run.prepared, homeOf(profile), run.rank);
}

function bucketBuffers(prepared: PreparedEvents): Buckets {
  return { indices: new Int32Array(prepared.items.length), steps: new Int32Array(prepared.items.length), starts: new Int32Array(2 * prepared.days.length + 1) };
}

/** `nearFor` written into the run's own buffers: valid until the next call on this run. */
export function nearInto(run: Run, profile: DigestProfile): Buckets {
  run.place += 1;
  run.nearHome = homeOf(profile);
  farOnline(run.prepared, run.online, run.nearHome, run.onlineFar);
  return bucketNear(run.prepared, run.nearHome, run.rank, run.near);
}

/** Ranks a home at `radiusMiles`, the widest any of its subscribers reads, for `narrowInto`. */
export function siteInto(run: Run, profile: Pick<DigestProfile, 'lat' | 'lon'>, radiusMiles: number): void {
  bucketNear(run.prepared, homeFor(profile.lat, profile.lon, radiusMiles), run.rank, run.site, run.distances);
}

/**
 * `nearInto` for a subscriber at the home `siteInto` last ranked, at a radius no wider: read from
 * that ranking, no sort (at the widest radius, the ranking itself).
 */
export function narrowInto(run: Run, profile: DigestProfile, widest: number): Buckets {
  run.place += 1;
  run.nearHome = homeOf(profile);
  farOnline(run.prepared, run.online, run.nearHome, run.onlineFar);
  if (profile.radiusMiles === widest) return run.site;
  return narrowNear(run.prepared, run.site, run.distances, run.nearHome, run.near);
}

function homeOf(profile: DigestProfile): ReturnType<typeof homeFor> {
  return homeFor(profile.lat, profile.lon, profile.radiusMiles);
}

const NONE: readonly number[] = [];
export const NO_PREVIOUS: readonly PreviousItem[] = [];

/** `excluded` with the cadence's left-out events merged in, sorted and without repeats. */
export function withBlocked(excluded: readonly number[], effect: CadenceEffect): readonly number[] {
  if (effect.blocked.length === 0) return excluded;
  if (excluded.length === 0) return effect.blocked;
  return [...new Set([...excluded, ...effect.blocked])].sort((a, b) => a - b);
}

/** Indices (sorted) of last digest's events that are unchanged in this window: those are left out. */
export function excludedBy(prepared: PreparedEvents, previous: readonly PreviousItem[]): readonly number[] {
  if (previous.length === 0) return NONE;
  const excluded: number[] = [];
  for (const { id, contentHash } of previous) {
    for (const index of prepared.indexById.get(id) ?? []) {
      if (prepared.items[index]?.event.contentHash === contentHash) excluded.push(index);
    }
  }
  return [...new Set(excluded)].sort((a, b) => a - b);
}

export function selectInRun(run: Run, profile: DigestProfile, excluded: readonly number[], near: Buckets, effect: CadenceEffect): DigestSelection {
  const { prepared, picks: scratch } = run;
  const interests = phrasesIn(run, profile.interests);
  const employers = phrasesIn(run, profile.targetEmployers);
  // The run's buffers hold this digest's place (`nearInto`, `narrowInto`): its home and far online events are there.
  const atPlace = (near === run.near || near === run.site) && run.nearHome !== null;
  const home = atPlace && run.nearHome !== null ? run.nearHome : homeOf(profile);
  const demoted = applyDemotions(effect, scratch);
  const { sets, bands } = matchSetsOf(run, profile.fields, interests, employers);
  const source = { home, near, online: profile.online ? (atPlace ? run.onlineFar : run.online) : null, onlineFar: atPlace, matchSets: sets, bands, demoted };
  const { indices, counts } = pickFrom(prepared, scratch, source, profile, excluded, effect.jobSeekerLimit);
  clearDemotions(effect, scratch);
  // An event chosen at this place with the same line is shared.
  const shareable = atPlace;
  const chosen: ChosenEvent[] = [];
  for (const index of indices) {
    const item = prepared.items[index];
    if (item === undefined) continue;
    const matched = sets.length === 0 ? NO_MATCHED : matchedIn(run, profile, interests, employers, index);
    const why = run.why.line(run.why.idOf(index, matched));
    let pick = shareable && run.placeStamps[index] === run.place ? run.placeChosen[index] : undefined;
    if (pick?.why !== why) {
      pick = { event: item.event, distanceMiles: milesIfNear(prepared, home, index), why };
      if (shareable) {
        run.placeChosen[index] = pick;
        run.placeStamps[index] = run.place;
      }
    }
    chosen.push(pick);
  }
  const planned = Math.min(jobSeekerTarget(profile.mix, profile.digestSize).target, effect.jobSeekerLimit);
  const facts = { counts: sharedCounts(run, counts), profile, professionalPlanned: profile.digestSize - planned, heldBack: effect.blocked.length };
  return { chosen, counts: facts.counts, opening: sharedOpening(run, facts) };
}

/** `counts`, or an equal object already in the run's results. */
function sharedCounts(run: Run, counts: AudienceCounts): AudienceCounts {
  const jobSeeker = counts['job-seeker'];
  const { professional } = counts;
  if (jobSeeker >= 16 || professional >= 16) return counts;
  const key = jobSeeker * 16 + professional;
  const shared = run.counts[key];
  if (shared !== undefined) return shared;
  run.counts[key] = counts;
  return counts;
}

/** The opening line of `facts`, built once per distinct line in the run. */
function sharedOpening(run: Run, facts: OpeningFacts): string {
  const key = openingKey(facts);
  if (key === null) return openingLine(facts);
  const [plan, rest] = key;
  let byRest = run.openings.get(plan);
  if (byRest === undefined) {
    byRest = new Map();
    run.openings.set(plan, byRest);
  }
  let line = byRest.get(rest);
  if (line === undefined) {
    line = openingLine(facts);
    byRest.set(rest, line);
  }
  return line;
}

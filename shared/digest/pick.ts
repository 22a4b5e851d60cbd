/**
 * The greedy fill of one digest. Each round takes the candidate with the highest score after the
 * same-day penalty (ties: prepared order) among audiences whose quota is open; when both run dry,
 * a short audience's quota widens to what the mix allows.
 *
 * Candidates come split into shared, ranked queues per (audience, day): the near events of the
 * subscriber's home and radius, and (when they want them) the run's online events out of their
 * range; a queue's head is the better of the two. Everyone in a (audience, day) queue
 * carries the same penalty, so a round only compares the queues' heads; a head is found from a
 * read position per queue and match band that only moves forward (used, excluded and
 * organiser-capped events never come back). A digest of eight reads tens of entries, writes none
 * of the shared lists and allocates almost nothing.
 */
import type { AudienceCounts, DigestProfile } from './types';
import { bandOf, bandSteps, isNear, SCORE_STEPS, topBand, type Buckets, type Home } from './candidates';
import { CATEGORY_ORDER, type PreparedEvents } from './prepare';

/** At most this many events from one organiser in a digest. */
export const MAX_PER_ORGANISER = 2;
/** Score lost per event already chosen on the same day: enough to break near-ties, not to beat a match. */
const SAME_DAY_PENALTY_STEPS = 0.5 * SCORE_STEPS;
const JOB_SEEKER = 0;
const PROFESSIONAL = 1;

/** How many job-seeker events a digest of `size` aims for, and the hard cap the mix allows. */
export function jobSeekerTarget(mix: DigestProfile['mix'], size: number): { target: number; cap: number } {
  if (mix === 'job-seeker') return { target: Math.round((2 * size) / 3), cap: size };
  if (mix === 'professional') return { target: Math.min(1, size), cap: 1 };
  return { target: Math.round(size / 3), cap: size };
}

/**
 * Bands a queue is read in: match bands 0–3, lifted by `DEMOTION_LIFT` when a subscriber's
 * feedback or cadence demotes events, so a demoted event drops below an equal undemoted one and
 * a resting series (band 0) comes last of all.
 */
export const DEMOTION_LIFT = 4;
/** The most a demotion takes off (a "Not for me" series); resting series go to band 0 whatever their matches. */
export const MAX_DEMOTION = 3;
/** A series level meaning "rest this week": offered only when nothing else of its audience is left. */
export const RESTING = 255;
const BANDS = 4 + DEMOTION_LIFT;

/** Per-run buffers, reset after each digest so a run of many digests allocates them once. */
export interface PickScratch {
  /** 1 for events left out of this digest (last digest's unchanged events). */
  excluded: Uint8Array;
  organiserTaken: Int32Array;
  /** Read position per ((queue × BANDS + band) × 2 + stream), stream 0 near and 1 online; events taken per day. */
  positions: Int32Array;
  perDay: Int32Array;
  /** Per queue the last head found (-2: look again), its score and read slot: most heads survive a round. */
  heads: Int32Array;
  headScores: Float64Array;
  headSlots: Int32Array;
  /** 1 for series already in this digest: a digest holds one meeting of a series. */
  seriesTaken: Uint8Array;
  /** Per audience: the digest's quota, the most the mix allows, and the events taken. */
  quota: Float64Array;
  hardCap: Float64Array;
  taken: Int32Array;
  /** Demotion levels per series (`RESTING` for a resting one), organiser and category; set by the caller per digest, all 0 between digests. */
  seriesDown: Uint8Array;
  organiserDown: Uint8Array;
  categoryDown: Uint8Array;
}

/** Buffers for picking from `prepared`. */
export function pickScratch(prepared: PreparedEvents): PickScratch {
  const days = prepared.days.length;
  return {
    excluded: new Uint8Array(prepared.items.length),
    organiserTaken: new Int32Array(prepared.organiserCount),
    positions: new Int32Array(2 * days * BANDS * 2),
    perDay: new Int32Array(days),
    heads: new Int32Array(2 * days).fill(-2),
    quota: new Float64Array(2),
    hardCap: new Float64Array(2),
    taken: new Int32Array(2),
    headScores: new Float64Array(2 * days),
    headSlots: new Int32Array(2 * days),
    seriesTaken: new Uint8Array(prepared.seriesNumbers.size),
    seriesDown: new Uint8Array(prepared.seriesNumbers.size),
    organiserDown: new Uint8Array(prepared.organiserCount),
    categoryDown: new Uint8Array(CATEGORY_ORDER.length),
  };
}

/** The picked event indices in prepared order, and how many of each audience. */
export interface Picks {
  indices: number[];
  counts: AudienceCounts;
}

/** Where a digest's candidates come from: the near queues, and the online ones unless null. */
export interface CandidateSource {
  home: Home;
  near: Buckets;
  online: Buckets | null;
  /** True when `online` already leaves out the events near `home` (`farOnline`), so none needs the check. */
  onlineFar?: boolean;
  /** One per phrase: lifts matched events into higher bands. */
  matchSets: readonly Uint8Array[];
  /** Per item, `bandOf(matchSets, item)` worked out ahead (null: no match sets, every band 0), so a scan reads one byte. */
  bands?: Uint8Array | null;
  /** True when the scratch's demotion arrays hold something for this digest. */
  demoted: boolean;
}

/** The state one `headOf` search reads; kept in a per-run object so a digest creates no closures. */
interface Search {
  prepared: PreparedEvents;
  scratch: PickScratch;
  source: CandidateSource;
  top: number;
  lift: number;
  /** The head found by the last `headOf` call: its read slot and score in steps (before the day penalty). */
  slot: number;
  steps: number;
}

const searches = new WeakMap<PickScratch, Search>();

/** The band event `index` is read in: its match band, lifted and demoted when the digest demotes anything. */
function bandAt(search: Search, index: number): number {
  const { bands } = search.source;
  const band = bands === undefined ? bandOf(search.source.matchSets, index) : bands === null ? 0 : (bands[index] ?? 0);
  if (search.lift === 0) return band;
  const { prepared, scratch } = search;
  const series = scratch.seriesDown[prepared.seriesIndex[index] ?? 0] ?? 0;
  if (series === RESTING) return 0;
  const down = series + (scratch.organiserDown[prepared.organiserIndex[index] ?? 0] ?? 0) + (scratch.categoryDown[prepared.categoryIndex[index] ?? 0] ?? 0);
  return band + search.lift - Math.min(MAX_DEMOTION, down);
}

/** The highest match band among `indices[from … end)`, stopping early at `ceiling` (the highest there can be). */
function bestBand(bands: Uint8Array, indices: Int32Array, from: number, end: number, ceiling: number): number {
  let best = 0;
  for (let at = from; at < end && best < ceiling; at += 1) best = Math.max(best, bands[indices[at] ?? 0] ?? 0);
  return best;
}

/** True when event `index` can no longer join this digest: its organiser is at the cap or its series is in. */
function isCapped(prepared: PreparedEvents, scratch: PickScratch, index: number): boolean {
  return (scratch.organiserTaken[prepared.organiserIndex[index] ?? 0] ?? 0) >= MAX_PER_ORGANISER || scratch.seriesTaken[prepared.seriesIndex[index] ?? 0] === 1;
}

/** The best event left in a queue: the better of the streams' first usable ones in the highest band, or -1. */
function headOf(search: Search, queue: number): number {
  const { prepared, scratch, source, top, lift } = search;
  const { positions, excluded } = scratch;
  const { home, bands } = source;
  const streamCount = source.online === null ? 1 : 2;
  for (let band = top; band >= 0; band -= 1) {
    let found = -1;
    for (let stream = 0; stream < streamCount; stream += 1) {
      const { indices, steps, starts } = stream === 0 ? source.near : (source.online ?? source.near);
      const slot = (queue * BANDS + band) * 2 + stream;
      const end = starts[queue + 1] ?? 0;
      let position = positions[slot] ?? end;
      for (; position < end; position += 1) {
        const index = indices[position] ?? 0;
        // The band test first: in the upper bands it turns most events away. An event's band is
        // at most its match band plus the lift (demotions only lower it), so one read rules out most.
        if (top > 0) {
          if (bands !== undefined && (bands === null ? 0 : (bands[index] ?? 0)) + lift < band) continue;
          if (bandAt(search, index) !== band) continue;
        }
        if (excluded[index] === 1 || isCapped(prepared, scratch, index)) continue;
        // Online events within range are ranked (by distance) in the near stream.
        if (stream === 1 && source.onlineFar !== true && isNear(prepared, home, index)) continue;
        break;
      }
      positions[slot] = position;
      if (position >= end) continue;
      const index = indices[position] ?? 0;
      const score = (steps[position] ?? 0) + bandSteps(band);
      if (found < 0 || score > search.steps || (score === search.steps && index < found)) {
        found = index;
        search.steps = score;
        search.slot = slot;
      }
    }
    if (found >= 0) return found;
  }
  return -1;
}

/**
 * Fills a digest of `profile.digestSize` from `source`, leaving `excluded` indices out and taking
 * at most `jobSeekerLimit` job-seeker events (what the month's cadence has left).
 */
export function pickFrom(
  prepared: PreparedEvents,
  scratch: PickScratch,
  source: CandidateSource,
  profile: Pick<DigestProfile, 'mix' | 'digestSize'>,
  excluded: readonly number[],
  jobSeekerLimit = Number.MAX_SAFE_INTEGER,
): Picks {
  const size = profile.digestSize;
  const days = prepared.days.length;
  const queues = 2 * days;
  const { jobSeeker, dayIndex, organiserIndex, seriesIndex } = prepared;
  const { organiserTaken, seriesTaken, positions, perDay, heads, headScores, headSlots } = scratch;
  const lift = source.demoted ? DEMOTION_LIFT : 0;
  const top = topBand(source.matchSets.length) + lift;
  let search = searches.get(scratch);
  if (search === undefined || search.prepared !== prepared) {
    search = { prepared, scratch, source, top, lift, slot: 0, steps: 0 };
    searches.set(scratch, search);
  }
  search.source = source;
  search.top = top;
  search.lift = lift;
  const planned = jobSeekerTarget(profile.mix, size);
  const target = Math.min(planned.target, jobSeekerLimit);
  // Per audience (job seekers, professionals): the quota, what the mix allows at most, and the count taken.
  const { quota, hardCap, taken } = scratch;
  quota[JOB_SEEKER] = target;
  quota[PROFESSIONAL] = size - target;
  hardCap[JOB_SEEKER] = Math.min(planned.cap, jobSeekerLimit);
  hardCap[PROFESSIONAL] = size;
  taken.fill(0);
  const picks: number[] = [];
  for (const index of excluded) scratch.excluded[index] = 1;
  const nearStarts = source.near.starts;
  const onlineStarts = source.online?.starts ?? null;
  // A band above a queue's best match band (plus the lift) holds nothing: its read starts at the end.
  const bands = source.bands ?? null;
  const topMatch = top - lift;
  for (let queue = 0; queue < queues; queue += 1) {
    const nearFrom = nearStarts[queue] ?? 0;
    const nearEnd = nearStarts[queue + 1] ?? 0;
    const nearTop = bands === null ? top : lift + bestBand(bands, source.near.indices, nearFrom, nearEnd, topMatch);
    const onlineFrom = onlineStarts?.[queue] ?? 0;
    const onlineEnd = onlineStarts?.[queue + 1] ?? 0;
    const onlineTop = bands === null || source.online === null ? top : lift + bestBand(bands, source.online.indices, onlineFrom, onlineEnd, topMatch);
    for (let band = 0; band <= top; band += 1) {
      const slot = (queue * BANDS + band) * 2;
      positions[slot] = band > nearTop ? nearEnd : nearFrom;
      if (onlineStarts !== null) positions[slot + 1] = band > onlineTop ? onlineEnd : onlineFrom;
    }
  }

  while (picks.length < size) {
    let best = -1;
    let bestScore = 0;
    let bestSlot = -1;
    let bestQueue = -1;
    for (let audience = JOB_SEEKER; audience <= PROFESSIONAL; audience += 1) {
      if ((taken[audience] ?? 0) >= (quota[audience] ?? 0)) continue;
      for (let day = 0; day < days; day += 1) {
        const queue = audience * days + day;
        let index = heads[queue] ?? -2;
        // A head stays valid until it is picked, its organiser reaches the cap or its series is in (see below).
        if (index === -2) {
          index = headOf(search, queue);
          heads[queue] = index;
          headScores[queue] = search.steps;
          headSlots[queue] = search.slot;
        }
        if (index < 0) continue;
        const score = (headScores[queue] ?? 0) - SAME_DAY_PENALTY_STEPS * (perDay[day] ?? 0);
        if (best < 0 || score > bestScore || (score === bestScore && index < best)) {
          best = index;
          bestScore = score;
          bestSlot = headSlots[queue] ?? 0;
          bestQueue = queue;
        }
      }
    }
    if (best < 0) {
      // The open quotas have nothing left: the other side fills up to what the mix allows.
      let widened = false;
      for (let audience = JOB_SEEKER; audience <= PROFESSIONAL; audience += 1) {
        if ((quota[audience] ?? 0) >= (hardCap[audience] ?? 0)) continue;
        let any = false;
        for (let day = 0; day < days && !any; day += 1) any = headOf(search, audience * days + day) >= 0;
        if (!any) continue;
        quota[audience] = hardCap[audience] ?? 0;
        widened = true;
      }
      if (!widened) break;
      continue;
    }
    // The best is its queue's head in its band: step past it.
    positions[bestSlot] = (positions[bestSlot] ?? 0) + 1;
    heads[bestQueue] = -2;
    picks.push(best);
    const audience = jobSeeker[best] === 1 ? JOB_SEEKER : PROFESSIONAL;
    taken[audience] = (taken[audience] ?? 0) + 1;
    const organiser = organiserIndex[best] ?? 0;
    const organiserCount = (organiserTaken[organiser] ?? 0) + 1;
    organiserTaken[organiser] = organiserCount;
    const series = seriesIndex[best] ?? 0;
    seriesTaken[series] = 1;
    const day = dayIndex[best] ?? 0;
    perDay[day] = (perDay[day] ?? 0) + 1;
    // Heads this pick capped (same series, or its organiser now full) are looked for again.
    const organiserFull = organiserCount >= MAX_PER_ORGANISER;
    for (let queue = 0; queue < queues; queue += 1) {
      const head = heads[queue] ?? -2;
      if (head >= 0 && (seriesIndex[head] === series || (organiserFull && organiserIndex[head] === organiser))) heads[queue] = -2;
    }
  }

  for (const index of excluded) scratch.excluded[index] = 0;
  for (const index of picks) {
    organiserTaken[organiserIndex[index] ?? 0] = 0;
    seriesTaken[seriesIndex[index] ?? 0] = 0;
  }
  perDay.fill(0);
  heads.fill(-2);
  // A handful of numbers: an insertion sort, without the comparator calls of `Array#sort`.
  for (let i = 1; i < picks.length; i += 1) {
    const value = picks[i] ?? 0;
    let j = i - 1;
    for (; j >= 0 && (picks[j] ?? 0) > value; j -= 1) picks[j + 1] = picks[j] ?? 0;
    picks[j + 1] = value;
  }
  return { indices: picks, counts: { 'job-seeker': taken[JOB_SEEKER] ?? 0, professional: taken[PROFESSIONAL] ?? 0 } };
}

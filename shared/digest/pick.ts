/**
 * The greedy fill of one digest from a ranked candidate list. Each round takes the candidate with
 * the highest score after the same-day penalty (ties: prepared order) among audiences whose quota
 * is open; when both run dry, a short audience's quota widens to what the mix allows.
 *
 * The ranked list is read lazily: candidates seen so far wait in one queue per (audience, day).
 * Everyone in a queue carries the same penalty, so its head is its best; and no unseen candidate
 * can beat the best head once the next unseen score is below it (penalties only lower scores).
 * A digest of eight therefore reads tens of candidates, not thousands, and allocates almost nothing.
 */
import type { AudienceCounts, DigestProfile } from './types';
import { keyIndex, keySteps, SCORE_STEPS, type CandidateStream } from './candidates';
import type { PreparedEvents } from './prepare';

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

/** Per-run buffers, reset after each digest so a run of many digests allocates them once. */
export interface PickScratch {
  /** Queue links by event index (-1 ends a queue) and each queued event's score in steps. */
  next: Int32Array;
  steps: Float64Array;
  /** 1 for events left out of this digest (last digest's unchanged events). */
  excluded: Uint8Array;
  organiserTaken: Int32Array;
  /** Per (audience × days + day): queue head and tail, and per day the events taken. */
  head: Int32Array;
  tail: Int32Array;
  perDay: Int32Array;
}

/** Buffers for picking from `prepared`. */
export function pickScratch(prepared: PreparedEvents): PickScratch {
  const count = prepared.items.length;
  const days = prepared.days.length;
  return {
    next: new Int32Array(count),
    steps: new Float64Array(count),
    excluded: new Uint8Array(count),
    organiserTaken: new Int32Array(prepared.organiserCount),
    head: new Int32Array(2 * days).fill(-1),
    tail: new Int32Array(2 * days).fill(-1),
    perDay: new Int32Array(days),
  };
}

/** The picked event indices in prepared order, and how many of each audience. */
export interface Picks {
  indices: number[];
  counts: AudienceCounts;
}

/** Fills a digest of `profile.digestSize` from `candidates` (packed keys, best first), skipping `excluded` indices. */
export function pickFrom(
  prepared: PreparedEvents,
  scratch: PickScratch,
  candidates: CandidateStream,
  profile: Pick<DigestProfile, 'mix' | 'digestSize'>,
  excluded: readonly number[],
): Picks {
  const size = profile.digestSize;
  const days = prepared.days.length;
  const { jobSeeker, dayIndex, organiserIndex } = prepared;
  const { next, steps, organiserTaken, head, tail, perDay } = scratch;
  const { target, cap } = jobSeekerTarget(profile.mix, size);
  const quota = [target, size - target];
  const hardCap = [cap, size];
  const taken = [0, 0];
  const picks: number[] = [];
  for (const index of excluded) scratch.excluded[index] = 1;

  /** The head of a queue after dropping organiser-capped events (caps never lift within a digest). */
  const headOf = (queue: number): number => {
    let index = head[queue] ?? -1;
    while (index >= 0 && (organiserTaken[organiserIndex[index] ?? 0] ?? 0) >= MAX_PER_ORGANISER) index = next[index] ?? -1;
    head[queue] = index;
    if (index < 0) tail[queue] = -1;
    return index;
  };

  while (picks.length < size) {
    let best = -1;
    let bestScore = 0;
    let bestQueue = -1;
    for (let audience = JOB_SEEKER; audience <= PROFESSIONAL; audience += 1) {
      if ((taken[audience] ?? 0) >= (quota[audience] ?? 0)) continue;
      for (let day = 0; day < days; day += 1) {
        const queue = audience * days + day;
        const index = headOf(queue);
        if (index < 0) continue;
        const score = (steps[index] ?? 0) - SAME_DAY_PENALTY_STEPS * (perDay[day] ?? 0);
        if (best < 0 || score > bestScore || (score === bestScore && index < best)) {
          best = index;
          bestScore = score;
          bestQueue = queue;
        }
      }
    }
    while (candidates.key !== Number.POSITIVE_INFINITY) {
      const key = candidates.key;
      const score = keySteps(key);
      if (best >= 0 && score < bestScore) break;
      candidates.advance();
      const index = keyIndex(key);
      if (scratch.excluded[index] === 1 || (organiserTaken[organiserIndex[index] ?? 0] ?? 0) >= MAX_PER_ORGANISER) continue;
      const audience = jobSeeker[index] === 1 ? JOB_SEEKER : PROFESSIONAL;
      const day = dayIndex[index] ?? 0;
      const queue = audience * days + day;
      steps[index] = score;
      next[index] = -1;
      const last = tail[queue] ?? -1;
      tail[queue] = index;
      if (last >= 0) {
        next[last] = index;
        continue;
      }
      head[queue] = index;
      if ((taken[audience] ?? 0) >= (quota[audience] ?? 0)) continue;
      const adjusted = score - SAME_DAY_PENALTY_STEPS * (perDay[day] ?? 0);
      if (best < 0 || adjusted > bestScore || (adjusted === bestScore && index < best)) {
        best = index;
        bestScore = adjusted;
        bestQueue = queue;
      }
    }
    if (best < 0) {
      // Every candidate is queued and the open quotas have none: the other side fills up to what the mix allows.
      let widened = false;
      for (let audience = JOB_SEEKER; audience <= PROFESSIONAL; audience += 1) {
        if ((quota[audience] ?? 0) >= (hardCap[audience] ?? 0)) continue;
        let any = false;
        for (let day = 0; day < days && !any; day += 1) any = headOf(audience * days + day) >= 0;
        if (!any) continue;
        quota[audience] = hardCap[audience] ?? 0;
        widened = true;
      }
      if (!widened) break;
      continue;
    }
    // The best is always its queue's head.
    head[bestQueue] = next[best] ?? -1;
    if ((head[bestQueue] ?? -1) < 0) tail[bestQueue] = -1;
    picks.push(best);
    const audience = jobSeeker[best] === 1 ? JOB_SEEKER : PROFESSIONAL;
    taken[audience] = (taken[audience] ?? 0) + 1;
    const organiser = organiserIndex[best] ?? 0;
    organiserTaken[organiser] = (organiserTaken[organiser] ?? 0) + 1;
    const day = dayIndex[best] ?? 0;
    perDay[day] = (perDay[day] ?? 0) + 1;
  }

  for (const index of excluded) scratch.excluded[index] = 0;
  for (const index of picks) organiserTaken[organiserIndex[index] ?? 0] = 0;
  head.fill(-1);
  tail.fill(-1);
  perDay.fill(0);
  picks.sort((a, b) => a - b);
  return { indices: picks, counts: { 'job-seeker': taken[JOB_SEEKER] ?? 0, professional: taken[PROFESSIONAL] ?? 0 } };
}

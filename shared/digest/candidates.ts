/**
 * Ranked candidate lists for selection. A candidate's score has a part every subscriber at one
 * home with one radius and online choice shares (free bonus, nearness) and a part from their terms
 * (interest and employer matches). The shared part is ranked once per (home, radius, online) and
 * cached by the caller; terms only re-merge that list. Scores are whole "steps" so comparisons are
 * exact, packed with the event index into one double so a native numeric sort ranks them.
 */
import { chordSquaredForMiles, milesFromChordSquared, unitVector } from './geo';
import { searchableText, type PreparedEvents } from './prepare';

/** Packed keys are `-steps * INDEX_SPACE + index`: ascending key = best first, ties in prepared order. */
export const INDEX_SPACE = 2 ** 20;
/** One score point in steps; scores are rounded to a millionth so ties are exact. */
export const SCORE_STEPS = 1_000_000;
/** Score per matched term, counted up to `MAX_MATCHES_COUNTED`. */
const MATCH_STEPS = 2 * SCORE_STEPS;
const MAX_MATCHES_COUNTED = 3;
const FREE_BONUS = 1;
const NEAR_BONUS = 0.5;
/** Nearness of an online event out of range (or with no place): half of the near bonus's range. */
const ONLINE_NEARNESS = 0.5;
/** Radius slack in squared-chord units: an event exactly on the radius counts as inside. */
const RADIUS_SLACK = 1e-12;

/** The event index of a packed key (floor and a power-of-two divide are exact here, and far cheaper than `%` on doubles). */
export function keyIndex(key: number): number {
  return key - Math.floor(key / INDEX_SPACE) * INDEX_SPACE;
}

/** A subscriber's home as a unit vector with the squared chord of their radius. */
export interface Home {
  x: number;
  y: number;
  z: number;
  radiusMiles: number;
  cutoff: number;
}

/** The `Home` for a centroid and radius. */
export function homeFor(lat: number, lon: number, radiusMiles: number): Home {
  const [x, y, z] = unitVector(lat, lon);
  return { x, y, z, radiusMiles, cutoff: chordSquaredForMiles(radiusMiles) + RADIUS_SLACK };
}

function chordSquaredTo(prepared: PreparedEvents, home: Home, index: number): number {
  const dx = (prepared.xs[index] ?? Number.NaN) - home.x;
  const dy = (prepared.ys[index] ?? Number.NaN) - home.y;
  const dz = (prepared.zs[index] ?? Number.NaN) - home.z;
  return dx * dx + dy * dy + dz * dz;
}

/** Miles from home when the event is within the radius, else null (online-only or out of range). */
export function milesIfNear(prepared: PreparedEvents, home: Home, index: number): number | null {
  const chord2 = chordSquaredTo(prepared, home, index);
  // NaN (no coordinates) fails the comparison, like an event out of range.
  return chord2 <= home.cutoff ? milesFromChordSquared(chord2) : null;
}

/** Per-run buffers for ranking near events (`bucketNear`), as long as the run's events; zero between calls. */
export interface RankBuffers {
  /** Per item: 1 + its queue while it is listed, else 0; and its score in steps. */
  queueOf: Int32Array;
  stepsOf: Int32Array;
  /** Two (index, steps) lists the sort passes write back and forth. */
  indicesA: Int32Array;
  stepsA: Int32Array;
  indicesB: Int32Array;
  stepsB: Int32Array;
  /** Counts per digit of the two sort passes. */
  low: Int32Array;
  high: Int32Array;
}

const LOW_BITS = 11;
const LOW_MASK = (1 << LOW_BITS) - 1;
/**
 * Sort keys are `RANK_BASE − steps`, two 11-bit digits, so ascending keys put more steps first. The
 * base is the most steps a near event can have (free, at the very centre) plus room below 0: an
 * event on the radius's slack scores a few steps under 0 at a radius of a mile.
 */
const RANK_BASE = Math.round((FREE_BONUS + NEAR_BONUS) * SCORE_STEPS) + SCORE_STEPS;
const RANK_KEYS = 1 << (2 * LOW_BITS);
const HIGH_DIGITS = 1 << LOW_BITS;

export function rankBuffers(prepared: PreparedEvents): RankBuffers {
  const count = prepared.items.length;
  return {
    queueOf: new Int32Array(count),
    stepsOf: new Int32Array(count),
    indicesA: new Int32Array(count),
    stepsA: new Int32Array(count),
    indicesB: new Int32Array(count),
    stepsB: new Int32Array(count),
    low: new Int32Array(1 << LOW_BITS),
    high: new Int32Array(HIGH_DIGITS),
  };
}

/**
 * Events within the radius of `home` in (audience, day) queues, each ranked best first (more
 * steps, then the lower index); shared by everyone with that home and radius. No comparison sort:
 * the listed events are read in index order and put in order by two stable counting passes over
 * their scores (whole steps, two 11-bit digits) and one over their queues. The lists are written into
 * `into` when given (buffers as long as the events, and `2 × days + 1` starts: a caller that
 * reads one (home, radius) at a time reuses them, and they hold only the latest), else allocated.
 * `record`, when given, receives each listed event's squared chord and miles, for `narrowNear`.
 */
export function bucketNear(prepared: PreparedEvents, home: Home, buffers: RankBuffers, into?: Buckets, record?: Distances): Buckets {
  const { free, jobSeeker, dayIndex } = prepared;
  const { queueOf, stepsOf, indicesA, stepsA, indicesB, stepsB, low, high } = buffers;
  const days = prepared.days.length;
  const starts = into?.starts.fill(0) ?? new Int32Array(2 * days + 1);
  let length = 0;
  let first = prepared.items.length;
  let last = -1;
  // A chord is at least its z difference: only events whose z lies within the radius's chord of home's can be near.
  const { byZ, zsByZ } = prepared;
  const reach = Math.sqrt(home.cutoff) * (1 + 1e-9) + 1e-12;
  const end = firstAbove(zsByZ, home.z + reach);
  for (let at = firstAbove(zsByZ, home.z - reach, true); at < end; at += 1) {
    const index = byZ[at] ?? 0;
    const chord2 = chordSquaredTo(prepared, home, index);
    // NaN (no coordinates) fails the comparison, like an event out of range.
    if (!(chord2 <= home.cutoff)) continue;
    const miles = milesFromChordSquared(chord2);
    if (record) {
      record.chords[index] = chord2;
      record.miles[index] = miles;
    }
    const steps = nearSteps(free[index] === 1, miles, home.radiusMiles);
    // Unreachable for an event within the radius (its steps lie within a point of 0 … 1.5 points), but checked: the digits must fit.
    if (!(RANK_BASE - steps >= 0 && RANK_BASE - steps < RANK_KEYS)) throw new RangeError(`a near event scored ${steps} steps`);
    const queue = (jobSeeker[index] === 1 ? 0 : days) + (dayIndex[index] ?? 0);
    queueOf[index] = queue + 1;
    stepsOf[index] = steps;
    starts[queue + 1] = (starts[queue + 1] ?? 0) + 1;
    length += 1;
    if (index < first) first = index;
    if (index > last) last = index;
  }
  // The listed events in index order (the tie order), with both digits counted.
  low.fill(0);
  high.fill(0);
  let k = 0;
  for (let index = first; index <= last; index += 1) {
    if (queueOf[index] === 0) continue;
    const steps = stepsOf[index] ?? 0;
    const inverse = RANK_BASE - steps;
    indicesA[k] = index;
    stepsA[k] = steps;
    k += 1;
    low[inverse & LOW_MASK] = (low[inverse & LOW_MASK] ?? 0) + 1;
    high[inverse >>> LOW_BITS] = (high[inverse >>> LOW_BITS] ?? 0) + 1;
  }
  countingPass(indicesA, stepsA, indicesB, stepsB, length, low, (steps) => (RANK_BASE - steps) & LOW_MASK);
  countingPass(indicesB, stepsB, indicesA, stepsA, length, high, (steps) => (RANK_BASE - steps) >>> LOW_BITS);
  // Then by queue, keeping that order: each queue best first.
  for (let queue = 1; queue < starts.length; queue += 1) starts[queue] = (starts[queue] ?? 0) + (starts[queue - 1] ?? 0);
  const indices = into?.indices ?? new Int32Array(length);
  const steps = into?.steps ?? new Int32Array(length);
  const fill = buffers.high.subarray(0, starts.length - 1);
  fill.set(starts.subarray(0, starts.length - 1));
  for (let at = 0; at < length; at += 1) {
    const index = indicesA[at] ?? 0;
    const queue = (queueOf[index] ?? 1) - 1;
    const to = fill[queue] ?? 0;
    fill[queue] = to + 1;
    indices[to] = index;
    steps[to] = stepsA[at] ?? 0;
    queueOf[index] = 0;
  }
  return into ?? { indices, steps, starts };
}

/** One stable counting pass: `(indices, steps)` into `(toIndices, toSteps)` by `digitOf(steps)`, with the digits' counts in `counts`. */
function countingPass(indices: Int32Array, steps: Int32Array, toIndices: Int32Array, toSteps: Int32Array, length: number, counts: Int32Array, digitOf: (steps: number) => number): void {
  let sum = 0;
  for (let digit = 0; digit < counts.length; digit += 1) {
    const count = counts[digit] ?? 0;
    counts[digit] = sum;
    sum += count;
  }
  for (let at = 0; at < length; at += 1) {
    const value = steps[at] ?? 0;
    const digit = digitOf(value);
    const to = counts[digit] ?? 0;
    counts[digit] = to + 1;
    toIndices[to] = indices[at] ?? 0;
    toSteps[to] = value;
  }
}

/** Per item, its squared chord and miles from one home: written by `bucketNear` for the events it lists. */
export interface Distances {
  chords: Float64Array;
  miles: Float64Array;
}

/** A near event's score in steps before matches: the free bonus and its nearness within `radiusMiles`. */
function nearSteps(free: boolean, miles: number, radiusMiles: number): number {
  return Math.round(((free ? FREE_BONUS : 0) + NEAR_BONUS * (1 - miles / radiusMiles)) * SCORE_STEPS);
}

/**
 * `bucketNear` for a smaller radius at the same place, from the larger radius's queues (`wide`,
 * with the `distances` it recorded): the events within the smaller radius, rescored. A free event
 * within a radius always outranks one that is not (the free bonus exceeds all of nearness), and
 * within each the order is by distance either way, so the wide order is the narrow one except
 * among events whose scores round alike at one radius and not the other; an insertion pass puts
 * those right. Each queue costs a pass and no sort, and the result equals `bucketNear`'s exactly.
 */
export function narrowNear(prepared: PreparedEvents, wide: Buckets, distances: Distances, home: Home, into: Buckets): Buckets {
  const { free } = prepared;
  const { indices, steps, starts } = into;
  const queues = starts.length - 1;
  let length = 0;
  for (let queue = 0; queue < queues; queue += 1) {
    starts[queue] = length;
    const first = length;
    const end = wide.starts[queue + 1] ?? 0;
    for (let at = wide.starts[queue] ?? 0; at < end; at += 1) {
      const index = wide.indices[at] ?? 0;
      if (!((distances.chords[index] ?? Number.NaN) <= home.cutoff)) continue;
      const score = nearSteps(free[index] === 1, distances.miles[index] ?? 0, home.radiusMiles);
      // Ranked order: more steps first, then the lower index (bucketNear's ascending packed keys).
      let slot = length;
      for (; slot > first; slot -= 1) {
        const before = steps[slot - 1] ?? 0;
        if (before > score || (before === score && (indices[slot - 1] ?? 0) < index)) break;
        steps[slot] = before;
        indices[slot] = indices[slot - 1] ?? 0;
      }
      steps[slot] = score;
      indices[slot] = index;
      length += 1;
    }
  }
  starts[queues] = length;
  return into;
}

/**
 * The run's online queues without the events within `home`'s radius (those are ranked in its near
 * queues): what the online stream of every digest at that home reads, so none of them skips the
 * near ones one by one. Order and scores are kept; written into `into`.
 */
export function farOnline(prepared: PreparedEvents, online: Buckets, home: Home, into: Buckets): Buckets {
  const { indices, steps, starts } = into;
  const queues = starts.length - 1;
  let length = 0;
  for (let queue = 0; queue < queues; queue += 1) {
    starts[queue] = length;
    const end = online.starts[queue + 1] ?? 0;
    for (let at = online.starts[queue] ?? 0; at < end; at += 1) {
      const index = online.indices[at] ?? 0;
      if (isNear(prepared, home, index)) continue;
      indices[length] = index;
      steps[length] = online.steps[at] ?? 0;
      length += 1;
    }
  }
  starts[queues] = length;
  return into;
}

/** The first position in ascending `values` holding more than `bound` (or at least `bound` when `inclusive`), else the length. */
function firstAbove(values: Float64Array, bound: number, inclusive = false): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = values[middle] ?? 0;
    if (inclusive ? value < bound : value <= bound) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** True when the event is within the radius (NaN, no coordinates, is not). */
export function isNear(prepared: PreparedEvents, home: Home, index: number): boolean {
  return chordSquaredTo(prepared, home, index) <= home.cutoff;
}

/**
 * Every online event as packed keys best first, scored as if out of range (by cost only). A
 * subscriber who wants online events reads these next to their near list, skipping the ones
 * that are near (those are ranked there), so this list is shared by the whole run.
 */
export function rankOnline(prepared: PreparedEvents): Float64Array {
  const { free, online } = prepared;
  const keys: number[] = [];
  for (let index = 0; index < online.length; index += 1) {
    if (online[index] !== 1) continue;
    const steps = Math.round(((free[index] === 1 ? FREE_BONUS : 0) + NEAR_BONUS * ONLINE_NEARNESS) * SCORE_STEPS);
    keys.push(-steps * INDEX_SPACE + index);
  }
  return Float64Array.from(keys).sort();
}

/**
 * Candidates split into one queue per (audience, day), each in ranked order: queue
 * `audience × days + day` (job seekers first) spans positions `starts[q]` to `starts[q + 1]` of
 * `indices` (event indices) and `steps` (their scores before matches and penalties).
 */
export interface Buckets {
  indices: Int32Array;
  steps: Int32Array;
  starts: Int32Array;
}

/** Counting-sorts ranked keys into their (audience, day) buckets, keeping rank order inside each. */
export function bucketCandidates(prepared: PreparedEvents, ranked: Float64Array): Buckets {
  const days = prepared.days.length;
  const { jobSeeker, dayIndex } = prepared;
  const starts = new Int32Array(2 * days + 1);
  for (const key of ranked) {
    const index = keyIndex(key);
    const bucket = (jobSeeker[index] === 1 ? 0 : days) + (dayIndex[index] ?? 0) + 1;
    starts[bucket] = (starts[bucket] ?? 0) + 1;
  }
  for (let bucket = 1; bucket < starts.length; bucket += 1) starts[bucket] = (starts[bucket] ?? 0) + (starts[bucket - 1] ?? 0);
  const fill = starts.slice(0, -1);
  const indices = new Int32Array(ranked.length);
  const steps = new Int32Array(ranked.length);
  for (const key of ranked) {
    const index = keyIndex(key);
    const bucket = (jobSeeker[index] === 1 ? 0 : days) + (dayIndex[index] ?? 0);
    const at = fill[bucket] ?? 0;
    indices[at] = index;
    steps[at] = (index - key) / INDEX_SPACE;
    fill[bucket] = at + 1;
  }
  return { indices, steps, starts };
}

/** A term as typed (quoted in the why line) and as a search phrase (`" machine learning "`). */
export interface Phrase {
  term: string;
  phrase: string;
}

/** Terms as search phrases; blank ones are dropped. */
export function phrasesOf(terms: readonly string[]): Phrase[] {
  return terms.map((term) => ({ term: term.trim(), phrase: searchableText(term) })).filter(({ phrase }) => phrase.trim() !== '');
}

/** Per item, 1 when its text contains `phrase`; computed once per distinct phrase per run. */
export function matchPhrase(prepared: PreparedEvents, phrase: string): Uint8Array {
  const matches = new Uint8Array(prepared.items.length);
  prepared.items.forEach((item, index) => {
    if (item.text.includes(phrase)) matches[index] = 1;
  });
  return matches;
}

/** The most a score can be without matches: free plus full nearness. */
const MAX_BASE_STEPS = Math.round((FREE_BONUS + NEAR_BONUS) * SCORE_STEPS);
if (MAX_BASE_STEPS >= MATCH_STEPS) throw new Error('a match must outweigh any base score: match bands rely on it');

/**
 * An event's match band: how many of the subscriber's phrases it contains (duplicates count
 * again), up to three. Each adds `MATCH_STEPS`, which outweighs any base score, so a higher band
 * always ranks first and, within a band, the base ranking holds: no re-sort is needed.
 */
export function bandOf(matchSets: readonly Uint8Array[], index: number): number {
  let matches = 0;
  for (const set of matchSets) matches += set[index] ?? 0;
  return Math.min(MAX_MATCHES_COUNTED, matches);
}

/** The highest band a subscriber with `phraseCount` phrases can have. */
export function topBand(phraseCount: number): number {
  return Math.min(MAX_MATCHES_COUNTED, phraseCount);
}

/** Score steps a band adds. */
export function bandSteps(band: number): number {
  return band * MATCH_STEPS;
}

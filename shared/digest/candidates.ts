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

/** The event index of a packed key. */
export function keyIndex(key: number): number {
  return ((key % INDEX_SPACE) + INDEX_SPACE) % INDEX_SPACE;
}

/** The score steps of a packed key. */
export function keySteps(key: number): number {
  return (keyIndex(key) - key) / INDEX_SPACE;
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

/**
 * Every event a subscriber at `home` can get (within the radius, or online when they want online),
 * as packed keys best first. The same array serves everyone with that home, radius and choice.
 */
export function rankCandidates(prepared: PreparedEvents, home: Home, wantsOnline: boolean): Float64Array {
  const { free, online } = prepared;
  const count = prepared.items.length;
  if (count >= INDEX_SPACE) throw new RangeError(`at most ${INDEX_SPACE - 1} events per selection`);
  const keys = new Float64Array(count);
  let length = 0;
  for (let index = 0; index < count; index += 1) {
    const chord2 = chordSquaredTo(prepared, home, index);
    const bonus = free[index] === 1 ? FREE_BONUS : 0;
    let steps: number;
    if (chord2 <= home.cutoff) {
      steps = Math.round((bonus + NEAR_BONUS * (1 - milesFromChordSquared(chord2) / home.radiusMiles)) * SCORE_STEPS);
    } else if (wantsOnline && online[index] === 1) {
      steps = Math.round((bonus + NEAR_BONUS * ONLINE_NEARNESS) * SCORE_STEPS);
    } else continue;
    keys[length] = -steps * INDEX_SPACE + index;
    length += 1;
  }
  return keys.slice(0, length).sort();
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

/** Reusable buffers for `boostMatches`, one per run: the split lists and the merged output. */
export interface BoostScratch {
  /** By match count 0 … 3. */
  lists: Float64Array[];
  merged: Float64Array;
}

/** Buffers for `boostMatches` over `count` events. */
export function boostScratch(count: number): BoostScratch {
  return {
    lists: [new Float64Array(count), new Float64Array(count), new Float64Array(count), new Float64Array(count)],
    merged: new Float64Array(count),
  };
}

/**
 * `ranked` re-ranked with term matches: each matched phrase (duplicates count again) adds
 * `MATCH_STEPS`, up to three. Adding the same amount keeps order, so the list splits by match
 * count into four ranked lists that one linear merge joins. The result lives in `scratch`.
 */
export function boostMatches(ranked: Float64Array, matchSets: readonly Uint8Array[], scratch: BoostScratch): Float64Array {
  const { lists, merged } = scratch;
  const lengths = [0, 0, 0, 0];
  for (const key of ranked) {
    const index = keyIndex(key);
    let matches = 0;
    for (const set of matchSets) matches += set[index] ?? 0;
    const bucket = Math.min(MAX_MATCHES_COUNTED, matches);
    const list = lists[bucket];
    const at = lengths[bucket] ?? 0;
    if (list) list[at] = key - bucket * MATCH_STEPS * INDEX_SPACE;
    lengths[bucket] = at + 1;
  }
  const heads = [0, 0, 0, 0];
  for (let out = 0; out < ranked.length; out += 1) {
    let bestList = -1;
    let bestKey = Number.POSITIVE_INFINITY;
    for (let bucket = 0; bucket < 4; bucket += 1) {
      const head = heads[bucket] ?? 0;
      if (head >= (lengths[bucket] ?? 0)) continue;
      const key = lists[bucket]?.[head] ?? Number.POSITIVE_INFINITY;
      if (key < bestKey) {
        bestKey = key;
        bestList = bucket;
      }
    }
    merged[out] = bestKey;
    heads[bestList] = (heads[bestList] ?? 0) + 1;
  }
  return merged.subarray(0, ranked.length);
}

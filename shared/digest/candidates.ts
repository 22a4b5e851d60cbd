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

/** The most a score can be without matches: free plus full nearness. */
const MAX_BASE_STEPS = Math.round((FREE_BONUS + NEAR_BONUS) * SCORE_STEPS);
if (MAX_BASE_STEPS >= MATCH_STEPS) throw new Error('a match must outweigh any base score: candidate bands rely on it');

/**
 * A ranked list re-ranked by term matches, read lazily. Each matched phrase (duplicates count
 * again) adds `MATCH_STEPS`, up to three; as a match outweighs any base score, the result is the
 * ranked list's three-match events, then its two-match, one-match and unmatched ones, each band
 * in ranked order. So the stream re-reads the ranked list once per band, only as far as the fill
 * asks, and never sorts.
 */
export class CandidateStream {
  private band: number;
  private position = 0;
  /** The current packed key (with its match steps), or +Infinity at the end. */
  key = Number.POSITIVE_INFINITY;

  constructor(
    private readonly ranked: Float64Array,
    private readonly matchSets: readonly Uint8Array[],
  ) {
    this.band = Math.min(MAX_MATCHES_COUNTED, matchSets.length);
    this.settle();
  }

  /** Moves to the next candidate. */
  advance(): void {
    this.position += 1;
    this.settle();
  }

  private settle(): void {
    const { ranked, matchSets } = this;
    for (;;) {
      if (this.position >= ranked.length) {
        if (this.band === 0) {
          this.key = Number.POSITIVE_INFINITY;
          return;
        }
        this.band -= 1;
        this.position = 0;
        continue;
      }
      const key = ranked[this.position] ?? 0;
      let matches = 0;
      if (matchSets.length > 0) {
        const index = keyIndex(key);
        for (const set of matchSets) matches += set[index] ?? 0;
      }
      if (Math.min(MAX_MATCHES_COUNTED, matches) === this.band) {
        this.key = key - this.band * MATCH_STEPS * INDEX_SPACE;
        return;
      }
      this.position += 1;
    }
  }
}

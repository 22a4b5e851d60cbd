/**
 * Cheap numeric keys for grouping subscribers whose selections are identical. Every part is
 * interned to a small integer and pairs of small integers are interned again (`PairTable`), so a
 * key costs a handful of typed-array probes instead of building and hashing a long string.
 */
import { DoublePairTable, PairTable } from './pair-table';
import type { DigestProfile } from './types';

/** A mix as a number: compared, not looked up by name (a name read from the store is a string of its own, not an interned key). */
function mixNumber(mix: DigestProfile['mix']): number {
  return mix === 'balanced' ? 1 : mix === 'job-seeker' ? 0 : 2;
}

/** The keys of one subscriber: what their place (home and window), near events and whole digest depend on. */
export interface RecipientKeys {
  site: number;
  near: number;
  group: number;
}

/** Radii and sizes below this are their own ids (`whole`). */
const WHOLE_LIMIT = 1 << 16;

/** Interns the parts of subscribers' profiles; one instance per `selectForMany` run. */
export class GroupKeys {
  private readonly numbers = new Map<number, number>();
  private readonly strings = new Map<string, number>();
  /** Pair ids by (first, second) part, in typed arrays. */
  private readonly pairs = new PairTable(1 << 16);
  private pairCount = 0;
  /** Place ids by (latitude, longitude), from the pairs' counter. */
  private readonly places = new DoublePairTable(1 << 12);
  /** Overwritten by every `keysFor` call: a subscriber's keys are read at once, so one object serves them all. */
  private readonly keys: RecipientKeys = { site: 0, near: 0, group: 0 };

  private number(value: number): number {
    let id = this.numbers.get(value);
    if (id === undefined) {
      id = this.numbers.size;
      this.numbers.set(value, id);
    }
    return id;
  }

  /** 0 for the empty string, else a positive id. */
  private text(value: string): number {
    if (value === '') return 0;
    let id = this.strings.get(value);
    if (id === undefined) {
      id = this.strings.size + 1;
      this.strings.set(value, id);
    }
    return id;
  }

  private place(lat: number, lon: number): number {
    const id = this.places.intern(lat, lon, this.pairCount);
    if (id === this.pairCount) this.pairCount += 1;
    return id;
  }

  private pair(a: number, b: number): number {
    const id = this.pairs.intern(a, b, this.pairCount);
    if (id === this.pairCount) this.pairCount += 1;
    return id;
  }

  /** The root of the left-out lists' chains, and the rest of a key without terms or history: ids no place or pair takes. */
  private readonly excludedRoot = this.reserve();
  private readonly plainRest = this.reserve();

  /** A small whole number stands for itself; any other number gets an id above those. */
  private whole(value: number): number {
    return Number.isInteger(value) && value >= 0 && value < WHOLE_LIMIT ? value : WHOLE_LIMIT + this.number(value);
  }

  private reserve(): number {
    const id = this.pairCount;
    this.pairCount += 1;
    return id;
  }

  /**
   * Keys for a subscriber reading window `windowId`, whose last digest leaves out `excluded`
   * (sorted event indices: only events in this window matter, so different histories often share)
   * and whose history has the cadence effect `effect` (an id from `CadenceEffects`, 0 for none).
   * The returned object is reused by the next call: read it before asking again.
   */
  keysFor(profile: DigestProfile, windowId: number, excluded: readonly number[], effect = 0): RecipientKeys {
    const site = this.pair(this.place(profile.lat, profile.lon), windowId);
    const near = this.pair(site, this.whole(profile.radiusMiles));
    // Terms as typed and in order: the why line quotes the first match, so "HR" and "hr" differ.
    // U+0001 cannot occur in a term (the schema trims, the text has no controls), so joins are unambiguous.
    const noTerms = profile.interests.length === 0 && profile.targetEmployers.length === 0 && profile.fields.length === 0;
    const terms = noTerms ? 0 : this.text(`${profile.interests.join('\u0001')}\u0002${profile.targetEmployers.join('\u0001')}\u0002${profile.fields.join('\u0001')}`);
    // The left-out events as a chain of pairs from a reserved root (no text is built), then the cadence effect.
    let history = -1;
    if (excluded.length > 0 || effect !== 0) {
      let chain = this.excludedRoot;
      for (const index of excluded) chain = this.pair(chain, index);
      history = this.pair(chain, effect);
    }
    // The small choices as one number: size, mix and online choice.
    const choices = (this.whole(profile.digestSize) * 3 + mixNumber(profile.mix)) * 2 + (profile.online ? 1 : 0);
    // Most subscribers have neither terms nor a history that changes this window: one reserved id for that.
    const rest = terms === 0 && history === -1 ? this.plainRest : this.pair(terms, history);
    const keys = this.keys;
    keys.site = site;
    keys.near = near;
    keys.group = this.pair(this.pair(near, choices), rest);
    return keys;
  }

}

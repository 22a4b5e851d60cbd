/**
 * Interning of pairs of small integers to dense ids, for grouping many subscribers: an
 * open-addressing table in typed arrays, so a look-up is a multiply, a mask and a compare or two,
 * and interning a hundred thousand keys allocates nothing per key (Maps of Maps did, and hashed
 * twice per pair).
 */

/** Pairs (a, b) of int32 values mapped to int32 ids the caller hands out. */
export class PairTable {
  private firsts: Int32Array;
  private seconds: Int32Array;
  /** Id + 1 per slot; 0 marks an empty slot. */
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The id of (a, b); the first time the pair is seen it is stored with id `fresh`, which is returned. */
  intern(a: number, b: number, fresh: number): number {
    let slot = this.slotOf(a, b);
    let id = this.ids[slot] ?? 0;
    while (id !== 0) {
      if (this.firsts[slot] === a && this.seconds[slot] === b) return id - 1;
      slot = (slot + 1) & this.mask;
      id = this.ids[slot] ?? 0;
    }
    this.firsts[slot] = a;
    this.seconds[slot] = b;
    this.ids[slot] = fresh + 1;
    this.count += 1;
    if (this.count * 2 > this.mask) this.grow();
    return fresh;
  }

  private slotOf(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b)) & this.mask;
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    const size = ids.length * 2;
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.mask = size - 1;
    for (let slot = 0; slot < ids.length; slot += 1) {
      const id = ids[slot] ?? 0;
      if (id === 0) continue;
      const a = firsts[slot] ?? 0;
      const b = seconds[slot] ?? 0;
      let to = this.slotOf(a, b);
      while ((this.ids[to] ?? 0) !== 0) to = (to + 1) & this.mask;
      this.firsts[to] = a;
      this.seconds[to] = b;
      this.ids[to] = id;
    }
  }
}

/** Bits of a double, for hashing: one shared buffer (look-ups are synchronous). */
const doubles = new Float64Array(1);
const doubleBits = new Int32Array(doubles.buffer);

/**
 * Pairs of doubles (a place's latitude and longitude) to int32 ids the caller hands out: the
 * `PairTable` scheme over the doubles' bits. Equal pairs (by `===`) get one id; 0 and -0 may get two.
 */
export class DoublePairTable {
  private firsts: Float64Array;
  private seconds: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.firsts = new Float64Array(size);
    this.seconds = new Float64Array(size);
    this.ids = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The id of (a, b); the first time the pair is seen it is stored with id `fresh`, which is returned. */
  intern(a: number, b: number, fresh: number): number {
    let slot = this.slotOf(a, b);
    let id = this.ids[slot] ?? 0;
    while (id !== 0) {
      if (this.firsts[slot] === a && this.seconds[slot] === b) return id - 1;
      slot = (slot + 1) & this.mask;
      id = this.ids[slot] ?? 0;
    }
    this.firsts[slot] = a;
    this.seconds[slot] = b;
    this.ids[slot] = fresh + 1;
    this.count += 1;
    if (this.count * 2 > this.mask) this.grow();
    return fresh;
  }

  private slotOf(a: number, b: number): number {
    doubles[0] = a;
    let hash = Math.imul((doubleBits[0] ?? 0) ^ (doubleBits[1] ?? 0), 0x9e3779b1);
    doubles[0] = b;
    hash = Math.imul(hash ^ (doubleBits[0] ?? 0) ^ ((doubleBits[1] ?? 0) >>> 7), 0x85ebca6b);
    return (hash ^ (hash >>> 16)) & this.mask;
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    const size = ids.length * 2;
    this.firsts = new Float64Array(size);
    this.seconds = new Float64Array(size);
    this.ids = new Int32Array(size);
    this.mask = size - 1;
    for (let slot = 0; slot < ids.length; slot += 1) {
      const id = ids[slot] ?? 0;
      if (id === 0) continue;
      const a = firsts[slot] ?? 0;
      const b = seconds[slot] ?? 0;
      let to = this.slotOf(a, b);
      while ((this.ids[to] ?? 0) !== 0) to = (to + 1) & this.mask;
      this.firsts[to] = a;
      this.seconds[to] = b;
      this.ids[to] = id;
    }
  }
}

/** A map from dense non-negative integer ids (a `PairTable`'s) to non-negative integers, in one growing typed array. */
export class IdMap {
  /** Value + 1 per id; 0 marks an id with no value. */
  private values = new Int32Array(1024);

  /** The value of `id`, or -1. */
  get(id: number): number {
    return (this.values[id] ?? 0) - 1;
  }

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      let size = this.values.length * 2;
      while (size <= id) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[id] = value + 1;
  }
}

/**
 * Strings to small integers, for looking up many strings read once each (the series keys of every
 * subscriber's history, 32 hex characters). A `Map` hashes all of a string the first time it meets
 * it; here the slot comes from the length and up to eight leading characters, and equal slots are
 * told apart by comparing the strings. Any string works; only the spread of slots varies.
 */
export class StringIndex {
  private readonly keys: (string | undefined)[];
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<string, number>) {
    let size = 16;
    while (size < entries.size * 4) size *= 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    for (const [key, value] of entries) {
      let slot = this.slotOf(key);
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  /** The value of `key`, or -1. */
  get(key: string): number {
    let slot = this.slotOf(key);
    for (;;) {
      const stored = this.keys[slot];
      if (stored === undefined) return -1;
      if (stored === key) return this.values[slot] ?? -1;
      slot = (slot + 1) & this.mask;
    }
  }

  private slotOf(key: string): number {
    let hash = key.length;
    const end = Math.min(8, key.length);
    for (let at = 0; at < end; at += 1) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
    return (hash ^ (hash >>> 15)) & this.mask;
  }
}

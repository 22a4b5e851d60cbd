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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DoublePairTable, IdMap, PairTable, StringIndex } from '../../../shared/digest/pair-table';

describe('PairTable and DoublePairTable', () => {
  it('give equal pairs one id and different pairs different ids, through growth, like a Map of their text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { maxLength: 400 }), (pairs) => {
        // Capacity 1 makes the tables grow several times within one run.
        const ints = new PairTable(1);
        const doubles = new DoublePairTable(1);
        const reference = new Map<string, number>();
        for (const [a, b] of pairs) {
          const fresh = reference.size;
          const expected = reference.get(`${a},${b}`) ?? fresh;
          reference.set(`${a},${b}`, expected);
          expect(ints.intern(a, b, fresh)).toBe(expected);
          // Latitudes and longitudes as the gazetteer has them: fractions, negative longitudes.
          expect(doubles.intern(42 + a / 1000, -71 - b / 997, fresh)).toBe(expected);
        }
      }),
    );
  });

  it('tells apart doubles that differ in the last bit', () => {
    const table = new DoublePairTable();
    const lat = 42.6334;
    const next = lat + Number.EPSILON * 64;
    expect(next).not.toBe(lat);
    expect(table.intern(lat, -71.3162, 0)).toBe(0);
    expect(table.intern(next, -71.3162, 1)).toBe(1);
    expect(table.intern(lat, -71.3162, 2)).toBe(0);
  });
});

describe('IdMap', () => {
  it('reads back what was set, -1 elsewhere, across growth', () => {
    const map = new IdMap();
    map.set(3, 0);
    map.set(5_000, 7);
    map.set(1_000_000, 42);
    expect([map.get(3), map.get(5_000), map.get(1_000_000), map.get(4), map.get(2_000_000)]).toEqual([0, 7, 42, -1, -1]);
  });
});

describe('StringIndex', () => {
  it('finds every key, and -1 for strings not in it, even when they share the first eight characters', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 40 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 50 }), (keys, probes) => {
        const entries = new Map(keys.map((key, index) => [key, index]));
        const index = new StringIndex(entries);
        for (const [key, value] of entries) expect(index.get(key)).toBe(value);
        for (const probe of probes) expect(index.get(probe)).toBe(entries.get(probe) ?? -1);
      }),
    );
    const shared = new Map(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((letter, value) => [`2d711642${letter}`, value]));
    const index = new StringIndex(shared);
    expect(index.get('2d711642f')).toBe(5);
    expect(index.get('2d711642z')).toBe(-1);
    // A key read from the store is a string of its own, equal in content only.
    expect(index.get(JSON.parse('"2d711642c"') as string)).toBe(2);
  });
});

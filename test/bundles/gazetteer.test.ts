// The compact gazetteer against the package it replaces: every ZIP-shaped code and every town.
import { createRequire } from 'node:module';
import { lookup, lookupByName } from 'zipcodes';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { lookupTown, lookupZip } from '../../shared/gazetteer/gazetteer';

const require = createRequire(import.meta.url);
const RecordSchema = z.object({ city: z.string(), state: z.string() });
const codes = z.record(z.string(), RecordSchema).parse(z.object({ codes: z.unknown() }).parse(require('zipcodes')).codes);
const fullNames = Object.keys(z.object({ full: z.record(z.string(), z.string()) }).parse(require('zipcodes/lib/states')).full);

describe('gazetteer gives the answers of zipcodes', () => {
  it('for all 100,000 five-digit codes and every Canadian FSA', () => {
    let known = 0;
    const keys = [...Array.from({ length: 100_000 }, (_, n) => String(n).padStart(5, '0')), ...Object.keys(codes).filter((key) => !/^\d/.test(key))];
    for (const key of keys) {
      const expected: unknown = lookup(key);
      const actual = lookupZip(key);
      if (actual !== undefined) known += 1;
      // toStrictEqual would also pass; toEqual keeps the failure message short.
      if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ key, actual }).toEqual({ key, actual: expected });
    }
    // zipcodes 8.0.0 holds 44,175 codes (42,555 US ZIPs, 1,620 FSAs): every one came back.
    expect(known).toBe(Object.keys(codes).length);
    expect(lookupZip('01852')).toEqual({ zip: '01852', latitude: 42.6344, longitude: -71.2983, city: 'Lowell', state: 'MA', country: 'US' });
    expect(lookupZip('K1A 0B1')).toEqual(lookup('K1A'));
  });

  it('for every town under its state key; every tenth also in lower case and by full state name', () => {
    const towns = new Map<string, { city: string; state: string }>();
    for (const record of Object.values(codes)) towns.set(`${record.city}|${record.state}`, record);
    const abbreviationToName = new Map<string, string>();
    for (const name of fullNames) {
      const abbreviation = z.string().parse(z.record(z.string(), z.string()).parse(z.object({ full: z.unknown() }).parse(require('zipcodes/lib/states')).full)[name]);
      abbreviationToName.set(abbreviation, name);
    }
    let compared = 0;
    let index = 0;
    for (const { city, state } of towns.values()) {
      const variants = [[city, state]];
      // Every tenth town is asked again the ways a venue writes it, to keep the run near a minute.
      const name = abbreviationToName.get(state);
      if (index % 10 === 0) variants.push([city.toLowerCase(), state.toLowerCase()]);
      if (index % 10 === 0 && name !== undefined) variants.push([city.toUpperCase(), name.toLowerCase()]);
      index += 1;
      for (const [askedCity = '', askedState = ''] of variants) {
        compared += 1;
        const expected: unknown = lookupByName(askedCity, askedState);
        const actual = lookupTown(askedCity, askedState);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ askedCity, askedState, actual }).toEqual({ askedCity, askedState, actual: expected });
      }
    }
    expect(towns.size).toBeGreaterThan(29_000);
    expect(compared).toBeGreaterThan(1.15 * towns.size);
    expect(lookupTown('Nowhere Special', 'MA')).toEqual([]);
    expect(lookupTown('Lowell', 'Massachusetts').map((record) => record.zip)).toEqual(
      z.array(z.object({ zip: z.string() })).parse(lookupByName('Lowell', 'MA')).map((record) => record.zip),
    );
  }, 120_000);
});

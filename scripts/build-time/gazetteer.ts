/**
 * Generates `shared/gazetteer/places.tsv` from the `zipcodes` package: the same records, grouped
 * by state key in that package's order, with repeated city names left out (≈ 1 MB instead of the
 * package's 5.3 MB of JavaScript that a bundle would otherwise parse at every cold start).
 */
import { createRequire } from 'node:module';
import * as z from 'zod';
import { encodePlaces, type PlaceRecord } from '../../shared/gazetteer/places';

const require = createRequire(import.meta.url);

const RecordSchema = z.object({
  zip: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
});
const TableSchema = z.object({ codes: z.record(z.string(), RecordSchema), stateMap: z.record(z.string(), z.array(z.string())) });
const PackageSchema = z.object({ version: z.string() });
const StatesSchema = z.object({ full: z.record(z.string(), z.string()) });

/** The generated file's path in the repo. */
export const PLACES_PATH = 'shared/gazetteer/places.tsv';

/** The table text, built the way `zipcodes/lib/index.js` merges its US and Canadian tables. */
export function generatePlaces(): string {
  const us = TableSchema.parse(require('zipcodes/lib/codes'));
  const canada = TableSchema.parse(require('zipcodes/lib/codesCanada'));
  const states = StatesSchema.parse(require('zipcodes/lib/states'));
  const version = PackageSchema.parse(require('zipcodes/package.json')).version;
  const codes = { ...us.codes, ...canada.codes };
  const stateMap = { ...us.stateMap, ...canada.stateMap };
  const byState: [string, PlaceRecord[]][] = Object.entries(stateMap).map(([state, zips]) => [
    state,
    zips.map((zip) => {
      const record = codes[zip];
      if (record === undefined) throw new Error(`zipcodes lists ${zip} under ${state} but has no record for it`);
      return record;
    }),
  ]);
  const filed = byState.reduce((count, [, records]) => count + records.length, 0);
  if (filed !== Object.keys(codes).length) throw new Error(`zipcodes files ${filed} records under states but holds ${Object.keys(codes).length}`);
  return encodePlaces(`from zipcodes ${version} by scripts/build-time/gazetteer.ts; do not edit`, Object.entries(states.full), byState);
}

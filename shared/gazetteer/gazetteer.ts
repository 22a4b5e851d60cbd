/**
 * ZIP and town look-ups from the compact table generated at build time from `zipcodes`
 * (`places.tsv`, beside this module in the repo and beside the bundle on Lambda). The table is read
 * on the first look-up, not at import, so a cold start that never geocodes pays nothing, and a
 * bundle that does not import this module carries none of it. Answers are those of `zipcodes`'
 * `lookup` and `lookupByName` (a test compares every ZIP and town).
 */
import { readFileSync } from 'node:fs';
import { decodePlaces, type PlaceRecord, type PlaceTable } from './places';

export type { PlaceRecord } from './places';

/** The data file's name; the stack copies it beside every bundle that imports this module. */
export const PLACES_FILE = 'places.tsv';

let table: PlaceTable | undefined;

function places(): PlaceTable {
  table ??= decodePlaces(readFileSync(new URL(`./${PLACES_FILE}`, import.meta.url), 'utf8'));
  return table;
}

/**
 * The record of a ZIP code (or, for a code starting with a letter, of its first three characters:
 * a Canadian FSA), as `zipcodes.lookup` gives it; undefined when unknown.
 */
export function lookupZip(code: string): PlaceRecord | undefined {
  const key = /^\d/.test(code) ? code : code.slice(0, 3);
  return places().byCode.get(key);
}

/**
 * The records of a town in a state ("Boston", "MA" or "Massachusetts"), matched without regard to
 * case, in the table's order, as `zipcodes.lookupByName` gives them.
 */
export function lookupTown(city: string, state: string): readonly PlaceRecord[] {
  const { byState, stateAbbreviations } = places();
  const upper = state.toUpperCase();
  const normalized = upper.length === 2 ? upper : stateAbbreviations.get(upper);
  const records = (normalized === undefined ? undefined : byState.get(normalized)) ?? byState.get(state) ?? [];
  const wanted = city.toUpperCase();
  return records.filter((record) => record.city.toUpperCase() === wanted);
}

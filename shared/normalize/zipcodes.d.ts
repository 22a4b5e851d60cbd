// The zipcodes package ships no types, and its records are loose (a few lack coordinates):
// results are declared unknown and narrowed where they are read (geo.ts). The same shape as
// shared/subscriptions/zipcodes.d.ts, so the two ambient declarations merge cleanly.
declare module 'zipcodes' {
  export function lookup(zip: string): unknown;
  export function lookupByName(city: string, state: string): unknown;
}

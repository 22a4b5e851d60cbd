// The zipcodes package ships no types, and its records are loose (a few lack coordinates):
// results are declared unknown and narrowed with zod where they are read.
declare module 'zipcodes' {
  export function lookup(zip: string): unknown;
  export function lookupByName(city: string, state: string): unknown;
  export function lookupByState(state: string): unknown;
}

/** The `zipcodes` package ships no types; its lookup result is parsed with zod in `geocode.ts`. */
declare module 'zipcodes' {
  export function lookup(zip: string): unknown;
}

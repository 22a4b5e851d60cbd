// mailparser ships no types; the result is declared unknown and narrowed with zod in requests.ts.
declare module 'mailparser' {
  export function simpleParser(source: Buffer | string): Promise<unknown>;
}

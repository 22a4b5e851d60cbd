/**
 * Turning what is wrong with a sources file into sentences an operator can act on: where in the
 * JSON a syntax error is, which known key a misspelt one was meant to be, what a valid time zone
 * looks like, and that `1852` is a ZIP code that lost its leading zero.
 */
import * as z from 'zod';
import { SourcesFileSchema } from '../model/source';
import { canonicalIana, ianaForWindowsName } from './ical/zone-names';

/** One mistake, with the path it is at so mistakes can be listed in file order. */
export interface FileProblem {
  path: readonly PropertyKey[];
  text: string;
}

/** Line and column (both from 1) of `offset` in `text`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** `JSON.parse`'s complaint as "not valid JSON at line 3, column 3: Expected double-quoted property name". */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  // Node 20 names only the offset; an input that ends too early names neither.
  const offset = position ? Number(position[1]) : /end of JSON input/i.test(message) ? text.length : null;
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (offset === null) return `not valid JSON (${reason})`;
  const { line, column } = lineAndColumn(text, offset);
  return `not valid JSON at line ${line}, column ${column}: ${reason}`;
}

/** The value at `path` in parsed JSON, or undefined. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    const entries: [string, unknown][] = Object.entries(value);
    value = entries.find(([name]) => name === String(key))?.[1];
  }
  return value;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current._zod.def.innerType;
    // A preprocessed schema (`z.preprocess(fn, schema)`) is a pipe whose output is the schema.
    else if (current instanceof z.ZodPipe) current = current._zod.def.out;
    else break;
  }
  return current;
}

function shapeOf(schema: z.core.$ZodType): Readonly<Record<string, z.core.$ZodType>> | null {
  const current = unwrap(schema);
  return current instanceof z.ZodObject ? current._zod.def.shape : null;
}

/** The keys the schema knows for the object at `path` (`sources.3` → a source's keys). */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType = SourcesFileSchema;
  for (const key of path) {
    const current = unwrap(schema);
    const next = current instanceof z.ZodArray && typeof key === 'number' ? current._zod.def.element : typeof key === 'string' ? shapeOf(current)?.[key] : undefined;
    if (next === undefined) return [];
    schema = next;
  }
  return Object.keys(shapeOf(schema) ?? {});
}

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) {
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return previous[y.length] ?? Math.max(x.length, y.length);
}

/** The known key `key` most likely meant, if one is close enough to be a typo. */
export function nearestKey(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(key, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // A third of the word, at least two edits: `audiance`, `timezone`, `selector` but not `foo` → `id`.
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

function unknownKeyText(key: string, path: readonly PropertyKey[]): string {
  const known = knownKeysAt(path);
  const nearest = nearestKey(key, known);
  if (nearest !== null) return `\`${key}\`: did you mean \`${nearest}\`? (unknown key)`;
  return `\`${key}\`: unknown key${known.length ? ` (known keys: ${known.join(', ')})` : ''}`;
}

/** US zone abbreviations operators write for the IANA names they mean. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  est: 'America/New_York', edt: 'America/New_York', et: 'America/New_York', eastern: 'America/New_York',
  cst: 'America/Chicago', cdt: 'America/Chicago', ct: 'America/Chicago', central: 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', mt: 'America/Denver', mountain: 'America/Denver',
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
};

function timeZoneText(value: unknown): string {
  const example = 'write an IANA name such as "America/New_York" or "America/Chicago"';
  if (typeof value !== 'string') return `not a time zone: ${example}`;
  const meant = ianaForWindowsName(value) ?? canonicalIana(value) ?? ABBREVIATIONS[value.trim().toLowerCase()] ?? null;
  return `"${value}" is not an IANA time zone: ${meant !== null ? `did you mean "${meant}"?` : example}`;
}

/** A ZIP written as a number, or as a string that lost its leading zero(s), says so; else null. */
function zipText(value: unknown): string | null {
  const digits = typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 100000 ? String(value) : typeof value === 'string' && /^\d{3,4}$/.test(value.trim()) ? value.trim() : null;
  if (digits === null) return null;
  const zip = digits.padStart(5, '0');
  if (digits.length < 5) return `${JSON.stringify(value)} looks like a ZIP code that lost its leading zero: write "${zip}" (in quotes)`;
  return `write the ZIP code as a string: "${zip}" (in quotes, so a leading zero cannot be lost)`;
}

/** One zod issue as a sentence (the path is prefixed by the caller). */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): FileProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...issue.path, key], text: unknownKeyText(key, issue.path) }));
  }
  const last = issue.path.at(-1);
  const value = valueAt(raw, issue.path);
  if (last === 'timeZone') return [{ path: issue.path, text: timeZoneText(value) }];
  if (last === 'postalCode' || last === 'zip') {
    const text = zipText(value);
    if (text !== null) return [{ path: issue.path, text }];
  }
  return [{ path: issue.path, text: issue.message }];
}

/** Every repeated source id, from the raw JSON so they are found even when other entries are wrong. */
export function duplicateIdProblems(raw: unknown): FileProblem[] {
  const sources = valueAt(raw, ['sources']);
  if (!Array.isArray(sources)) return [];
  const ids: unknown[] = sources.map((_, index) => valueAt(sources, [index, 'id']));
  const problems: FileProblem[] = [];
  const firstAt = new Map<string, number>();
  ids.forEach((id, index) => {
    if (typeof id !== 'string') return;
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, index);
    else problems.push({ path: ['sources', index, 'id'], text: `duplicate source id "${id}" (first used by sources[${first}])` });
  });
  return problems;
}

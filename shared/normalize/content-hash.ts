import { createHash, type Hash } from 'node:crypto';
import { CostSchema, EventSchema, VenueSchema } from '../model/event';

/**
 * Every key an event's content can hold, sorted: the content hash serialises objects with their
 * keys in this order at every level. Read from the schemas, so a new field is hashed without
 * anyone remembering to add it here.
 */
const CONTENT_KEYS = [...new Set([...Object.keys(EventSchema.shape), ...Object.keys(VenueSchema.shape), ...Object.keys(CostSchema.shape)])]
  .filter((key) => key !== 'id' && key !== 'sources' && key !== 'contentHash')
  .sort();

/** Each key as JSON, written once. */
const QUOTED_KEYS = new Map(CONTENT_KEYS.map((key) => [key, JSON.stringify(key)]));

/** The per-occurrence fields: what the time decides. */
export interface Timing {
  start: string;
  end: string;
  allDay: boolean;
  startDate: string;
  timeZone: string;
}

/** Hashed fields that differ between occurrences with the same text (allDay is part of the text match). */
const TIMING_KEYS = new Set<string>(['start', 'end', 'startDate', 'timeZone']);

/**
 * The content hash's input is `JSON.stringify(content, CONTENT_KEYS)`. Its top-level fields are
 * serialised one by one here, and the hash of the text before the first per-occurrence field
 * (allDay … description, the long part) is computed once and copied, so an occurrence only
 * serialises and hashes the rest; the bytes hashed are exactly the same.
 */
export class ContentHasher {
  /** The leading text; its hash state is made on the second digest (most events have one occurrence). */
  private readonly leadingText: string;
  private leading: Hash | null = null;
  private digests = 0;
  /** JSON of the fields after the leading text; null, then a key, marks a per-occurrence field. */
  private readonly rest: (string | null)[] = [];

  constructor(content: Record<string, unknown>) {
    const before: string[] = [];
    for (const key of CONTENT_KEYS) {
      if (!Object.hasOwn(content, key)) continue;
      if (TIMING_KEYS.has(key)) {
        this.rest.push(null, key);
        continue;
      }
      const json = contentJson(content[key]);
      if (json === undefined) continue;
      const field = `${QUOTED_KEYS.get(key) ?? JSON.stringify(key)}:${json}`;
      if (this.rest.length === 0) before.push(field);
      else this.rest.push(field);
    }
    const leading = before.join(',');
    this.leadingText = `{${leading}${leading !== '' && this.rest.length > 0 ? ',' : ''}`;
  }

  /** The content hash of the template's text with these times: 32 hex characters. */
  digestWith(timing: Timing): string {
    const fields: string[] = [];
    for (let index = 0; index < this.rest.length; index += 1) {
      const part = this.rest[index];
      if (part !== null && part !== undefined) {
        fields.push(part);
        continue;
      }
      index += 1;
      const key = this.rest[index];
      if (key === 'start' || key === 'end' || key === 'allDay' || key === 'startDate' || key === 'timeZone') {
        fields.push(`${JSON.stringify(key)}:${JSON.stringify(timing[key])}`);
      }
    }
    const tail = `${fields.join(',')}}`;
    this.digests += 1;
    if (this.digests === 1) return createHash('sha256').update(this.leadingText + tail, 'utf8').digest().toString('hex', 0, 16);
    this.leading ??= createHash('sha256').update(this.leadingText, 'utf8');
    return this.leading.copy().update(tail, 'utf8').digest().toString('hex', 0, 16);
  }
}

/**
 * `JSON.stringify(value, CONTENT_KEYS)`, written out: with a replacer list V8 serialises slowly
 * (about 20 µs for a venue), and this runs once per distinct event.
 */
function contentJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') {
    const json: unknown = JSON.stringify(value);
    return typeof json === 'string' ? json : undefined;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return `[${items.map((item) => contentJson(item) ?? 'null').join(',')}]`;
  }
  const fields: string[] = [];
  for (const key of CONTENT_KEYS) {
    if (!Object.hasOwn(value, key)) continue;
    const json = contentJson(Reflect.get(value, key));
    if (json !== undefined) fields.push(`${QUOTED_KEYS.get(key) ?? JSON.stringify(key)}:${json}`);
  }
  return `{${fields.join(',')}}`;
}

/**
 * fast-check: arbitrary JSON, and each platform fixture mutated at random, never make the JSON
 * readers throw and never yield an event that fails the Event schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EventSchema } from '../../../shared/model/event';
import { fixture, readWindow } from './support';

const FIXTURES = ['tribe-events-page-1.json', 'tribe-events-page-2.json', 'squarespace-events.json', 'localist-events.json', 'libcal-events.json'];

const JsonSchema = z.json();
type Json = z.infer<typeof JsonSchema>;

function isRecord(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces the value at the `pick`-th node (depth-first) with `replacement`. */
function mutate(value: Json, pick: number, replacement: Json): Json {
  let counter = 0;
  const walk = (node: Json): Json => {
    if (counter++ === pick) return replacement;
    if (Array.isArray(node)) return node.map(walk);
    if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  return walk(value);
}

/** Read as a `fetch: "json"` source is: a bare `0` or `""` is then JSON of no platform, not an unknown document. */
function readAsJson(text: string) {
  return readWindow(text, undefined, 'json');
}

function assertAllValid(text: string): void {
  const read = readAsJson(text);
  for (const event of read.events) expect(EventSchema.safeParse(event).success).toBe(true);
}

/** Values a platform might put where another type belongs. */
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom<Json>('', '2026-02-30 10:00:00', '2026-11-01T01:30:00', '9999-12-31T23:59:59+14:00', 'javascript:alert(1)', -1, 1e308, 8.64e15, [], {}, null, true, 'NaN'),
);

describe('platform JSON readers under arbitrary input', () => {
  it('arbitrary JSON documents never throw and never yield an invalid event', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assertAllValid(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('platform-shaped documents with arbitrary items never throw', () => {
    const shapes = (items: unknown[]) => [
      { events: items, total_pages: 1, rest_url: 'https://example.org/x' },
      { events: items, page: { current: 1, total: 2 } },
      { upcoming: items, website: { timeZone: 'America/New_York' } },
      items,
    ];
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (items) => {
        for (const shape of shapes(items)) assertAllValid(JSON.stringify(shape));
      }),
      { numRuns: 200 },
    );
  });

  for (const name of FIXTURES) {
    it(`${name} with one node replaced at random never throws and never yields an invalid event`, () => {
      const parsed = JsonSchema.parse(JSON.parse(fixture(name)));
      fc.assert(
        fc.property(fc.nat({ max: 400 }), hostile, (pick, replacement) => {
          assertAllValid(JSON.stringify(mutate(parsed, pick, JsonSchema.parse(replacement))));
        }),
        { numRuns: 100 },
      );
    });
  }

  it('cut-off and byte-flipped documents give problems, not exceptions', () => {
    const text = fixture('tribe-events-page-1.json');
    fc.assert(
      fc.property(fc.nat({ max: text.length }), fc.string({ maxLength: 3 }), (cut, noise) => {
        const read = readAsJson(text.slice(0, cut) + noise);
        expect(Array.isArray(read.problems)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Arbitrary and mutated schedule text (as a sources-file entry and inside a page, through
 * readDocument) never throws, and every event it yields passes the Event schema, starts in the
 * window and ends after it starts. A hostile page stays within its parse budget.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../../shared/model/event';
import type { ParseResult } from '../../../shared/model/raw-event';
import type { SourceContext } from '../../../shared/model/source';
import { readDocument } from '../../../shared/sources';
import { parseScheduleEntry, parseScheduleText } from '../../../shared/sources/schedule-text';

const WINDOW = { from: new Date('2026-10-19T04:00:00Z'), to: new Date('2027-04-01T04:00:00Z') };
const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'UTC', 'Not/AZone'];
const SOURCE: SourceContext = { id: 'prop', name: 'Property', kind: 'job-seeker-group', audience: 'job-seeker', timeZone: 'America/New_York' };
const PAGE = readFileSync(new URL('../../fixtures/schedule-text/volunteer-list.html', import.meta.url), 'utf8');

const SEEDS = [
  'Meets the first and third Thursday of each month, 9:00 to 11:00 a.m., at Memorial Hall Library, 2 North Main Street, Andover, MA 01810.',
  'Every other Monday at 6 pm, starting March 1, 2027. No meeting on March 15, 2027. Except holidays.',
  'Meets every Wednesday 8:30–10:30 AM, September through June; on hiatus until January 2027.',
  'Tuesdays and Thursdays, 1–3 pm, Nashua, NH 03060. No meetings in July and August.',
];
const WORDS = ['every', 'other', 'first', 'last', '5th', 'and', 'Monday', 'Tuesdays', 'noon', 'a.m.', 'pm', '–', ' to ', '12:00', '99:99', '0', '13',
  'no meeting on', 'February 30, 2027', 'except holidays', 'until', 'hiatus', 'starting', ',', '.', 'MA 01810', '\u0000', '"', 'Wednesday Is Networking Day'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...WORDS) }),
);

function mutate(seed: string, mutations: ReadonlyArray<{ kind: 'cut'; at: number; length: number } | { kind: 'insert'; at: number; text: string }>): string {
  let text = seed;
  for (const change of mutations) {
    const at = change.at % (text.length + 1);
    text = change.kind === 'cut' ? text.slice(0, at) + text.slice(at + change.length) : text.slice(0, at) + change.text + text.slice(at);
  }
  return text;
}

function checkRaw(result: ParseResult): void {
  for (const event of result.events) {
    expect(event.start.getTime()).toBeGreaterThanOrEqual(WINDOW.from.getTime());
    expect(event.start.getTime()).toBeLessThanOrEqual(WINDOW.to.getTime());
    expect(event.end === null || event.end.getTime() > event.start.getTime()).toBe(true);
    expect(event.provenance).toBe('schedule-text');
  }
}

function checkRead(html: string, zone: string): void {
  const read = readDocument(html, { ...SOURCE, timeZone: zone === 'Not/AZone' ? 'UTC' : zone }, { ...WINDOW, defaultTimeZone: zone });
  for (const event of read.events) expect(EventSchema.safeParse(event).success).toBe(true);
}

describe('schedule text properties', () => {
  it('arbitrary text never throws and yields only valid occurrences', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.constantFrom(...ZONES), (text, zone) => {
        checkRaw(parseScheduleEntry({ name: 'G', schedule: text }, { ...WINDOW, defaultTimeZone: zone }));
        checkRead(`<html><body><h2>G</h2><p>${text}</p></body></html>`, zone);
      }),
      { numRuns: 200 },
    );
  });

  it('words of schedules in any order never throw and yield only valid events', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.constantFrom(...ZONES), (words, zone) => {
        const text = words.join(' ');
        checkRaw(parseScheduleEntry({ name: 'G', schedule: text }, { ...WINDOW, defaultTimeZone: zone }));
        checkRead(`<html><body><h3>G</h3><p>${text}</p></body></html>`, zone);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real sentences and a mutated volunteer page never throw and yield only valid events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS, PAGE), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ZONES), (seed, mutations, zone) => {
        const text = mutate(seed, mutations);
        checkRaw(parseScheduleEntry({ name: 'G', schedule: text }, { ...WINDOW, defaultTimeZone: zone }));
        checkRead(seed === PAGE ? text : `<html><body><p>${text}</p></body></html>`, zone);
      }),
      { numRuns: 100 },
    );
  });

  it('a page of thousands of daily groups stops at its budget and says so (finishes within 10 s)', () => {
    const groups = Array.from({ length: 3000 }, (_, index) => `<h3>Group ${index}</h3><p>Meets every weekday, 9–10 am.</p>`).join('');
    const started = Date.now();
    const result = parseScheduleText(`<html><body>${groups}</body></html>`, { ...WINDOW, defaultTimeZone: 'America/New_York', budget: { maxOccurrences: 500, maxIterations: 100_000 } });
    expect(result.events).toHaveLength(500);
    expect(result.budgetExceeded).toBe('schedule text: too many occurrences');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

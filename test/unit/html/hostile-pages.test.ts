import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../shared/model/raw-event';
import { DEFAULT_PARSE_BUDGET } from '../../../shared/model/raw-event';
import { NESTED_BASE_START, nestedBareItems, nestedDivs, nestedHEvents, nestedNamedItems } from '../../support/hostile-pages';
import { parse } from './helpers';

// Issue 8 §4: before the one-pass extraction, 1,000 nested itemscope levels took 61 s and 100k
// nested <div>s 47 s. The figures live in `npm run bench parse-html`; here a generous safety bound.
const SAFETY_MS = 20_000;

function timed(html: string, maxOccurrences = 50_000): { result: ParseResult; ms: number } {
  const started = performance.now();
  const result = parse(html, { budget: { ...DEFAULT_PARSE_BUDGET, maxOccurrences } });
  return { result, ms: performance.now() - started };
}

/** Level i's start: the base (2026-11-05T23:00Z, written with its Z) plus i minutes. */
const startOf = (level: number): string => new Date(NESTED_BASE_START + level * 60_000).toISOString();

describe('hostile pages finish and read correctly', () => {
  for (const levels of [1_000, 10_000]) {
    it(`${levels} nested microdata Events: each level its own name and start`, { timeout: 60_000 }, () => {
      const { result, ms } = timed(nestedNamedItems(levels));
      expect(ms).toBeLessThan(SAFETY_MS);
      expect(result.events).toHaveLength(levels);
      expect(result.budgetExceeded).toBeUndefined();
      // Sorted by start, level i is the i-th event: no property leaked to an enclosing level.
      for (const level of [0, 1, Math.floor(levels / 2), levels - 1]) {
        expect(result.events[level]?.title).toBe(`Level ${level}`);
        expect(result.events[level]?.start.toISOString()).toBe(startOf(level));
      }
    });

    it(`${levels} bare nested Event scopes (the issue's page): the innermost event, a problem per outer level`, { timeout: 60_000 }, () => {
      const { result, ms } = timed(nestedBareItems(levels));
      expect(ms).toBeLessThan(SAFETY_MS);
      expect(result.events.map((event) => event.title)).toEqual(['Innermost']);
      // 18:00 on 2026-11-05 in New York is EST (DST ended Nov 1), UTC−5 → 23:00Z.
      expect(result.events[0]?.start.toISOString()).toBe('2026-11-05T23:00:00.000Z');
      expect(result.problems.filter((problem) => problem.message === 'event has no name')).toHaveLength(levels - 1);
    });
  }

  it('10,000 nested h-events: each its own name and start', { timeout: 60_000 }, () => {
    const { result, ms } = timed(nestedHEvents(10_000));
    expect(ms).toBeLessThan(SAFETY_MS);
    expect(result.events).toHaveLength(10_000);
    expect(result.events[9_999]?.title).toBe('Level 9999');
    expect(result.events[9_999]?.start.toISOString()).toBe(startOf(9_999));
  });

  it('100,000 nested <div>s with a microdata event and an h-event at the bottom', { timeout: 60_000 }, () => {
    const { result, ms } = timed(nestedDivs(100_000));
    expect(ms).toBeLessThan(SAFETY_MS);
    expect(result.problems).toEqual([]);
    // 18:00 EST on Nov 5 = 23:00Z; the h-event's value parts "2026-11-06" + "7pm" = 19:00 EST = 00:00Z Nov 7.
    expect(result.events.map((event) => [event.title, event.start.toISOString(), event.allDay])).toEqual([
      ['Deep microdata', '2026-11-05T23:00:00.000Z', false],
      ['Deep h-event', '2026-11-07T00:00:00.000Z', false],
    ]);
    expect(result.meta.calendarName).toBe('Hostile');
  });

  it('a page over the event cap keeps the earliest events and says it went over', { timeout: 60_000 }, () => {
    const { result } = timed(nestedNamedItems(10_000), DEFAULT_PARSE_BUDGET.maxOccurrences);
    expect(result.budgetExceeded).toBe(`the page lists more than ${DEFAULT_PARSE_BUDGET.maxOccurrences} events`);
    expect(result.events).toHaveLength(DEFAULT_PARSE_BUDGET.maxOccurrences);
    expect(result.events.at(-1)?.start.toISOString()).toBe(startOf(DEFAULT_PARSE_BUDGET.maxOccurrences - 1));
  });
});

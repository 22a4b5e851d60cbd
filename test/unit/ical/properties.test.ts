import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from '../../../shared/model/common';
import type { ParseResult } from '../../../shared/model/raw-event';
import { localDateOf } from '../../../shared/time/zoned';
import { parseIcal } from '../../../shared/sources/ical';
import { fixture } from './helpers';

interface Window {
  from: Date;
  to: Date;
}

const WIDE: Window = { from: new Date('2010-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };

/** The RawEvent contract every output must keep, whatever the input. */
function expectContract(result: ParseResult, window: Window): void {
  for (const event of result.events) {
    expect(Number.isFinite(event.start.getTime())).toBe(true);
    expect(event.start.getTime()).toBeGreaterThanOrEqual(window.from.getTime());
    expect(event.start.getTime()).toBeLessThanOrEqual(window.to.getTime());
    if (event.end !== null) {
      expect(Number.isFinite(event.end.getTime())).toBe(true);
      expect(event.end.getTime()).toBeGreaterThanOrEqual(event.start.getTime());
    }
    expect(isIanaTimeZone(event.timeZone)).toBe(true);
    if (!event.allDay) expect(event.startDate).toBe(localDateOf(event.start, event.timeZone));
    else expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  for (const problem of result.problems) expect(typeof problem.message).toBe('string');
}

function run(text: string, window: Window): ParseResult {
  return parseIcal(text, { ...window, defaultTimeZone: 'America/New_York' });
}

// Small, varied real feeds to mutate (Windows zones, overrides, all-day, floating, RRULEs), each
// with a window around its own dates so that expansion stays small and the suite fast.
const SEEDS: { lines: string[]; window: Window }[] = [
  ['google_recurrence_override_before_master.ics', '2026-01-01', '2026-04-01'],
  ['outlook_owa_label_tzid_no_vtimezone.ics', '2020-10-01', '2021-01-01'],
  ['override_dtend_before_dtstart_no_version.ics', '2015-07-01', '2015-08-01'],
  ['thunderbird_cancelled_occurrence.ics', '2020-01-01', '2020-03-01'],
  ['google_bad_rrule.ics', '2020-09-01', '2020-11-01'],
  ['google_empty_exdate_value.ics', '2008-03-01', '2008-04-01'],
  ['outlook_exchange_custom_tz_escaped_comma.ics', '2019-04-01', '2019-05-01'],
  ['apple_macos_status_tentative_cancelled.ics', '2022-07-01', '2022-08-01'],
].map(([name, from, to]) => ({
  lines: fixture(name ?? '').split(/\r\n|\n/),
  window: { from: new Date(`${from ?? ''}T00:00:00Z`), to: new Date(`${to ?? ''}T00:00:00Z`) },
}));

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; offset: number; char: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), offset: fc.nat(), char: fc.constantFrom(':', ';', '"', ',', '=', '\\', 'Z', 'T', '0', '9', ' ', 'x', '\u00e9') }),
);

function mutate(lines: string[], mutations: Mutation[]): string {
  const out = [...lines];
  for (const change of mutations) {
    if (out.length === 0) break;
    const at = change.at % out.length;
    const line = out[at] ?? '';
    if (change.kind === 'drop') out.splice(at, 1);
    else if (change.kind === 'duplicate') out.splice(at, 0, line);
    else if (change.kind === 'truncate') out.splice(at, 1, line.slice(0, Math.floor(line.length / 2)));
    else if (line.length > 0) {
      const offset = change.offset % line.length;
      out[at] = line.slice(0, offset) + change.char + line.slice(offset + 1);
    }
  }
  return out.join('\r\n');
}

describe('parseIcal properties', () => {
  it('never throws on arbitrary strings and keeps the contract', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expectContract(run(text, WIDE), WIDE);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary lines inside a VEVENT', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.tuple(fc.constantFrom('DTSTART', 'DTEND', 'RRULE', 'EXDATE', 'RDATE', 'RECURRENCE-ID', 'DURATION', 'GEO', 'UID', 'STATUS'), fc.string({ maxLength: 40 })).map(([name, value]) => `${name}${value}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:20200101T100000Z', ...lines, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
        expectContract(run(text, WIDE), WIDE);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on mutated real feeds (lines dropped, duplicated, truncated, characters flipped)', () => {
    fc.assert(
      fc.property(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        const { lines, window } = SEEDS[seed] ?? { lines: [], window: WIDE };
        expectContract(run(mutate(lines, mutations), window), window);
      }),
      { numRuns: 120 },
    );
  });
});

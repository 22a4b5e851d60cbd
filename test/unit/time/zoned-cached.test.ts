import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  localDateOf,
  localDateOfCached,
  offsetMinutesAt,
  offsetMinutesAtCached,
  startOfLocalDay,
  startOfLocalDayCached,
  toLocalDateTime,
  toLocalDateTimeCached,
  zonedToInstant,
  zonedToInstantCached,
} from '../../../shared/time/zoned';

// Zones with the awkward cases: US and EU DST, a 30-minute DST (Lord Howe), a 45-minute offset
// (Chatham, Kathmandu), Ramadan-suspended DST (Casablanca), a skipped day (Apia, 2011), southern
// hemisphere DST (Santiago, Sydney), a zone that changed standard offset (Caracas), and no DST.
const ZONES = [
  'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham',
  'Asia/Kathmandu', 'Africa/Casablanca', 'Pacific/Apia', 'America/Santiago', 'Australia/Sydney',
  'America/Caracas', 'America/Phoenix', 'Asia/Tokyo', 'America/Sao_Paulo', 'Europe/Dublin',
];
const zone = fc.constantFrom(...ZONES);
const FROM = Date.UTC(1901, 0, 1);
const TO = Date.UTC(2199, 0, 1);
/** Instants anywhere in the cached range, and instants within a day of a March or November DST change. */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.tuple(fc.integer({ min: 1970, max: 2040 }), fc.constantFrom(2, 3, 9, 10), fc.integer({ min: 0, max: 30 * 86_400_000 }))
    .map(([year, month, offset]) => Date.UTC(year, month, 1) + offset),
);
const local = fc.record({
  year: fc.integer({ min: 1901, max: 2198 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.constantFrom(0, 15, 30, 45, 59),
  second: fc.constantFrom(0, 30, 59),
});

describe('cached zone conversions equal the exact ones', () => {
  it('gives the same offset and wall clock at random instants', () => {
    fc.assert(
      fc.property(instant, zone, (epochMs, timeZone) => {
        expect(offsetMinutesAtCached(epochMs, timeZone)).toBe(offsetMinutesAt(epochMs, timeZone));
        expect(toLocalDateTimeCached(new Date(epochMs), timeZone)).toEqual(toLocalDateTime(new Date(epochMs), timeZone));
        expect(localDateOfCached(new Date(epochMs), timeZone)).toBe(localDateOf(new Date(epochMs), timeZone));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same instant for random wall-clock times, gaps and overlaps included', () => {
    fc.assert(
      fc.property(local, zone, (wallClock, timeZone) => {
        expect(zonedToInstantCached(wallClock, timeZone).getTime()).toBe(zonedToInstant(wallClock, timeZone).getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees at every hour of a spring-forward and a fall-back night in New York and Lord Howe', () => {
    for (const timeZone of ['America/New_York', 'Australia/Lord_Howe']) {
      for (const [year, month, day] of [[2027, 3, 14], [2026, 11, 1], [2027, 4, 4], [2026, 10, 4]] as const) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const wallClock = { year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 };
          expect(zonedToInstantCached(wallClock, timeZone).getTime()).toBe(zonedToInstant(wallClock, timeZone).getTime());
        }
      }
    }
  });

  it('keeps the RFC 5545 gap and overlap answers (02:30 → 07:30Z; 01:30 EDT = 05:30Z)', () => {
    // 2007-03-11 02:30 does not exist in New York: read with EST (−5) = 07:30Z.
    expect(zonedToInstantCached({ year: 2007, month: 3, day: 11, hour: 2, minute: 30, second: 0 }, 'America/New_York').toISOString()).toBe('2007-03-11T07:30:00.000Z');
    // 2007-11-04 01:30 happens twice; the first is EDT (−4) = 05:30Z.
    expect(zonedToInstantCached({ year: 2007, month: 11, day: 4, hour: 1, minute: 30, second: 0 }, 'America/New_York').toISOString()).toBe('2007-11-04T05:30:00.000Z');
    // Local midnight 2026-03-08 is still EST (−5) = 05:00Z.
    expect(startOfLocalDayCached('2026-03-08', 'America/New_York').toISOString()).toBe(startOfLocalDay('2026-03-08', 'America/New_York').toISOString());
  });

  it('falls back to the exact functions outside 1900–2200 and still rejects an unknown zone', () => {
    const old = Date.UTC(1850, 5, 1, 12);
    expect(toLocalDateTimeCached(new Date(old), 'America/New_York')).toEqual(toLocalDateTime(new Date(old), 'America/New_York'));
    expect(() => toLocalDateTimeCached(new Date(Date.UTC(2027, 0, 1)), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

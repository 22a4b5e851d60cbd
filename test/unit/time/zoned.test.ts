import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, startOfLocalDay, zonedToInstant } from '../../../shared/time/zoned';

const at = (year: number, month: number, day: number, hour: number, minute = 0) =>
  ({ year, month, day, hour, minute, second: 0 });

describe('zonedToInstant', () => {
  it('reads RFC 5545 §3.3.5 gap example with the offset before the gap (02:30 → 03:30 EDT = 07:30Z)', () => {
    expect(zonedToInstant(at(2007, 3, 11, 2, 30), 'America/New_York').toISOString()).toBe('2007-03-11T07:30:00.000Z');
  });

  it('reads the RFC 5545 §3.3.5 ambiguous example as its first occurrence (01:30 EDT = 05:30Z)', () => {
    expect(zonedToInstant(at(2007, 11, 4, 1, 30), 'America/New_York').toISOString()).toBe('2007-11-04T05:30:00.000Z');
  });

  it('keeps 18:00 wall-clock across the 2026 US DST change: 22:00Z in October, 23:00Z in November', () => {
    expect(zonedToInstant(at(2026, 10, 28, 18), 'America/New_York').toISOString()).toBe('2026-10-28T22:00:00.000Z');
    expect(zonedToInstant(at(2026, 11, 4, 18), 'America/New_York').toISOString()).toBe('2026-11-04T23:00:00.000Z');
  });

  it('handles a zone without DST (Phoenix, −07:00 all year)', () => {
    expect(zonedToInstant(at(2011, 11, 9, 19), 'America/Phoenix').toISOString()).toBe('2011-11-10T02:00:00.000Z');
  });

  it('handles the EU rule (Berlin CEST +02:00 in September)', () => {
    expect(zonedToInstant(at(2017, 9, 12, 18), 'Europe/Berlin').toISOString()).toBe('2017-09-12T16:00:00.000Z');
  });
});

describe('local dates', () => {
  it('gives the New York date of an instant that is already the next day in UTC', () => {
    expect(localDateOf(new Date('2026-12-03T03:30:00Z'), 'America/New_York')).toBe('2026-12-02');
  });

  it('finds local midnight on a DST-change day (2026-03-08 00:00 EST = 05:00Z)', () => {
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('adds calendar days across a month end', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
  });
});

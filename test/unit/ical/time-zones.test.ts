import { describe, expect, it } from 'vitest';
import { calendar, parse, vevent } from './helpers';

const JULY = ['2025-07-01T00:00:00Z', '2025-08-01T00:00:00Z'] as const;

function one(dtstart: string, ...extra: string[]) {
  return calendar(...extra, vevent('UID:tz@example.com', 'SUMMARY:Meet-up', dtstart));
}

describe('time zones', () => {
  it('maps the Windows name Eastern Standard Time (CLDR): 18:00 EDT (−4) = 22:00Z', () => {
    const { events, problems } = parse(one('DTSTART;TZID=Eastern Standard Time:20250715T180000'), ...JULY, 'Europe/London');
    expect(events[0]?.start.toISOString()).toBe('2025-07-15T22:00:00.000Z');
    expect(events[0]?.timeZone).toBe('America/New_York');
    expect(problems).toEqual([]);
  });

  it('maps the quoted Windows name the same way', () => {
    const { events } = parse(one('DTSTART;TZID="Eastern Standard Time":20250715T180000'), ...JULY);
    expect(events[0]?.start.toISOString()).toBe('2025-07-15T22:00:00.000Z');
  });

  it('maps the legacy alias US/Pacific to America/Los_Angeles: 18:00 PDT (−7) = 01:00Z next day', () => {
    const { events } = parse(one('DTSTART;TZID=US/Pacific:20250715T180000'), ...JULY);
    expect(events[0]?.start.toISOString()).toBe('2025-07-16T01:00:00.000Z');
    expect(events[0]?.timeZone).toBe('America/Los_Angeles');
    expect(events[0]?.startDate).toBe('2025-07-15');
  });

  it('reads a globally unique TZID by its IANA suffix', () => {
    const { events } = parse(one('DTSTART;TZID=/mozilla.org/20050126_1/America/Chicago:20250715T180000'), ...JULY);
    // 18:00 CDT (−5) = 23:00Z.
    expect(events[0]?.start.toISOString()).toBe('2025-07-15T23:00:00.000Z');
  });

  it('prefers IANA data over a wrong in-file VTIMEZONE of the same IANA name', () => {
    const wrong = ['BEGIN:VTIMEZONE', 'TZID:America/New_York', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0000', 'END:STANDARD', 'END:VTIMEZONE'];
    const { events } = parse(one('DTSTART;TZID=America/New_York:20250715T180000', ...wrong), ...JULY);
    expect(events[0]?.start.toISOString()).toBe('2025-07-15T22:00:00.000Z');
  });

  it('uses an in-file VTIMEZONE with no IANA name, reports the event in the default zone, and says so', () => {
    const custom = ['BEGIN:VTIMEZONE', 'TZID:Head Office Time', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0530', 'TZOFFSETTO:+0530', 'END:STANDARD', 'END:VTIMEZONE'];
    const { events, problems } = parse(one('DTSTART;TZID=Head Office Time:20250715T180000', ...custom), ...JULY, 'America/Chicago');
    // The file's own rule: 18:00 +05:30 = 12:30Z; reported in America/Chicago (12:30Z = 07:30 CDT, same date).
    expect(events[0]?.start.toISOString()).toBe('2025-07-15T12:30:00.000Z');
    expect(events[0]?.timeZone).toBe('America/Chicago');
    expect(events[0]?.startDate).toBe('2025-07-15');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/Head Office Time/);
  });

  it('takes the IANA zone from X-LIC-LOCATION of an oddly named VTIMEZONE', () => {
    const named = ['BEGIN:VTIMEZONE', 'TZID:Custom 1', 'X-LIC-LOCATION:Europe/Paris', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'];
    const { events } = parse(one('DTSTART;TZID=Custom 1:20250715T180000', ...named), ...JULY);
    // IANA Europe/Paris in July is CEST (+2): 16:00Z (the in-file +01 would give a wrong 17:00Z).
    expect(events[0]?.start.toISOString()).toBe('2025-07-15T16:00:00.000Z');
    expect(events[0]?.timeZone).toBe('Europe/Paris');
  });

  it('reads an unknown TZID without VTIMEZONE in the calendar zone and reports it — never silently UTC', () => {
    const { events, problems } = parse(one('DTSTART;TZID=Mars/Olympus_Mons:20250715T100000', 'X-WR-TIMEZONE:America/Denver'), ...JULY);
    // X-WR-TIMEZONE America/Denver: 10:00 MDT (−6) = 16:00Z.
    expect(events[0]?.start.toISOString()).toBe('2025-07-15T16:00:00.000Z');
    expect(events[0]?.timeZone).toBe('America/Denver');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/unknown time zone "Mars\/Olympus_Mons"/);
    expect(problems[0]?.where).toBe('VEVENT 1 (UID tz@example.com)');
  });

  it('reads floating times in X-WR-TIMEZONE, else in the default zone', () => {
    const withWr = parse(one('DTSTART:20250715T180000', 'X-WR-TIMEZONE:America/Denver'), ...JULY, 'America/New_York');
    // 18:00 MDT (−6) = 00:00Z next day.
    expect(withWr.events[0]?.start.toISOString()).toBe('2025-07-16T00:00:00.000Z');
    const without = parse(one('DTSTART:20250715T180000'), ...JULY, 'America/New_York');
    expect(without.events[0]?.start.toISOString()).toBe('2025-07-15T22:00:00.000Z');
  });

  it('reads the RFC 5545 §3.3.5 gap time 02:30 on 11 Mar 2007 as 03:30 EDT = 07:30Z', () => {
    const { events } = parse(one('DTSTART;TZID=America/New_York:20070311T023000'), '2007-03-01T00:00:00Z', '2007-04-01T00:00:00Z');
    expect(events[0]?.start.toISOString()).toBe('2007-03-11T07:30:00.000Z');
  });

  it('reads all-day dates at local midnight with an exclusive end; no DTEND means one day', () => {
    const text = calendar(
      vevent('UID:fair@example.com', 'SUMMARY:Job fair', 'DTSTART;VALUE=DATE:20251001', 'DTEND;VALUE=DATE:20251003'),
      vevent('UID:day@example.com', 'SUMMARY:Open day', 'DTSTART;VALUE=DATE:20251010'),
    );
    const { events } = parse(text, '2025-09-30T00:00:00Z', '2025-10-31T00:00:00Z', 'America/Los_Angeles');
    // Midnight PDT (−7) = 07:00Z.
    expect(events.map((event) => [event.startDate, event.start.toISOString(), event.end?.toISOString(), event.allDay])).toEqual([
      ['2025-10-01', '2025-10-01T07:00:00.000Z', '2025-10-03T07:00:00.000Z', true],
      ['2025-10-10', '2025-10-10T07:00:00.000Z', '2025-10-11T07:00:00.000Z', true],
    ]);
  });
});

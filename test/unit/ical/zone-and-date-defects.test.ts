import { describe, expect, it } from 'vitest';
import { byUid, calendar, parse, starts, vevent } from './helpers';

// Issue 10 §1: time defects an independent check found. Every instant below is worked out by hand
// from the US rule (2007 on: DST from the 2nd Sunday of March 02:00 to the 1st Sunday of November
// 02:00; before 2007: 1st Sunday of April to the last Sunday of October), EST = −5, EDT = −4.

/** A custom zone no name table knows, so only its own observances can place its times. */
function customZone(...observances: string[][]): string[] {
  return ['BEGIN:VTIMEZONE', 'TZID:Netmix Custom Eastern', ...observances.flat(), 'END:VTIMEZONE'];
}
const observance = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, rule: string, from: string, to: string) => [
  `BEGIN:${kind}`, `DTSTART:${dtstart}`, `RRULE:${rule}`, `TZOFFSETFROM:${from}`, `TZOFFSETTO:${to}`, `END:${kind}`,
];
const NEW_STANDARD = observance('STANDARD', '20071104T020000', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', '-0400', '-0500');
const NEW_DAYLIGHT = observance('DAYLIGHT', '20070311T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', '-0500', '-0400');
const OLD_STANDARD = observance('STANDARD', '19671029T020000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z', '-0400', '-0500');
const OLD_DAYLIGHT = observance('DAYLIGHT', '19870405T020000', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z', '-0500', '-0400');

function inCustomZone(zone: string[], ...locals: string[]): string {
  return calendar(...zone, ...locals.map((local, i) => vevent(`UID:custom-${i}@example.com`, 'SUMMARY:Chapter meeting', `DTSTART;TZID=Netmix Custom Eastern:${local}`, 'DURATION:PT1H')));
}

describe('a custom VTIMEZONE keeps every observance', () => {
  it('custom VTIMEZONE: summer times use its DAYLIGHT observance, winter times its STANDARD one', () => {
    // 2026-07-15 18:00 is in DST (Mar 8 – Nov 1, 2026): 18:00 EDT = 22:00Z.
    // 2026-12-15 18:00 is standard time: 18:00 EST = 23:00Z.
    const { events } = parse(inCustomZone(customZone(NEW_STANDARD, NEW_DAYLIGHT), '20260715T180000', '20261215T180000'), '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    expect(starts(events)).toEqual(['2026-07-15T22:00:00.000Z', '2026-12-15T23:00:00.000Z']);
  });

  it('custom VTIMEZONE: a multi-era zone applies the old US rules before 2007 and the new ones after', () => {
    // 2005-07-15 18:00: DST (Apr 3 – Oct 30, 2005) → 22:00Z.
    // 2005-11-02 18:00: old rule ended DST on Sun Oct 30, 2005 → EST → 23:00Z (the new rule would
    //   still be on EDT until Nov 6 → 22:00Z, so this tells the eras apart).
    // 2026-03-20 18:00: new rule, DST since Mar 8 → EDT → 22:00Z (old rule: EST until Apr 5 → 23:00Z).
    // 2026-10-30 18:00: new rule, DST until Nov 1 → EDT → 22:00Z (old rule: ended Oct 25 → 23:00Z).
    const zone = customZone(OLD_STANDARD, NEW_DAYLIGHT, OLD_DAYLIGHT, NEW_STANDARD);
    const { events } = parse(inCustomZone(zone, '20050715T180000', '20051102T180000', '20260320T180000', '20261030T180000'), '2005-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    expect(starts(events)).toEqual(['2005-07-15T22:00:00.000Z', '2005-11-02T23:00:00.000Z', '2026-03-20T22:00:00.000Z', '2026-10-30T22:00:00.000Z']);
  });
});

describe('all-day series matched by their own dates', () => {
  it('all-day series: an Exchange DATE-TIME RECURRENCE-ID and EXDATE replace and remove the days they name', () => {
    // Weekly Thursdays from 2026-02-19, COUNT=4: Feb 19, Feb 26, Mar 5, Mar 12. Exchange names the
    // Feb 26 instance as 00:00 in W. Europe time and excludes Mar 5 the same way; read in the
    // calendar's zone (New York) those are Feb 25 and Mar 4 18:00, so they must be keyed by their
    // own dates. Left: Feb 19, the moved Feb 27, Mar 12. All-day instants are local midnight in
    // New York: Feb 19 and 27 EST → 05:00Z; Mar 12 is after DST began (Mar 8) → EDT → 04:00Z.
    const text = calendar(
      vevent('UID:allday-x', 'SUMMARY:Job fair', 'DTSTART;VALUE=DATE:20260219', 'DTEND;VALUE=DATE:20260220', 'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE;TZID=W. Europe Standard Time:20260305T000000'),
      vevent('UID:allday-x', 'SUMMARY:Job fair (moved)', 'RECURRENCE-ID;TZID=W. Europe Standard Time:20260226T000000', 'DTSTART;VALUE=DATE:20260227', 'DTEND;VALUE=DATE:20260228'),
    );
    const { events } = parse(text, '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(events.map((event) => [event.startDate, event.title, event.start.toISOString()])).toEqual([
      ['2026-02-19', 'Job fair', '2026-02-19T05:00:00.000Z'],
      ['2026-02-27', 'Job fair (moved)', '2026-02-27T05:00:00.000Z'],
      ['2026-03-12', 'Job fair', '2026-03-12T04:00:00.000Z'],
    ]);
  });

  it('all-day series: a UTC DATE-TIME RECURRENCE-ID names the day it is written on', () => {
    // RECURRENCE-ID:20260226T000000Z on an all-day series is Feb 25 19:00 in New York; the day meant is Feb 26.
    const text = calendar(
      vevent('UID:allday-z', 'SUMMARY:Job fair', 'DTSTART;VALUE=DATE:20260219', 'RRULE:FREQ=WEEKLY;COUNT=2'),
      vevent('UID:allday-z', 'SUMMARY:Cancelled', 'STATUS:CANCELLED', 'RECURRENCE-ID:20260226T000000Z', 'DTSTART;VALUE=DATE:20260226'),
    );
    const { events } = parse(text, '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(events.map((event) => [event.startDate, event.status])).toEqual([['2026-02-19', 'confirmed'], ['2026-02-26', 'cancelled']]);
  });
});

describe('all-day events are windowed by their dates', () => {
  // The window is Dec 1–7, 2026 in the source's zone (New York): 2026-12-01T05:00Z (00:00 EST) to
  // 2026-12-08T04:59:59Z (23:59:59 EST on Dec 7).
  const FROM = '2026-12-01T05:00:00Z';
  const TO = '2026-12-08T04:59:59Z';

  it('all-day windowing: an Auckland calendar keeps Dec 1 and drops Dec 8, though Dec 1 00:00 NZDT is before the window', () => {
    // Dec 1 00:00 NZDT (+13) = Nov 30 11:00Z, before FROM; Dec 8 00:00 NZDT = Dec 7 11:00Z, inside it.
    const text = calendar('X-WR-TIMEZONE:Pacific/Auckland',
      vevent('UID:nz-1', 'SUMMARY:Expo', 'DTSTART;VALUE=DATE:20261201'),
      vevent('UID:nz-8', 'SUMMARY:Expo', 'DTSTART;VALUE=DATE:20261208'),
      vevent('UID:nz-daily', 'SUMMARY:Daily', 'DTSTART;VALUE=DATE:20261129', 'RRULE:FREQ=DAILY;COUNT=12'));
    const { events } = parse(text, FROM, TO);
    expect(byUid(events, 'nz-1').map((event) => [event.startDate, event.start.toISOString()])).toEqual([['2026-12-01', '2026-11-30T11:00:00.000Z']]);
    expect(byUid(events, 'nz-8')).toEqual([]);
    // Nov 29 + 0..11 days runs to Dec 10; the window's dates are Dec 1–7: seven days.
    expect(byUid(events, 'nz-daily').map((event) => event.startDate)).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-12-${d}`));
  });

  it('all-day windowing: a Honolulu calendar keeps Dec 7 and drops Nov 30 by date', () => {
    // Dec 7 00:00 HST (−10) = Dec 7 10:00Z (inside); Nov 30 00:00 HST = Nov 30 10:00Z (before FROM).
    const text = calendar('X-WR-TIMEZONE:Pacific/Honolulu',
      vevent('UID:hi-7', 'SUMMARY:Expo', 'DTSTART;VALUE=DATE:20261207'),
      vevent('UID:hi-30', 'SUMMARY:Expo', 'DTSTART;VALUE=DATE:20261130'));
    const { events } = parse(text, FROM, TO);
    expect(events.map((event) => [event.uid, event.start.toISOString()])).toEqual([['hi-7', '2026-12-07T10:00:00.000Z']]);
  });
});

describe('Outlook labels', () => {
  it('Outlook label: "(UTC-05:00) Eastern Time (US and Canada)" maps like "&"', () => {
    // 2026-07-15 18:00 EDT = 22:00Z.
    const { events, problems } = parse(calendar(vevent('UID:and', 'SUMMARY:Mixer', 'DTSTART;TZID="(UTC-05:00) Eastern Time (US and Canada)":20260715T180000')), '2026-07-01T00:00:00Z', '2026-08-01T00:00:00Z');
    expect(starts(events)).toEqual(['2026-07-15T22:00:00.000Z']);
    expect(events[0]?.timeZone).toBe('America/New_York');
    expect(problems).toEqual([]);
  });

  it('Outlook label: "(UTC-06:00) Central Time (US and Canada)" the day after DST ended', () => {
    // DST ended Sun Nov 1, 2026: Mon Nov 2 18:00 CST (−6) = Nov 3 00:00Z.
    const { events } = parse(calendar(vevent('UID:and-c', 'SUMMARY:Mixer', 'DTSTART;TZID="(UTC-06:00) Central Time (US and Canada)":20261102T180000')), '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
    expect(starts(events)).toEqual(['2026-11-03T00:00:00.000Z']);
    expect(events[0]?.timeZone).toBe('America/Chicago');
  });
});

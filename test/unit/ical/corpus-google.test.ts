import { describe, expect, it } from 'vitest';
import { byUid, fixture, parse, starts } from './helpers';

// Facts from test/fixtures/ORIGIN.md; every instant below is worked out by hand in its comment.

describe('google_machbar_rrule_exdate_recurid.ics', () => {
  const text = fixture('google_machbar_rrule_exdate_recurid.ics');

  it('expands the fortnightly Freifunktreffen across the EU change and drops the EXDATE of 21 Nov', () => {
    const { events, problems } = parse(text, '2017-09-01T00:00:00Z', '2017-12-01T00:00:00Z');
    const series = byUid(events, '5m2ic2qqn1fo43ebfp7ucovj6p@google.com');
    // Every 2nd Tuesday from 12 Sep at 18:00 Berlin: CEST (+2) = 16:00Z until 29 Oct, then CET (+1) = 17:00Z.
    // 21 Nov 18:00 CET (17:00Z) is the EXDATE.
    expect(starts(series)).toEqual([
      '2017-09-12T16:00:00.000Z',
      '2017-09-26T16:00:00.000Z',
      '2017-10-10T16:00:00.000Z',
      '2017-10-24T16:00:00.000Z',
      '2017-11-07T17:00:00.000Z',
    ]);
    expect(series[0]?.title).toBe('Freifunktreffen');
    expect(series[0]?.timeZone).toBe('Europe/Berlin');
    expect(problems).toEqual([]);
  });

  it('moves the overridden 16 Feb 2019 instance to 24 Feb (override written before its master)', () => {
    const { events } = parse(text, '2019-02-01T00:00:00Z', '2019-03-01T00:00:00Z');
    const series = byUid(events, 'ome5r9735mpdoo3n6lpf8oi0c4@google.com');
    // 24 Feb 11:00 CET (+1) = 10:00Z; the original 16 Feb 11:00 (10:00Z) must be gone.
    expect(starts(series)).toContain('2019-02-24T10:00:00.000Z');
    expect(starts(series)).not.toContain('2019-02-16T10:00:00.000Z');
  });

  it('reads the calendar name with its UTF-8 text', () => {
    expect(parse(text, '2019-01-01T00:00:00Z', '2019-01-02T00:00:00Z').meta.calendarName).toBe('machBar - Öffentlich');
  });
});

describe('google_large_feed_677_events.ics', () => {
  const text = fixture('google_large_feed_677_events.ics');
  const result = parse(text, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'Europe/Paris');

  it('reads the named weekly series, both of whose instances are moved by overrides', () => {
    // DTSTART 10 Jan 14:00 CET = 13:00Z; UNTIL=20240123T225959Z (23:59:59 CET on 23 Jan) leaves the
    // Wednesdays 10 and 17 Jan, and overrides move them: 11 Jan 10:00 CET = 09:00Z, 18 Jan 09:00 CET = 08:00Z.
    const series = byUid(result.events, '4v7fuk6men5n884tkthb0hgjgu@google.com');
    expect(starts(series)).toEqual(['2024-01-11T09:00:00.000Z', '2024-01-18T08:00:00.000Z']);
    expect(starts(series)).not.toContain('2024-01-10T13:00:00.000Z');
  });

  it('reads the "this and following" split series: 24 Jan 14:00 CET = 13:00Z, 31 Jan moved to 1 Feb 15:00 CET = 14:00Z', () => {
    expect(starts(byUid(result.events, '4v7fuk6men5n884tkthb0hgjgu_R20240124T130000@google.com'))).toEqual(['2024-01-24T13:00:00.000Z', '2024-02-01T14:00:00.000Z']);
  });

  it('emits overrides whose master is missing ("only modifications") as single events', () => {
    // 20 Mar 09:30 CET (+1) = 08:30Z; 6 Jun 15:00 CEST (+2) = 13:00Z.
    expect(starts(byUid(result.events, '0vk9kniplnk1em0fup8hnbmu3p@google.com'))).toEqual(['2024-03-20T08:30:00.000Z']);
    expect(starts(byUid(result.events, '7646ED87-EAAC-4843-B7DB-FE95D2BF5561'))).toEqual(['2024-06-06T13:00:00.000Z']);
    // Three orphans of one UID: 9 Jul 13:00 CEST = 11:00Z, 10 Sep 13:00 CEST = 11:00Z, 12 Nov 13:00 CET = 12:00Z.
    expect(starts(byUid(result.events, '2pf9lju10s6lg6vs2hcfsriv0l@google.com'))).toEqual([
      '2024-07-09T11:00:00.000Z',
      '2024-09-10T11:00:00.000Z',
      '2024-11-12T12:00:00.000Z',
    ]);
  });

  it('reads the whole 212 KB feed without problems, every occurrence inside the window', () => {
    expect(result.problems).toEqual([]);
    expect(result.events.length).toBeGreaterThan(600);
    for (const event of result.events) {
      expect(event.start.getTime()).toBeGreaterThanOrEqual(Date.parse('2024-01-01T00:00:00Z'));
      expect(event.start.getTime()).toBeLessThanOrEqual(Date.parse('2025-01-01T00:00:00Z'));
    }
  });
});

describe('google_recurrence_override_before_master.ics', () => {
  it('gives three occurrences, the middle one moved to 10:30 and renamed', () => {
    const { events, problems } = parse(fixture('google_recurrence_override_before_master.ics'), '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
    // 10:00 MST (−7) = 17:00Z; the override's 10:30 MST = 17:30Z. No VTIMEZONE: IANA America/Denver.
    expect(events.map((event) => [event.start.toISOString(), event.title])).toEqual([
      ['2026-02-10T17:00:00.000Z', 'TEST RECURR 3'],
      ['2026-02-11T17:30:00.000Z', 'TEST RECURR 3 - MODIFIED'],
      ['2026-02-12T17:00:00.000Z', 'TEST RECURR 3'],
    ]);
    expect(events.every((event) => event.timeZone === 'America/Denver')).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('google_birthdays_orphan_recurrence_id.ics', () => {
  const { events, problems } = parse(fixture('google_birthdays_orphan_recurrence_id.ics'), '2012-01-01T00:00:00Z', '2015-01-01T00:00:00Z', 'UTC');

  it('anchors the all-day master and its RDATEs at local midnight in X-WR-TIMEZONE (PST −8 → 08:00Z)', () => {
    const master = byUid(events, '2014_BIRTHDAY_79d389868f96182e@google.com');
    // DTSTART 2014-12-10 plus RDATE:20131210Z and 20121210Z (the stray Z read as a date).
    expect(starts(master)).toEqual(['2012-12-10T08:00:00.000Z', '2013-12-10T08:00:00.000Z', '2014-12-10T08:00:00.000Z']);
    expect(master.every((event) => event.allDay && event.timeZone === 'America/Los_Angeles')).toBe(true);
    expect(master[2]?.startDate).toBe('2014-12-10');
    expect(master[2]?.end?.toISOString()).toBe('2014-12-11T08:00:00.000Z');
  });

  it('emits the three orphan overrides (their UID has no master) as single events', () => {
    expect(starts(byUid(events, 'BIRTHDAY_79d389868f96182e@google.com'))).toEqual(['2012-12-10T08:00:00.000Z', '2013-12-10T08:00:00.000Z', '2014-12-10T08:00:00.000Z']);
  });

  it('notes the RDATE with a stray Z', () => {
    expect(problems.some((problem) => problem.message.includes('trailing "Z"'))).toBe(true);
  });
});

describe('google_xwr_timezone_utc_times.ics', () => {
  it('does not re-shift Z times into X-WR-TIMEZONE', () => {
    const { events } = parse(fixture('google_xwr_timezone_utc_times.ics'), '2021-12-01T00:00:00Z', '2022-01-01T00:00:00Z', 'Europe/Berlin');
    // DTSTART:20211222T170000Z stays 17:00Z (= 12:00 EST); 02:00Z on the 23rd is 21:00 EST on the 22nd.
    expect(starts(events)).toEqual(['2021-12-22T17:00:00.000Z', '2021-12-23T02:00:00.000Z']);
    expect(events.map((event) => event.startDate)).toEqual(['2021-12-22', '2021-12-22']);
    expect(events.every((event) => event.timeZone === 'America/New_York')).toBe(true);
  });
});

describe('google_bad_rrule.ics', () => {
  const { events, problems } = parse(fixture('google_bad_rrule.ics'), '2020-09-01T00:00:00Z', '2020-09-08T00:00:00Z');

  it('reads Brain Break at 09:40 MDT = 15:40Z on weekdays', () => {
    // Thu 3, Fri 4, Mon 7 Sep (the window ends at 00:00Z on 8 Sep).
    expect(starts(byUid(events, '078tk5i2t4all3kk0jcoi3mdmd@google.com'))).toEqual(['2020-09-03T15:40:00.000Z', '2020-09-04T15:40:00.000Z', '2020-09-07T15:40:00.000Z']);
  });

  it('recovers the "RRULE:RRULE:AnythingRandom;..." series and reports the damage', () => {
    // 09:50 MDT = 15:50Z.
    expect(starts(byUid(events, '11le1ep09hvog7dbotn6foj38e@google.com'))).toEqual(['2020-09-03T15:50:00.000Z', '2020-09-04T15:50:00.000Z', '2020-09-07T15:50:00.000Z']);
    expect(problems.map((problem) => problem.where)).toContain('VEVENT 2 (UID 11le1ep09hvog7dbotn6foj38e@google.com)');
    expect(problems.some((problem) => problem.message.includes('AnythingRandom'))).toBe(true);
  });

  it('expands the endless Budapest weekday rule (no VTIMEZONE) only over the window, skipping its EXDATEs', () => {
    const later = parse(fixture('google_bad_rrule.ics'), '2020-12-18T00:00:00Z', '2021-01-06T00:00:00Z');
    // 07:20 CET (+1) = 06:20Z; 21 Dec – 1 Jan are EXDATEs, so Fri 18 Dec, then Mon 4 and Tue 5 Jan.
    expect(starts(byUid(later.events, '*Masked away*'))).toEqual(['2020-12-18T06:20:00.000Z', '2021-01-04T06:20:00.000Z', '2021-01-05T06:20:00.000Z']);
  });
});

describe('google_empty_exdate_value.ics', () => {
  const { events, problems } = parse(fixture('google_empty_exdate_value.ics'), '2008-01-01T00:00:00Z', '2009-01-01T00:00:00Z');

  it('gives 20 days for each series (3–23 March is 21 days, minus the EXDATE of 11 March)', () => {
    const ok = events.filter((event) => event.description === 'Perfectly OK event');
    expect(ok).toHaveLength(20);
    expect(ok.map((event) => event.startDate)).not.toContain('2008-03-11');
    expect(ok[0]?.startDate).toBe('2008-03-03');
    expect(ok[19]?.startDate).toBe('2008-03-23');
    expect(events.filter((event) => event.description === 'Wrong event')).toHaveLength(20);
  });

  it('reports the empty EXDATE and keeps uid null for events without UID', () => {
    expect(problems).toEqual([{ message: 'line 19: dropped EXDATE with an empty value', where: 'VEVENT 2' }]);
    expect(events.every((event) => event.uid === null && event.allDay)).toBe(true);
  });
});

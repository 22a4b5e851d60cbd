import { describe, expect, it } from 'vitest';
import { byUid, fixture, parse, starts } from './helpers';

// Facts from test/fixtures/ORIGIN.md; every instant below is worked out by hand in its comment.

describe('apple_macos_status_tentative_cancelled.ics', () => {
  it('reads STATUS:CANCELLED as cancelled and the others as confirmed: 13:00 PDT (−7) = 20:00Z', () => {
    const { events } = parse(fixture('apple_macos_status_tentative_cancelled.ics'), '2022-07-01T00:00:00Z', '2022-08-01T00:00:00Z');
    expect(events.map((event) => [event.title, event.status])).toEqual([
      ['Tentative', 'confirmed'],
      ['Confirmed', 'confirmed'],
      ['Cancelled', 'cancelled'],
      ['No Status', 'confirmed'],
    ]);
    const cancelled = events.find((event) => event.title === 'Cancelled');
    expect(cancelled?.start.toISOString()).toBe('2022-07-06T20:00:00.000Z');
    expect(cancelled?.timeZone).toBe('America/Vancouver');
  });
});

describe('thunderbird_cancelled_occurrence.ics', () => {
  it('keeps 28 and 30 Jan and marks the overridden 29 Jan cancelled: 22:00 CET (+1) = 21:00Z', () => {
    const { events } = parse(fixture('thunderbird_cancelled_occurrence.ics'), '2020-01-01T00:00:00Z', '2020-03-01T00:00:00Z');
    expect(events.map((event) => [event.start.toISOString(), event.status])).toEqual([
      ['2020-01-28T21:00:00.000Z', 'confirmed'],
      ['2020-01-29T21:00:00.000Z', 'cancelled'],
      ['2020-01-30T21:00:00.000Z', 'confirmed'],
    ]);
  });
});

describe('duplicate_recurrence_id_overrides.ics', () => {
  it('gives one occurrence on 26 Aug 2024 for two identical overrides', () => {
    const { events } = parse(fixture('duplicate_recurrence_id_overrides.ics'), '2024-08-01T00:00:00Z', '2024-09-30T00:00:00Z');
    // Every 3rd Monday from 1 Apr: 5 Aug, 26 Aug, 16 Sep; all-day at local midnight EDT (−4) = 04:00Z.
    const test123 = events.filter((event) => event.title === 'test123');
    expect(test123.map((event) => event.startDate)).toEqual(['2024-08-05', '2024-08-26', '2024-09-16']);
    expect(test123[1]?.start.toISOString()).toBe('2024-08-26T04:00:00.000Z');
    // The events last a week: the exclusive end is the next Monday.
    expect(test123[1]?.end?.toISOString()).toBe('2024-09-02T04:00:00.000Z');
  });
});

describe('duplicate_uid_sequence.ics', () => {
  it('keeps the highest SEQUENCE of each UID, whichever comes first in the file', () => {
    const { events } = parse(fixture('duplicate_uid_sequence.ics'), '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z');
    expect(events.map((event) => [event.title, event.start.toISOString()])).toEqual([
      ['Team Meeting (SEQUENCE 2)', '2024-01-15T10:00:00.000Z'],
      ['Updated version (SEQUENCE 3) - should win', '2024-01-20T14:00:00.000Z'],
    ]);
  });
});

describe('floating_xwr_timezone_tvcountdown.ics', () => {
  const { events, meta } = parse(fixture('floating_xwr_timezone_tvcountdown.ics'), '2011-01-01T00:00:00Z', '2012-01-01T00:00:00Z', 'UTC');

  it('reads floating times in X-WR-TIMEZONE US/Eastern (= America/New_York): 20:00 EDT (−4) = 00:00Z next day', () => {
    const episode = events.find((event) => event.title.startsWith('The Big Bang Theory - S04E24'));
    expect(episode?.start.toISOString()).toBe('2011-05-20T00:00:00.000Z');
    expect(episode?.startDate).toBe('2011-05-19');
    expect(episode?.timeZone).toBe('America/New_York');
  });

  it('keeps both different episodes that share one UID and one DTSTAMP', () => {
    expect(events).toHaveLength(27);
    expect(byUid(events, '20110421T220000Z-83@tvcountdown.com').map((event) => event.title.slice(0, 16))).toEqual(['30 Rock - S05E20', '30 Rock - S05E21']);
    expect(meta.calendarName).toBe('tvcountdown.com');
  });
});

describe('large_synthetic_401_late_error.ics', () => {
  const { events, problems } = parse(fixture('large_synthetic_401_late_error.ics'), '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z');

  // The MANIFEST calls the first 400 valid, but six of them are written on days that do not exist
  // (the generator counts days 1–31 in every month): Feb 30 and 31, Apr 31, Jun 31, Sep 31, Nov 31
  // 2024. ical.js rolls those into the next month; they are skipped with a problem instead (issue 10).
  const IMPOSSIBLE = ['20240230', '20240231', '20240431', '20240631', '20240931', '20241131'];

  it('recovers the 394 real events when the last one has two DTSTARTs', () => {
    expect(events).toHaveLength(394);
    expect(events[0]?.title).toBe('Event 001');
    expect(events[0]?.start.toISOString()).toBe('2024-01-02T10:00:00.000Z');
    expect(byUid(events, 'event_error@example.com')).toEqual([]);
    // Feb 30 and Feb 31 are events 060 and 061; neither is moved into March.
    expect(byUid(events, 'event060@example.com')).toEqual([]);
    expect(byUid(events, 'event061@example.com')).toEqual([]);
  });

  it('reports the bad event by position and UID, and each impossible date', () => {
    const ambiguous = problems.filter((problem) => /two different DTSTART/.test(problem.message));
    expect(ambiguous.map((problem) => problem.where)).toEqual(['VEVENT 401 (UID event_error@example.com)']);
    const skipped = problems.filter((problem) => problem.message.includes('event skipped: DTSTART'));
    // Three are listed and the rest folded into "3 more like: ..." (see compactProblems).
    expect(skipped.slice(0, 3).map((problem) => /DTSTART (\d{8})/.exec(problem.message)?.[1])).toEqual(IMPOSSIBLE.slice(0, 3));
    expect(problems.some((problem) => problem.message.startsWith('3 more like: event skipped: DTSTART'))).toBe(true);
  });
});

describe('malformed_bad_dates_dclicious.ics', () => {
  it('rejects the year-3011 event with a problem instead of inventing a date', () => {
    const { events, problems, meta } = parse(fixture('malformed_bad_dates_dclicious.ics'), '1900-01-01T00:00:00Z', '3100-01-01T00:00:00Z');
    expect(events).toEqual([]);
    expect(problems.some((problem) => problem.where === 'VEVENT 1 (UID dclicio.us-243)' && /3011/.test(problem.message))).toBe(true);
    expect(meta.calendarName).toBe('Black cat');
  });
});

describe('malformed_truncated_no_end_vcalendar.ics', () => {
  it('finds no event (none has a DTSTART) and reports the truncation and both events', () => {
    const { events, problems } = parse(fixture('malformed_truncated_no_end_vcalendar.ics'), '1900-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    expect(events).toEqual([]);
    expect(problems.some((problem) => /END:VCALENDAR/.test(problem.message))).toBe(true);
    expect(problems.filter((problem) => /no DTSTART/.test(problem.message)).map((problem) => problem.where)).toEqual(['VEVENT 1', 'VEVENT 2']);
  });
});

describe('malformed_value_date_with_time_festival.ics', () => {
  const { events, problems } = parse(fixture('malformed_value_date_with_time_festival.ics'), '2011-08-01T00:00:00Z', '2011-09-30T00:00:00Z', 'Europe/Helsinki');

  it('reads VALUE=DATE:20110804T120000 as a floating date-time in the source zone: 12:00 EEST (+3) = 09:00Z', () => {
    const broadcast = events.filter((event) => event.title === 'foobarTV broadcast starts');
    // WEEKLY;BYDAY=MO,FR;INTERVAL=5 from Thu 4 Aug: DTSTART, Fri 5 Aug (same week), then Mon 5 and Fri 9 Sep.
    expect(starts(broadcast)).toEqual(['2011-08-04T09:00:00.000Z', '2011-08-05T09:00:00.000Z', '2011-09-05T09:00:00.000Z', '2011-09-09T09:00:00.000Z']);
    expect(broadcast.every((event) => !event.allDay)).toBe(true);
  });

  it('notes the type mismatch, folding the 128 repeats into a count', () => {
    expect(problems.some((problem) => /DTSTART says VALUE=DATE but holds the date-time/.test(problem.message))).toBe(true);
    expect(problems.some((problem) => /^125 more like: DTSTART says VALUE=DATE/.test(problem.message))).toBe(true);
  });
});

describe('override_dtend_before_dtstart_no_version.ics', () => {
  const { events, problems } = parse(fixture('override_dtend_before_dtstart_no_version.ics'), '2015-07-01T00:00:00Z', '2015-08-01T00:00:00Z');

  it('gives 8 occurrences: COUNT=10 minus 2 EXDATEs, 7 Jul moved to 9 Jul 15:00 PDT (−7) = 22:00Z', () => {
    // 12:00 PDT = 19:00Z daily from 6 Jul; 8 and 10 Jul excluded; 7 Jul replaced by the override.
    expect(events.map((event) => [event.start.toISOString(), event.title])).toEqual([
      ['2015-07-06T19:00:00.000Z', 'Treasure Hunting'],
      ['2015-07-09T19:00:00.000Z', 'Treasure Hunting'],
      ['2015-07-09T22:00:00.000Z', 'More Treasure Hunting'],
      ['2015-07-11T19:00:00.000Z', 'Treasure Hunting'],
      ['2015-07-12T19:00:00.000Z', 'Treasure Hunting'],
      ['2015-07-13T19:00:00.000Z', 'Treasure Hunting'],
      ['2015-07-14T19:00:00.000Z', 'Treasure Hunting'],
      ['2015-07-15T19:00:00.000Z', 'Treasure Hunting'],
    ]);
  });

  it('drops the override\'s DTEND that lies before its DTSTART and says so', () => {
    expect(events.find((event) => event.title === 'More Treasure Hunting')?.end).toBeNull();
    expect(problems).toEqual([{ message: 'the end is before the start; the end is ignored', where: 'VEVENT 2 (UID 0000001)' }]);
  });
});

describe('tripit_folded_escaped.ics', () => {
  const { events } = parse(fixture('tripit_folded_escaped.ics'), '2011-01-01T00:00:00Z', '2013-01-01T00:00:00Z');

  it('reads all 47 events; CO496 SFO to PHX departs 19:09 PST = 03:09Z', () => {
    expect(events).toHaveLength(47);
    expect(byUid(events, 'item-7884351ce42d503b90ccc48c33c7c30bd4f44767@tripit.com')[0]?.start.toISOString()).toBe('2012-01-06T03:09:00.000Z');
  });

  it('unescapes folded text', () => {
    expect(events.map((event) => event.title)).toContain('South San Francisco, CA, October 2011;');
  });
});

describe('upcoming_org_vvenue_nonstandard.ics', () => {
  const { events, problems, meta } = parse(fixture('upcoming_org_vvenue_nonstandard.ics'), '2008-01-01T00:00:00Z', '2010-01-01T00:00:00Z', 'America/Los_Angeles');

  it('reads floating times in the source zone: Substance Summit 15:30 PDT (−7) = 22:30Z', () => {
    const summit = events.find((event) => event.title === 'Substance Summit');
    expect(summit?.start.toISOString()).toBe('2008-07-09T22:30:00.000Z');
    expect(summit?.organizer).toBe('stlandau');
    expect(summit?.url).toBe('http://upcoming.yahoo.com/event/834270/');
  });

  it('links each event to the VVENUE after it', () => {
    const summit = events.find((event) => event.title === 'Substance Summit');
    expect(summit?.venue).toEqual({ name: 'Lucky Lab beer hall', address: '1945 NW Quimby', city: 'Portland', region: 'Oregon', postalCode: null, lat: 45.5336, lon: -122.692 });
    expect(events.find((event) => event.title === 'Mobile Love, Android Style #4')?.venue?.name).toBe('Lucky Labrador Brew Pub');
  });

  it('expands the daily Micro Nano conference up to its floating UNTIL: 8–10 Sep at 08:00 PDT = 15:00Z', () => {
    // UNTIL=20080911T000000 (floating) stops before 11 Sep 08:00.
    expect(starts(events.filter((event) => event.title === 'Micro Nano conference'))).toEqual(['2008-09-08T15:00:00.000Z', '2008-09-09T15:00:00.000Z', '2008-09-10T15:00:00.000Z']);
  });

  it('reads all 20 VEVENTs despite mixed line endings, with no problems', () => {
    expect(new Set(events.map((event) => event.uid)).size).toBe(20);
    expect(problems).toEqual([]);
    expect(meta.calendarName).toBe('Upcoming: Silicon Florist Events');
  });
});

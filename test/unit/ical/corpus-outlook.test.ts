import { describe, expect, it } from 'vitest';
import { fixture, parse, starts } from './helpers';

// Facts from test/fixtures/ORIGIN.md; every instant below is worked out by hand in its comment.

describe('outlook_exchange2010_windows_tzids.ics', () => {
  const text = fixture('outlook_exchange2010_windows_tzids.ics');

  it('maps the Windows id "Pacific Standard Time" to America/Los_Angeles: 08:30 PDT (−7) = 15:30Z', () => {
    const { events } = parse(text, '2020-09-15T00:00:00Z', '2020-09-16T00:00:00Z');
    const named = events.find((event) => event.title === 'Not the actual summary 1');
    expect(named?.start.toISOString()).toBe('2020-09-15T15:30:00.000Z');
    expect(named?.timeZone).toBe('America/Los_Angeles');
  });

  it('recovers the DTSTART whose value a quote swallowed (line 152) and reports it', () => {
    const { events, problems } = parse(text, '2020-06-09T00:00:00Z', '2020-06-12T00:00:00Z');
    // "W. Europe Standard Time" → Europe/Berlin; 09:00 CEST (+2) = 07:00Z, daily Mon–Sat.
    const jira = events.filter((event) => event.title === "Log Yesterday's Jira time");
    expect(starts(jira)).toEqual(['2020-06-09T07:00:00.000Z', '2020-06-10T07:00:00.000Z', '2020-06-11T07:00:00.000Z']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^line 152: /);
    expect(problems[0]?.where).toMatch(/^VEVENT 2 \(UID 040000008200E00074C5B7101A82E008/);
  });

  it('applies the EXDATE list that is folded in the middle of a date', () => {
    const { events } = parse(text, '2020-07-20T00:00:00Z', '2020-07-27T00:00:00Z');
    const series = events.filter((event) => event.title === 'Not the actual summary either');
    // Tue/Thu/Fri/Sun at 12:00 PDT = 19:00Z; 21 and 23 Jul are EXDATEs, leaving Fri 24 and Sun 26.
    expect(starts(series)).toEqual(['2020-07-24T19:00:00.000Z', '2020-07-26T19:00:00.000Z']);
  });
});

describe('outlook_owa_label_tzid_no_vtimezone.ics', () => {
  const { events, problems } = parse(fixture('outlook_owa_label_tzid_no_vtimezone.ics'), '2020-10-01T00:00:00Z', '2020-11-04T00:00:00Z');

  it('reads "(GMT+10:00) Canberra, Melbourne, Sydney" as Australia/Sydney, AEDT +11 = 02:30Z (not the label\'s +10)', () => {
    const sydney = events.find((event) => event.title === 'TEST Syd');
    expect(sydney?.start.toISOString()).toBe('2020-10-28T02:30:00.000Z');
    expect(sydney?.timeZone).toBe('Australia/Sydney');
    expect(sydney?.uid).toBeNull();
  });

  it('reads "(UTC-05:00) Eastern Time (US & Canada)" as America/New_York on both sides of 1 Nov', () => {
    // 13:30 EDT (−4) on 28 Oct = 17:30Z; 13:30 EST (−5) on 2 Nov = 18:30Z.
    expect(events.find((event) => event.title === 'TEST')?.start.toISOString()).toBe('2020-10-28T17:30:00.000Z');
    expect(events.find((event) => event.title === 'TEST 3')?.start.toISOString()).toBe('2020-11-02T18:30:00.000Z');
    expect(problems).toEqual([]);
  });
});

describe('outlook_exchange_custom_tz_escaped_comma.ics', () => {
  it('matches TZID "(UTC+07:00) Bangkok, Hanoi, Jakarta" to its zone: 09:00 +07 = 02:00Z', () => {
    const { events, problems } = parse(fixture('outlook_exchange_custom_tz_escaped_comma.ics'), '2019-04-01T00:00:00Z', '2019-05-01T00:00:00Z');
    expect(events.map((event) => [event.title, event.start.toISOString(), event.timeZone])).toEqual([['Test event', '2019-04-30T02:00:00.000Z', 'Asia/Bangkok']]);
    expect(problems).toEqual([]);
  });
});

describe('outlook_nonascii_windows_tzid.ics', () => {
  it('reads "(UTC-03:00) Brasília" as America/Sao_Paulo, standard −03 in May: 13:30 = 16:30Z', () => {
    const { events } = parse(fixture('outlook_nonascii_windows_tzid.ics'), '2017-05-01T00:00:00Z', '2017-06-01T00:00:00Z');
    expect(events).toHaveLength(1);
    expect(events[0]?.start.toISOString()).toBe('2017-05-11T16:30:00.000Z');
    expect(events[0]?.timeZone).toBe('America/Sao_Paulo');
    expect(events[0]?.uid).toBeNull();
    expect(events[0]?.title).toBe('');
  });
});

describe('outlook2007_germany_holidays_allday.ics', () => {
  const { events, problems } = parse(fixture('outlook2007_germany_holidays_allday.ics'), '2000-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 'Europe/Berlin');

  it('reads all 159 all-day events despite 160 unfolded long lines', () => {
    expect(events).toHaveLength(159);
    expect(events.every((event) => event.allDay)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('anchors New Year 2008 at local midnight of the source zone: 00:00 CET (+1) = 2007-12-31T23:00Z', () => {
    const first = events[0];
    expect(first?.title).toBe('Germany: New Years Day');
    expect(first?.startDate).toBe('2008-01-01');
    expect(first?.start.toISOString()).toBe('2007-12-31T23:00:00.000Z');
    expect(first?.end?.toISOString()).toBe('2008-01-01T23:00:00.000Z');
  });

  it('unescapes the escaped semicolons of the HTML entities', () => {
    expect(events.some((event) => (event.description ?? '').includes('Baden-W&#252;rttemberg'))).toBe(true);
  });
});

describe('meetup_export_phoenix.ics', () => {
  it('reads the Meetup export: 19:00 MST (−7, no DST) = 02:00Z next day, with URL, GEO and unescaped text', () => {
    const { events } = parse(fixture('meetup_export_phoenix.ics'), '2011-11-01T00:00:00Z', '2011-12-01T00:00:00Z');
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event?.title).toBe('Phoenix Drupal User Group Monthly Meetup');
    expect(event?.start.toISOString()).toBe('2011-11-10T02:00:00.000Z');
    expect(event?.startDate).toBe('2011-11-09');
    expect(event?.timeZone).toBe('America/Phoenix');
    expect(event?.url).toMatch(/^https?:\/\/www\.meetup\.com\//);
    expect(event?.geo).not.toBeNull();
    expect(event?.location).not.toMatch(/\\,/);
  });
});

describe('tribe_ecp6_clihtf_broken_vtimezone.ics', () => {
  const { events, meta } = parse(fixture('tribe_ecp6_clihtf_broken_vtimezone.ics'), '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z');

  it('prefers IANA America/Chicago over the broken in-file VTIMEZONE: 08:30 CDT (−5) = 13:30Z', () => {
    const outreach = events.find((event) => event.title === 'Outreach Meeting' && event.startDate === '2024-05-09');
    expect(outreach?.start.toISOString()).toBe('2024-05-09T13:30:00.000Z');
    expect(outreach?.timeZone).toBe('America/Chicago');
  });

  it('reads all 30 events (23 all-day) and the refresh interval', () => {
    expect(events).toHaveLength(30);
    expect(events.filter((event) => event.allDay)).toHaveLength(23);
    expect(meta.refreshIntervalSeconds).toBe(3600);
  });
});

describe('tribe_ecp4_glwa_tzid_without_vtimezone.ics', () => {
  const { events, problems } = parse(fixture('tribe_ecp4_glwa_tzid_without_vtimezone.ics'), '2018-01-01T00:00:00Z', '2019-01-01T00:00:00Z');

  it('reads TZID America/Detroit without a VTIMEZONE: 14:00 EDT (−4) = 18:00Z', () => {
    const board = events.find((event) => event.title === 'GLWA Board Meeting (Cancelled)');
    expect(board?.start.toISOString()).toBe('2018-06-27T18:00:00.000Z');
    expect(problems).toEqual([]);
  });

  it('marks the 4 events cancelled only in their SUMMARY as cancelled, the other 3 confirmed', () => {
    expect(events).toHaveLength(7);
    expect(events.filter((event) => event.status === 'cancelled')).toHaveLength(4);
    expect(events.filter((event) => event.status === 'cancelled').every((event) => /cancel/i.test(event.title))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { parseIcal } from '../../../shared/sources/ical';
import { calendar, parse, starts, vevent } from './helpers';

const WINDOW = ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'] as const;

describe('leniency', () => {
  it('reads a feed with a BOM, bare LF line endings, a fold inside a value and no END:VCALENDAR', () => {
    const text = '\uFEFFBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a@example.com\nSUMMARY:Resume wor\n kshop\nDTSTART:20250304T1\n 70000Z\nEND:VEVENT\n';
    const { events, problems } = parse(text, ...WINDOW);
    expect(events.map((event) => [event.title, event.start.toISOString()])).toEqual([['Resume workshop', '2025-03-04T17:00:00.000Z']]);
    expect(problems.map((problem) => problem.message)).toEqual(['no END:VCALENDAR line: the feed may be truncated']);
  });

  it('never throws on text that is not a calendar, and says so', () => {
    const { events, problems } = parse('<html><body>503 Service Unavailable</body></html>', ...WINDOW);
    expect(events).toEqual([]);
    expect(problems.some((problem) => /not an iCalendar feed/.test(problem.message))).toBe(true);
  });

  it('keeps the event when one of its lines is unreadable even by ical.js', () => {
    const text = calendar(vevent('UID:b@example.com', 'SUMMARY:Mixer', 'DTSTART:20250304T170000Z', 'ATTENDEE;CN=:', 'just some stray words'));
    const { events, problems } = parse(text, ...WINDOW);
    expect(starts(events)).toEqual(['2025-03-04T17:00:00.000Z']);
    expect(problems.some((problem) => problem.where === 'VEVENT 1 (UID b@example.com)')).toBe(true);
  });

  it('jumps an endless MINUTELY rule from 2000 to the window and stops at the per-series cap with a problem', () => {
    const text = calendar(vevent('UID:c@example.com', 'SUMMARY:Tick', 'DTSTART:20000101T000000Z', 'RRULE:FREQ=MINUTELY'));
    const { events, problems, budgetExceeded } = parse(text, ...WINDOW);
    // The per-series cap (10,000 instances) is reached first; the document's default budget of
    // 5,000 occurrences then keeps the first 5,000 and says so.
    expect(events.length).toBe(5_000);
    expect(budgetExceeded).toBe('more than 5,000 occurrences');
    expect(events[0]?.start.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(events.every((event, i) => event.start.getTime() === Date.parse('2025-01-01T00:00:00Z') + i * 60_000)).toBe(true);
    expect(problems.map((problem) => problem.message)).toEqual(['RRULE gave more than 10000 instances in the window; the rest are skipped']);
  });

  it('gives up on a rule that cannot be jumped and never reaches the window', () => {
    // BYMINUTE stops the jump; 50,000 instances one hour apart end in 2005, long before 2025.
    const text = calendar(vevent('UID:c2@example.com', 'SUMMARY:Hourly', 'DTSTART:20000101T000000Z', 'RRULE:FREQ=HOURLY;BYMINUTE=0'));
    const { events, problems } = parse(text, ...WINDOW);
    expect(events).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual(['RRULE gave more than 50000 instances before the window ended; the rest are skipped']);
  });

  it('lets the newest revision of an override win (SEQUENCE, then DTSTAMP)', () => {
    const master = vevent('UID:d@example.com', 'SUMMARY:Club', 'DTSTART:20250303T170000Z', 'RRULE:FREQ=WEEKLY;COUNT=3');
    const override = (sequence: number, stamp: string, title: string) =>
      vevent('UID:d@example.com', `SUMMARY:${title}`, 'RECURRENCE-ID:20250310T170000Z', 'DTSTART:20250310T180000Z', `SEQUENCE:${sequence}`, `DTSTAMP:${stamp}`);
    const text = calendar(override(2, '20250101T000000Z', 'newest'), master, override(1, '20250201T000000Z', 'older'), override(2, '20241201T000000Z', 'same sequence, older stamp'));
    const { events } = parse(text, ...WINDOW);
    expect(events.map((event) => [event.start.toISOString(), event.title])).toEqual([
      ['2025-03-03T17:00:00.000Z', 'Club'],
      ['2025-03-10T18:00:00.000Z', 'newest'],
      ['2025-03-17T17:00:00.000Z', 'Club'],
    ]);
  });

  it('applies RANGE=THISANDFUTURE to the later instances', () => {
    const text = calendar(
      vevent('UID:e@example.com', 'SUMMARY:Club', 'DTSTART:20250303T170000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=4'),
      vevent('UID:e@example.com', 'SUMMARY:Club (new room)', 'RECURRENCE-ID;RANGE=THISANDFUTURE:20250310T170000Z', 'DTSTART:20250310T180000Z', 'DURATION:PT1H'),
    );
    const { events } = parse(text, ...WINDOW);
    expect(events.map((event) => [event.start.toISOString(), event.title])).toEqual([
      ['2025-03-03T17:00:00.000Z', 'Club'],
      ['2025-03-10T18:00:00.000Z', 'Club (new room)'],
      ['2025-03-17T18:00:00.000Z', 'Club (new room)'],
      ['2025-03-24T18:00:00.000Z', 'Club (new room)'],
    ]);
  });

  it('marks every instance of a cancelled master as cancelled', () => {
    const text = calendar(vevent('UID:f@example.com', 'SUMMARY:Gone', 'STATUS:CANCELLED', 'DTSTART:20250303T170000Z', 'RRULE:FREQ=DAILY;COUNT=2'));
    expect(parse(text, ...WINDOW).events.map((event) => event.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('reads text fields, URL, organizer, GEO, categories and calendar metadata', () => {
    const text = calendar(
      'NAME:Boston career events',
      'REFRESH-INTERVAL;VALUE=DURATION:P1D',
      vevent(
        'UID:g@example.com',
        'SUMMARY:Networking\\, coffee \\; talk',
        'DESCRIPTION:Line one\\nLine two',
        'LOCATION:14 Summer St\\, Waltham',
        'DTSTART:20250304T170000Z',
        'DTEND:20250304T190000Z',
        'URL:/events/42',
        'ORGANIZER:mailto:club@example.org',
        'GEO:42.37;-71.23',
        'CATEGORIES:Networking,Careers',
        'CATEGORIES:Free',
      ),
      vevent('UID:h@example.com', 'SUMMARY:Other', 'DTSTART:20250305T170000Z', 'X-ORIGINAL-URL:https://example.org/h', 'ORGANIZER;CN=Career Center:mailto:cc@example.org'),
    );
    const { events, meta } = parse(text, ...WINDOW);
    const [first, second] = events;
    expect(first).toMatchObject({
      uid: 'g@example.com',
      title: 'Networking, coffee ; talk',
      description: 'Line one\nLine two',
      location: '14 Summer St, Waltham',
      // Without options.baseUrl a relative URL stays as written (see the base URL test below).
      url: '/events/42',
      organizer: 'club@example.org',
      geo: { lat: 42.37, lon: -71.23 },
      categories: ['Networking', 'Careers', 'Free'],
      status: 'confirmed',
      allDay: false,
      timeZone: 'America/New_York',
      startDate: '2025-03-04',
    });
    expect(first?.end?.toISOString()).toBe('2025-03-04T19:00:00.000Z');
    expect(second).toMatchObject({ url: 'https://example.org/h', organizer: 'Career Center' });
    expect(meta).toEqual({ calendarName: 'Boston career events', refreshIntervalSeconds: 86_400 });
  });
});

describe('base URL', () => {
  it('resolves a relative URL against options.baseUrl', () => {
    const text = calendar(vevent('UID:i@example.com', 'SUMMARY:Rel', 'DTSTART:20250304T170000Z', 'URL:/events/42'));
    const result = parseIcal(text, { from: new Date(WINDOW[0]), to: new Date(WINDOW[1]), defaultTimeZone: 'America/New_York', baseUrl: 'https://example.org/cal.ics' });
    expect(result.events[0]?.url).toBe('https://example.org/events/42');
  });
});

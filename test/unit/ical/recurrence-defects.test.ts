import { describe, expect, it } from 'vitest';
import { calendar, parse, starts, vevent } from './helpers';

// Issue 10 §1, the recurrence items. US rule: DST 2026 Mar 8 – Nov 1, 2027 Mar 14 – Nov 7;
// EST = −5, EDT = −4.

describe('RDATE;VALUE=PERIOD', () => {
  it('RDATE period: each period ends at its own end or after its own duration (RFC 5545 §3.8.5.2)', () => {
    // Master Tue Mar 3 18:00–19:00 EST → 23:00Z–00:00Z. Period 1 written in New York, Mar 10
    // 10:00–13:00 EDT (after Mar 8) → 14:00Z–17:00Z. Period 2 in UTC, 14:00Z for PT30M → 14:30Z.
    const text = calendar(vevent(
      'UID:period', 'SUMMARY:Career workshop',
      'DTSTART;TZID=America/New_York:20260303T180000', 'DTEND;TZID=America/New_York:20260303T190000',
      'RDATE;VALUE=PERIOD;TZID=America/New_York:20260310T100000/20260310T130000',
      'RDATE;VALUE=PERIOD:20260317T140000Z/PT30M',
    ));
    const { events } = parse(text, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(events.map((event) => [event.start.toISOString(), event.end?.toISOString()])).toEqual([
      ['2026-03-03T23:00:00.000Z', '2026-03-04T00:00:00.000Z'],
      ['2026-03-10T14:00:00.000Z', '2026-03-10T17:00:00.000Z'],
      ['2026-03-17T14:00:00.000Z', '2026-03-17T14:30:00.000Z'],
    ]);
  });
});

/**
 * An independent expansion of FREQ=MONTHLY with BYMONTH (and optionally one `nDD` BYDAY) by brute
 * force over months: every month in BYMONTH, on DTSTART's day or on the n-th weekday, from DTSTART
 * on, COUNT of them. Written from RFC 5545 §3.3.10, sharing no code with the expander.
 */
function referenceMonthly(start: { year: number; month: number; day: number }, byMonth: number[], count: number, byDay?: { n: number; weekday: number }): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count && i < 1200; i += 1) {
    const year = start.year + Math.floor((start.month - 1 + i) / 12);
    const month = ((start.month - 1 + i) % 12) + 1;
    if (!byMonth.includes(month)) continue;
    let day = start.day;
    if (byDay) {
      const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
      day = 1 + ((byDay.weekday - firstWeekday + 7) % 7) + 7 * (byDay.n - 1);
    }
    if (new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) continue;
    if (Date.UTC(year, month - 1, day) < Date.UTC(start.year, start.month - 1, start.day)) continue;
    out.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return out;
}

function monthly(rule: string, dtstart: string): string {
  return calendar(vevent('UID:monthly', 'SUMMARY:Chamber breakfast', `DTSTART;TZID=America/New_York:${dtstart}`, 'DURATION:PT1H', `RRULE:${rule}`));
}

describe('FREQ=MONTHLY with BYMONTH across a year end', () => {
  const WINDOW = ['2026-01-01T00:00:00Z', '2029-01-01T00:00:00Z'] as const;
  // Every instance is 18:00 EST (Nov 15 2027 is after DST ended Nov 7) → 23:00Z.
  const at2300 = (dates: string[]) => dates.map((date) => `${date}T23:00:00.000Z`);
  const expected = at2300(['2026-11-15', '2026-12-15', '2027-01-15', '2027-02-15', '2027-11-15', '2027-12-15']);

  it('MONTHLY+BYMONTH: COUNT=6 gives six instances, not five', () => {
    const { events } = parse(monthly('FREQ=MONTHLY;BYMONTH=1,2,11,12;COUNT=6', '20261115T180000'), ...WINDOW);
    expect(starts(events)).toEqual(expected);
    expect(starts(events)).toEqual(at2300(referenceMonthly({ year: 2026, month: 11, day: 15 }, [1, 2, 11, 12], 6)));
  });

  it('MONTHLY+BYMONTH: an unsorted BYMONTH=11,12,1,2 gives the same months in order', () => {
    const { events } = parse(monthly('FREQ=MONTHLY;BYMONTH=11,12,1,2;COUNT=6', '20261115T180000'), ...WINDOW);
    expect(starts(events)).toEqual(expected);
  });

  it('MONTHLY+BYMONTH: an endless unsorted rule keeps Jan and Feb inside a window that ends in Dec 2027', () => {
    const { events } = parse(monthly('FREQ=MONTHLY;BYMONTH=12,11,2,1', '20261115T180000'), '2026-11-01T00:00:00Z', '2027-12-31T00:00:00Z');
    expect(starts(events)).toEqual(expected);
  });

  it('MONTHLY+BYMONTH+BYDAY=1TU: first Tuesdays of Dec and Jan, COUNT=4, as the reference expands them', () => {
    // Dec 1 2026, Jan 5 2027, Dec 7 2027, Jan 4 2028 (1 Jan 2026 is a Thursday; worked forward).
    const { events } = parse(monthly('FREQ=MONTHLY;BYMONTH=12,1;BYDAY=1TU;COUNT=4', '20261201T180000'), ...WINDOW);
    const reference = referenceMonthly({ year: 2026, month: 12, day: 1 }, [12, 1], 4, { n: 1, weekday: 2 });
    expect(reference).toEqual(['2026-12-01', '2027-01-05', '2027-12-07', '2028-01-04']);
    expect(starts(events)).toEqual(at2300(reference));
  });
});

describe('impossible dates', () => {
  it('impossible date: DTSTART 20240230 is a problem and the event is skipped, not moved to March', () => {
    const text = calendar(
      vevent('UID:feb30', 'SUMMARY:Never', 'DTSTART;TZID=America/New_York:20240230T100000'),
      vevent('UID:feb30-date', 'SUMMARY:Never either', 'DTSTART;VALUE=DATE:20240230'),
      vevent('UID:ok', 'SUMMARY:Real', 'DTSTART;TZID=America/New_York:20240301T100000'),
    );
    const { events, problems } = parse(text, '2024-02-01T00:00:00Z', '2024-04-01T00:00:00Z');
    // Mar 1 2024 10:00 EST = 15:00Z; only the real event.
    expect(events.map((event) => [event.uid, event.start.toISOString()])).toEqual([['ok', '2024-03-01T15:00:00.000Z']]);
    expect(problems.filter((problem) => problem.message.includes('20240230'))).toHaveLength(2);
  });

  it('impossible date: an EXDATE or RDATE value such as 20240231 is a problem and only that value is dropped', () => {
    // Daily 10:00 EST from Feb 27 2024 (leap year), COUNT=3: Feb 27, 28, 29 → 15:00Z. The RDATE
    // Feb 31 must not become Mar 2, and the EXDATE Feb 30 must not remove Mar 1.
    const text = calendar(vevent('UID:list', 'SUMMARY:Club', 'DTSTART;TZID=America/New_York:20240227T100000', 'RRULE:FREQ=DAILY;COUNT=4',
      'RDATE;TZID=America/New_York:20240231T100000', 'EXDATE;TZID=America/New_York:20240230T100000,20240228T100000'));
    const { events, problems } = parse(text, '2024-02-01T00:00:00Z', '2024-04-01T00:00:00Z');
    expect(starts(events)).toEqual(['2024-02-27T15:00:00.000Z', '2024-02-29T15:00:00.000Z', '2024-03-01T15:00:00.000Z']);
    expect(problems.some((problem) => problem.message.includes('20240231'))).toBe(true);
    expect(problems.some((problem) => problem.message.includes('20240230'))).toBe(true);
  });
});

describe('rules Netmix cannot honour', () => {
  const rule = (text: string) => calendar(vevent('UID:rule', 'SUMMARY:Group', 'DTSTART;TZID=America/New_York:20261104T180000', 'DURATION:PT1H', `RRULE:${text}`));
  // DTSTART Wed Nov 4 2026 18:00 EST (after Nov 1) = 23:00Z: the only instant kept.
  const WINDOW = ['2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z'] as const;

  it.each([
    ['COUNT=-1', 'FREQ=WEEKLY;COUNT=-1', /COUNT/],
    ['an unknown rule part', 'FREQ=WEEKLY;BYFOO=3', /BYFOO/],
    ['INTERVAL=0', 'FREQ=WEEKLY;INTERVAL=0', /INTERVAL/],
    ['an RFC 7529 RSCALE', 'RSCALE=HEBREW;FREQ=YEARLY', /RSCALE/],
    ['an unknown FREQ', 'FREQ=FORTNIGHTLY', /FREQ/],
    ['an UNTIL that is no date', 'FREQ=WEEKLY;UNTIL=2:270101T000000Z', /UNTIL/],
    // RFC 5545 §3.3.10 forbids these; ical.js searched forever for an instance of the first.
    ['a positioned BYDAY on a daily rule', 'FREQ=DAILY;BYDAY=1TU', /BYDAY/],
    ['BYWEEKNO on a monthly rule', 'FREQ=MONTHLY;BYWEEKNO=20', /BYWEEKNO/],
    // Valid, but ical.js steps it second by second between instances (50 s for one feed in a fuzz run).
    ['FREQ=SECONDLY filtered by BYMONTH', 'FREQ=SECONDLY;BYMONTH=2', /SECONDLY filtered by BYMONTH/],
    // Values outside the grammar: ical.js read them as numbers no instance matches and searched
    // forever inside one iterator step (a CI run of the parse-budget fuzz test hung on such a rule).
    ['a BYMINUTE that is no minute', 'FREQ=HOURLY;BYMINUTE=0,3Z', /BYMINUTE=0,3Z holds "3Z"/],
    ['BYHOUR=99', 'FREQ=DAILY;BYHOUR=9,99', /BYHOUR=9,99 holds "99", outside 0…23/],
    ['BYMONTHDAY=0', 'FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY=0 holds "0"/],
    ['BYMONTH=13', 'FREQ=YEARLY;BYMONTH=13', /BYMONTH=13/],
    ['a BYDAY that is no weekday', 'FREQ=WEEKLY;BYDAY=MO,XX', /BYDAY=MO,XX holds "XX"/],
    ['February 31', 'FREQ=DAILY;INTERVAL=27;BYMONTH=2;BYMONTHDAY=31', /BYMONTHDAY=31 falls in none of BYMONTH=2/],
  ])('rule not honoured: %s is a problem and only DTSTART is kept', (_name, text, mentions) => {
    const { events, problems } = parse(rule(text), ...WINDOW);
    expect(starts(events)).toEqual(['2026-11-04T23:00:00.000Z']);
    const problem = problems.find((candidate) => candidate.message.includes('RRULE'));
    expect(problem?.message).toMatch(mentions);
    expect(problem?.message).toMatch(/only DTSTART/);
  });

  it('rule not honoured: FREQ=HOURLY on an all-day event is a problem and only its date is kept', () => {
    const { events, problems } = parse(calendar(vevent('UID:day', 'SUMMARY:Fair', 'DTSTART;VALUE=DATE:20261104', 'RRULE:FREQ=HOURLY;COUNT=5')), ...WINDOW);
    expect(events.map((event) => event.startDate)).toEqual(['2026-11-04']);
    expect(problems.some((problem) => /FREQ=HOURLY cannot be honoured on an all-day event/.test(problem.message))).toBe(true);
  });

  it('rule honoured: an X- extension part is reported and ignored, and the rule still expands', () => {
    // Weekly Wednesdays 18:00 EST, COUNT=3: Nov 4, 11, 18 → 23:00Z.
    const { events, problems } = parse(rule('FREQ=WEEKLY;COUNT=3;X-NAME=EVEN'), ...WINDOW);
    expect(starts(events)).toEqual(['2026-11-04T23:00:00.000Z', '2026-11-11T23:00:00.000Z', '2026-11-18T23:00:00.000Z']);
    expect(problems.some((problem) => problem.message.includes('X-NAME'))).toBe(true);
  });
});

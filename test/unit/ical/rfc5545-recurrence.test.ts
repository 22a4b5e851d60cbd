import { describe, expect, it } from 'vitest';
import { calendar, parse, starts, vevent } from './helpers';

// RFC 5545 §3.8.5.3 examples, DTSTART;TZID=America/New_York, with the dates the RFC lists.
// 09:00 EDT (−4) = 13:00Z and 09:00 EST (−5) = 14:00Z. In 1997 US DST ended on 26 Oct; in 1998
// it began on 5 Apr (the first Sunday of April, the rule before 2007).

function series(dtstart: string, ...rules: string[]): string {
  return calendar(vevent('UID:rfc@example.com', 'SUMMARY:RFC example', `DTSTART;TZID=America/New_York:${dtstart}`, 'DURATION:PT1H', ...rules));
}

const EDT = (date: string) => `${date}T13:00:00.000Z`;
const EST = (date: string) => `${date}T14:00:00.000Z`;

describe('RFC 5545 §3.8.5.3 recurrence examples', () => {
  it('Daily for 10 occurrences: 2–11 Sep 1997', () => {
    const { events } = parse(series('19970902T090000', 'RRULE:FREQ=DAILY;COUNT=10'), '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z');
    expect(starts(events)).toEqual(['02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((day) => EDT(`1997-09-${day}`)));
    expect(events[0]?.end?.toISOString()).toBe('1997-09-02T14:00:00.000Z');
  });

  it('Every other week on Monday, Wednesday and Friday until 24 Dec 1997, starting 1 Sep', () => {
    const { events } = parse(
      series('19970901T090000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR'),
      '1997-01-01T00:00:00Z',
      '1999-01-01T00:00:00Z',
    );
    expect(starts(events)).toEqual([
      ...['09-01', '09-03', '09-05', '09-15', '09-17', '09-19', '09-29', '10-01', '10-03', '10-13', '10-15', '10-17'].map((d) => EDT(`1997-${d}`)),
      ...['10-27', '10-29', '10-31', '11-10', '11-12', '11-14', '11-24', '11-26', '11-28', '12-08', '12-10', '12-12', '12-22'].map((d) => EST(`1997-${d}`)),
    ]);
  });

  it('Monthly on the first Friday for 10 occurrences', () => {
    const { events } = parse(series('19970905T090000', 'RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR'), '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z');
    expect(starts(events)).toEqual([
      EDT('1997-09-05'),
      EDT('1997-10-03'),
      EST('1997-11-07'),
      EST('1997-12-05'),
      EST('1998-01-02'),
      EST('1998-02-06'),
      EST('1998-03-06'),
      EST('1998-04-03'),
      EDT('1998-05-01'),
      EDT('1998-06-05'),
    ]);
  });

  it('Every Tuesday, every other month (an endless rule, cut by the window)', () => {
    const { events } = parse(series('19970902T090000', 'RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=TU'), '1997-01-01T00:00:00Z', '1998-04-01T00:00:00Z');
    expect(starts(events)).toEqual([
      ...['09-02', '09-09', '09-16', '09-23', '09-30'].map((d) => EDT(`1997-${d}`)),
      ...['11-04', '11-11', '11-18', '11-25'].map((d) => EST(`1997-${d}`)),
      ...['01-06', '01-13', '01-20', '01-27', '03-03', '03-10', '03-17', '03-24', '03-31'].map((d) => EST(`1998-${d}`)),
    ]);
  });

  it('Yearly in June and July for 10 occurrences', () => {
    const { events } = parse(series('19970610T090000', 'RRULE:FREQ=YEARLY;COUNT=10;BYMONTH=6,7'), '1997-01-01T00:00:00Z', '2005-01-01T00:00:00Z');
    expect(starts(events)).toEqual(['1997', '1998', '1999', '2000', '2001'].flatMap((year) => [EDT(`${year}-06-10`), EDT(`${year}-07-10`)]));
  });

  it('Monthly on the third-to-the-last day of the month', () => {
    const { events } = parse(series('19970928T090000', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=-3'), '1997-01-01T00:00:00Z', '1998-03-01T00:00:00Z');
    expect(starts(events)).toEqual([EDT('1997-09-28'), EST('1997-10-29'), EST('1997-11-28'), EST('1997-12-29'), EST('1998-01-29'), EST('1998-02-26')]);
  });

  it('RDATE adds an instance and EXDATE (even written in UTC) removes one; COUNT counts before EXDATE', () => {
    // Daily ×10 from 2 Sep; EXDATE 19970904T130000Z is 09:00 EDT on 4 Sep, and EXDATE in New York
    // time removes 5 Sep; RDATE 19970714T083000 (§3.8.5.2) is 08:30 EDT = 12:30Z. 10 − 2 + 1 = 9.
    const { events } = parse(
      series(
        '19970902T090000',
        'RRULE:FREQ=DAILY;COUNT=10',
        'EXDATE:19970904T130000Z',
        'EXDATE;TZID=America/New_York:19970905T090000',
        'RDATE;TZID=America/New_York:19970714T083000',
      ),
      '1997-01-01T00:00:00Z',
      '1999-01-01T00:00:00Z',
    );
    expect(starts(events)).toEqual(['1997-07-14T12:30:00.000Z', ...['02', '03', '06', '07', '08', '09', '10', '11'].map((day) => EDT(`1997-09-${day}`))]);
  });

  it('RDATE;VALUE=DATE list on an all-day event (the §3.8.5.2 holiday list)', () => {
    const text = calendar(
      vevent('UID:holidays@example.com', 'SUMMARY:Holiday', 'DTSTART;VALUE=DATE:19970101', 'RDATE;VALUE=DATE:19970120,19970217,19970421', 'EXDATE;VALUE=DATE:19970217'),
    );
    const { events } = parse(text, '1997-01-01T00:00:00Z', '1998-01-01T00:00:00Z', 'America/New_York');
    // Local midnight EST (−5) = 05:00Z; 21 Apr is EDT (−4) in 1997 (DST began 6 Apr) = 04:00Z.
    expect(starts(events)).toEqual(['1997-01-01T05:00:00.000Z', '1997-01-20T05:00:00.000Z', '1997-04-21T04:00:00.000Z']);
    expect(events.map((event) => event.startDate)).toEqual(['1997-01-01', '1997-01-20', '1997-04-21']);
  });
});

describe('weekly series across DST changes keeps the wall clock', () => {
  const weekly = (dtstart: string) =>
    calendar(vevent('UID:weekly@example.com', 'SUMMARY:Job club', `DTSTART;TZID=America/New_York:${dtstart}`, 'DTEND;TZID=America/New_York:' + dtstart.replace('T180000', 'T200000'), 'RRULE:FREQ=WEEKLY'));

  it('November 2026: 18:00 EDT (−4) = 22:00Z on 28 Oct, 18:00 EST (−5) = 23:00Z on 4 Nov', () => {
    const { events } = parse(weekly('20261021T180000'), '2026-10-27T00:00:00Z', '2026-11-12T00:00:00Z');
    expect(starts(events)).toEqual(['2026-10-28T22:00:00.000Z', '2026-11-04T23:00:00.000Z', '2026-11-11T23:00:00.000Z']);
    expect(events.map((event) => event.startDate)).toEqual(['2026-10-28', '2026-11-04', '2026-11-11']);
  });

  it('March 2027 (DST begins 14 Mar): 10 Mar 18:00 EST = 23:00Z, 17 Mar 18:00 EDT = 22:00Z', () => {
    const { events } = parse(weekly('20261021T180000'), '2027-03-01T00:00:00Z', '2027-03-20T00:00:00Z');
    expect(starts(events)).toEqual(['2027-03-03T23:00:00.000Z', '2027-03-10T23:00:00.000Z', '2027-03-17T22:00:00.000Z']);
    // The two-hour length holds on both sides: 20:00 EDT = 00:00Z next day.
    expect(events[2]?.end?.toISOString()).toBe('2027-03-18T00:00:00.000Z');
  });

  it('skips forward cheaply: a weekly rule from 1990 still lands on the right Wednesday in 2027', () => {
    const { events, problems } = parse(weekly('19900103T180000'), '2027-03-15T00:00:00Z', '2027-03-20T00:00:00Z');
    // 3 Jan 1990 was a Wednesday; 17 Mar 2027 is one too.
    expect(starts(events)).toEqual(['2027-03-17T22:00:00.000Z']);
    expect(problems).toEqual([]);
  });
});

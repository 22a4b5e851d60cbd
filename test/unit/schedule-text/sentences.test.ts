/**
 * Schedule sentences as job-seeker groups and volunteer lists write them, each with the rule it
 * must be read as and every meeting's start in UTC, worked out by hand in the row's comment:
 * New York is UTC-5 (EST) before Sun Mar 14 2027 and after Sun Nov 1 2026, UTC-4 (EDT) between.
 * Calendars: Mar 1 2027 is a Monday; Oct 1 2026 a Thursday, Nov 1 2026 a Sunday; Jun 1 2027 a Tuesday.
 */
import { describe, expect, it } from 'vitest';
import { readBlock } from '../../../shared/sources/schedule-text';
import type { DayPattern } from '../../../shared/sources/schedule-text';
import { FRI, MON, SAT, SUN, THU, TUE, WED, clock, everyOther, monthly, readEntry, weekly, type WindowName } from './helpers';

interface Row {
  sentence: string;
  window: WindowName;
  days: DayPattern;
  start: string;
  end: string;
  assumed?: boolean;
  skipDates?: string[];
  skipMonths?: number[];
  holidays?: boolean;
  notBefore?: string;
  /** Every meeting's start in the window, UTC. */
  starts: string[];
  place?: string | null;
  /** The schedule sentence, when the row's text holds others too (exceptions, pauses). */
  said?: string;
}

const ROWS: Row[] = [
  // Wed Mar 3, 10 08:30 EST = 13:30Z; Mar 17, 24, 31 08:30 EDT = 12:30Z.
  { sentence: 'Meets every Wednesday, 8:30 to 10:30 a.m.', window: 'march2027', days: weekly(WED), start: '8:30', end: '10:30',
    starts: ['2027-03-03T13:30:00Z', '2027-03-10T13:30:00Z', '2027-03-17T12:30:00Z', '2027-03-24T12:30:00Z', '2027-03-31T12:30:00Z'] },
  // 1st Thu Mar 4 09:00 EST = 14:00Z; 3rd Thu Mar 18 09:00 EDT = 13:00Z.
  { sentence: 'Meets the first and third Thursday of each month, 9:00 to 11:00 a.m., at Memorial Hall Library, 2 North Main Street, Andover, MA 01810.',
    window: 'march2027', days: monthly([1, THU], [3, THU]), start: '9:00', end: '11:00',
    starts: ['2027-03-04T14:00:00Z', '2027-03-18T13:00:00Z'], place: 'Memorial Hall Library, 2 North Main Street, Andover, MA 01810' },
  // Tue Mar 2, 9 08:30 EST = 13:30Z; Mar 16, 23, 30 = 12:30Z.
  { sentence: 'Tuesdays, 8:30–10:30 AM', window: 'march2027', days: weekly(TUE), start: '8:30', end: '10:30',
    starts: ['2027-03-02T13:30:00Z', '2027-03-09T13:30:00Z', '2027-03-16T12:30:00Z', '2027-03-23T12:30:00Z', '2027-03-30T12:30:00Z'] },
  // Mon Mar 1, 8 10:00 EST = 15:00Z; Mar 15, 22, 29 10:00 EDT = 14:00Z.
  { sentence: 'Every Monday 10am–noon', window: 'march2027', days: weekly(MON), start: '10:00', end: '12:00',
    starts: ['2027-03-01T15:00:00Z', '2027-03-08T15:00:00Z', '2027-03-15T14:00:00Z', '2027-03-22T14:00:00Z', '2027-03-29T14:00:00Z'] },
  // Fri Mar 5, 12 13:00 EST = 18:00Z; Mar 19, 26 13:00 EDT = 17:00Z.
  { sentence: 'Each Friday from 1–3 pm.', window: 'march2027', days: weekly(FRI), start: '13:00', end: '15:00',
    starts: ['2027-03-05T18:00:00Z', '2027-03-12T18:00:00Z', '2027-03-19T17:00:00Z', '2027-03-26T17:00:00Z'] },
  // Thu 18:00: Mar 4, 11 EST = 23:00Z; Mar 18, 25 EDT = 22:00Z. No end given: 90 minutes assumed.
  { sentence: 'Join us every Thursday at 6 pm.', window: 'march2027', days: weekly(THU), start: '18:00', end: '19:30', assumed: true,
    starts: ['2027-03-04T23:00:00Z', '2027-03-11T23:00:00Z', '2027-03-18T22:00:00Z', '2027-03-25T22:00:00Z'] },
  // 2nd Tue Mar 9 19:00 EST = Mar 10 00:00Z; 4th Tue Mar 23 19:00 EDT = 23:00Z.
  { sentence: 'Meets the 2nd and 4th Tuesday of the month, 7:00–9:00 p.m.', window: 'march2027', days: monthly([2, TUE], [4, TUE]), start: '19:00', end: '21:00',
    starts: ['2027-03-10T00:00:00Z', '2027-03-23T23:00:00Z'] },
  // Last Fri Mar 26 12:00 EDT = 16:00Z.
  { sentence: 'The group meets on the last Friday of every month from 12:00 to 1:30 pm.', window: 'march2027', days: monthly([-1, FRI]), start: '12:00', end: '13:30',
    starts: ['2027-03-26T16:00:00Z'] },
  // 2nd Wed Mar 10 18:00 EST = 23:00Z.
  { sentence: 'Second Wednesday of the month, 6-8pm, Lowell Career Center.', window: 'march2027', days: monthly([2, WED]), start: '18:00', end: '20:00',
    starts: ['2027-03-10T23:00:00Z'] },
  // Mon/Wed 09:30: Mar 1, 3, 8, 10 EST = 14:30Z; Mar 15, 17, 22, 24, 29, 31 EDT = 13:30Z.
  { sentence: 'Meets Mondays and Wednesdays, 9:30-11:30 am.', window: 'march2027', days: weekly(MON, WED), start: '9:30', end: '11:30',
    starts: ['2027-03-01T14:30:00Z', '2027-03-03T14:30:00Z', '2027-03-08T14:30:00Z', '2027-03-10T14:30:00Z', '2027-03-15T13:30:00Z',
      '2027-03-17T13:30:00Z', '2027-03-22T13:30:00Z', '2027-03-24T13:30:00Z', '2027-03-29T13:30:00Z', '2027-03-31T13:30:00Z'] },
  // From Mon Mar 1 every 14 days: Mar 1 18:00 EST = 23:00Z; Mar 15, 29 18:00 EDT = 22:00Z.
  { sentence: 'Every other Monday at 6 pm, starting March 1, 2027.', window: 'march2027', days: everyOther(MON, '2027-03-01'), start: '18:00', end: '19:30',
    assumed: true, notBefore: '2027-03-01', starts: ['2027-03-01T23:00:00Z', '2027-03-15T22:00:00Z', '2027-03-29T22:00:00Z'] },
  // As the first row without Mar 17.
  { sentence: 'Meets every Wednesday 8:30–10:30 AM. No meeting on March 17, 2027.', said: 'Meets every Wednesday 8:30–10:30 AM.', window: 'march2027', days: weekly(WED), start: '8:30', end: '10:30',
    skipDates: ['2027-03-17'], starts: ['2027-03-03T13:30:00Z', '2027-03-10T13:30:00Z', '2027-03-24T12:30:00Z', '2027-03-31T12:30:00Z'] },
  // Paused until Apr 1 2027: nothing in March.
  { sentence: 'On hiatus until April 2027. Meets every Thursday 9-11 am.', said: 'Meets every Thursday 9-11 am.', window: 'march2027', days: weekly(THU), start: '9:00', end: '11:00',
    notBefore: '2027-04-01', starts: [] },
  // Thu 09:00: Mar 4, 11 EST = 14:00Z; Mar 18, 25 EDT = 13:00Z.
  { sentence: 'Meets Thursday mornings, 9 to 11 a.m.', window: 'march2027', days: weekly(THU), start: '9:00', end: '11:00',
    starts: ['2027-03-04T14:00:00Z', '2027-03-11T14:00:00Z', '2027-03-18T13:00:00Z', '2027-03-25T13:00:00Z'] },
  // 1st Mon Mar 1 19:00 EST = Mar 2 00:00Z; 3rd Wed Mar 17 19:00 EDT = 23:00Z.
  { sentence: 'Meets the first Monday and third Wednesday of the month, 7–8:30 pm.', window: 'march2027', days: monthly([1, MON], [3, WED]), start: '19:00', end: '20:30',
    starts: ['2027-03-02T00:00:00Z', '2027-03-17T23:00:00Z'] },
  // "11:30 to 1 pm" is 11:30 am: Tue Mar 2, 9 EST = 16:30Z; Mar 16, 23, 30 EDT = 15:30Z.
  { sentence: 'Weekly on Tuesday, 11:30 to 1 pm.', window: 'march2027', days: weekly(TUE), start: '11:30', end: '13:00',
    starts: ['2027-03-02T16:30:00Z', '2027-03-09T16:30:00Z', '2027-03-16T15:30:00Z', '2027-03-23T15:30:00Z', '2027-03-30T15:30:00Z'] },
  // Sat 08:00: Mar 6, 13 (the day before DST starts) EST = 13:00Z; Mar 20, 27 EDT = 12:00Z.
  { sentence: 'Meets every Saturday at 8:00 a.m. at the Lowell Senior Center, 276 Broadway St, Lowell, MA 01854.', window: 'march2027', days: weekly(SAT),
    start: '8:00', end: '9:30', assumed: true, place: 'the Lowell Senior Center, 276 Broadway St, Lowell, MA 01854',
    starts: ['2027-03-06T13:00:00Z', '2027-03-13T13:00:00Z', '2027-03-20T12:00:00Z', '2027-03-27T12:00:00Z'] },
  // Sun 02:30: Mar 7 EST = 07:30Z; Mar 14 02:30 does not exist (clocks jump 02:00 → 03:00) and is read
  // with the offset before the gap, RFC 5545 §3.3.5: 02:30 EST = 07:30Z (03:30 EDT); Mar 21, 28 EDT = 06:30Z.
  { sentence: 'The night-shift workers group meets every Sunday, 2:30–4:00 a.m.', window: 'march2027', days: weekly(SUN), start: '2:30', end: '4:00',
    starts: ['2027-03-07T07:30:00Z', '2027-03-14T07:30:00Z', '2027-03-21T06:30:00Z', '2027-03-28T06:30:00Z'] },
  // 5th Wed: only Mar 31, 18:00 EDT = 22:00Z.
  { sentence: 'Meets on the fifth Wednesday, when there is one, 6–7 pm.', window: 'march2027', days: monthly([5, WED]), start: '18:00', end: '19:00',
    starts: ['2027-03-31T22:00:00Z'] },
  // 24-hour clock: Tue 18:00 Mar 2, 9 EST = 23:00Z; Mar 16, 23, 30 EDT = 22:00Z.
  { sentence: 'Meets on Tuesdays, 18:00–20:00.', window: 'march2027', days: weekly(TUE), start: '18:00', end: '20:00',
    starts: ['2027-03-02T23:00:00Z', '2027-03-09T23:00:00Z', '2027-03-16T22:00:00Z', '2027-03-23T22:00:00Z', '2027-03-30T22:00:00Z'] },
  // Wed 19:30: Mar 3, 10 EST = next day 00:30Z; Mar 17, 24, 31 EDT = 23:30Z.
  { sentence: 'Meets every Wednesday at 7:30 p.m. via Zoom.', window: 'march2027', days: weekly(WED), start: '19:30', end: '21:00', assumed: true, place: 'Online',
    starts: ['2027-03-04T00:30:00Z', '2027-03-11T00:30:00Z', '2027-03-17T23:30:00Z', '2027-03-24T23:30:00Z', '2027-03-31T23:30:00Z'] },
  // 1st Wed Mar 3 09:00 EST = 14:00Z; 3rd Wed Mar 17 09:00 EDT = 13:00Z.
  { sentence: 'Meets 1st & 3rd Wed., 9–11 am.', window: 'march2027', days: monthly([1, WED], [3, WED]), start: '9:00', end: '11:00',
    starts: ['2027-03-03T14:00:00Z', '2027-03-17T13:00:00Z'] },
  // "first, third and fifth": Mon Mar 1 (1st), 15 (3rd), 29 (5th) at 12:00: EST 17:00Z, EDT 16:00Z.
  { sentence: 'Lunch group meets the first, third and fifth Monday at noon to 1 pm.', window: 'march2027', days: monthly([1, MON], [3, MON], [5, MON]),
    start: '12:00', end: '13:00', starts: ['2027-03-01T17:00:00Z', '2027-03-15T16:00:00Z', '2027-03-29T16:00:00Z'] },
  // Wed 09:00: Oct 21, 28 EDT = 13:00Z; Nov 4 EST = 14:00Z; Wed Nov 11 is Veterans Day: skipped.
  { sentence: 'Meets every Wednesday 9–11 am, except holidays.', window: 'fall2026', days: weekly(WED), start: '9:00', end: '11:00', holidays: true,
    starts: ['2026-10-21T13:00:00Z', '2026-10-28T13:00:00Z', '2026-11-04T14:00:00Z'] },
  // Tue 09:00: Oct 20, 27 EDT = 13:00Z; Nov 3, 10 EST = 14:00Z.
  { sentence: 'Meets every Tuesday, 9:00 to 11:00 a.m.', window: 'fall2026', days: weekly(TUE), start: '9:00', end: '11:00',
    starts: ['2026-10-20T13:00:00Z', '2026-10-27T13:00:00Z', '2026-11-03T14:00:00Z', '2026-11-10T14:00:00Z'] },
  // Sun 01:30: Oct 25 EDT = 05:30Z; Nov 1 01:30 happens twice and means the first (EDT) = 05:30Z;
  // Nov 8, 15 EST = 06:30Z.
  { sentence: 'Overnight workers meet Sundays, 1:30–2:30 am.', window: 'fall2026', days: weekly(SUN), start: '1:30', end: '2:30',
    starts: ['2026-10-25T05:30:00Z', '2026-11-01T05:30:00Z', '2026-11-08T06:30:00Z', '2026-11-15T06:30:00Z'] },
  // 3rd Mon Oct 19 18:30 EDT = 22:30Z; 1st Mon Nov 2 18:30 EST = 23:30Z; 3rd Mon Nov 16 starts after the window.
  { sentence: 'First and third Monday of the month, 6:30–8 pm, Burlington Public Library, 22 Sears St, Burlington, MA 01803.', window: 'fall2026',
    days: monthly([1, MON], [3, MON]), start: '18:30', end: '20:00', place: 'Burlington Public Library, 22 Sears St, Burlington, MA 01803',
    starts: ['2026-10-19T22:30:00Z', '2026-11-02T23:30:00Z'] },
  // Thu 10:00: Oct 22, 29 EDT = 14:00Z; Nov 5 EST = 15:00Z; Nov 12 skipped.
  { sentence: 'Meets every Thursday, 10am–noon. No meeting on Thursday, November 12.', said: 'Meets every Thursday, 10am–noon.', window: 'fall2026', days: weekly(THU), start: '10:00', end: '12:00',
    skipDates: ['2026-11-12'], starts: ['2026-10-22T14:00:00Z', '2026-10-29T14:00:00Z', '2026-11-05T15:00:00Z'] },
  // Last Wed Oct 28 17:30 EDT = 21:30Z (Nov 25 is after the window).
  { sentence: 'Meets the last Wednesday of each month, 5:30–7:30 pm.', window: 'fall2026', days: monthly([-1, WED]), start: '17:30', end: '19:30',
    starts: ['2026-10-28T21:30:00Z'] },
  // Fri 08:00: Oct 23, 30 EDT = 12:00Z; none in November.
  { sentence: 'Meets every Friday 8–9:30 am. No meetings in November.', said: 'Meets every Friday 8–9:30 am.', window: 'fall2026', days: weekly(FRI), start: '8:00', end: '9:30', skipMonths: [11],
    starts: ['2026-10-23T12:00:00Z', '2026-10-30T12:00:00Z'] },
  // Season Sep–Jun skips Jul and Aug. Mon 12:00: Oct 19, 26 EDT = 16:00Z; Nov 2, 9 EST = 17:00Z.
  { sentence: 'Meets every Monday at noon, September through June.', window: 'fall2026', days: weekly(MON), start: '12:00', end: '13:30', assumed: true,
    skipMonths: [7, 8], starts: ['2026-10-19T16:00:00Z', '2026-10-26T16:00:00Z', '2026-11-02T17:00:00Z', '2026-11-09T17:00:00Z'] },
  // From Wed Oct 21 every 14 days: Oct 21 09:00 EDT = 13:00Z; Nov 4 09:00 EST = 14:00Z.
  { sentence: 'Meets every other Wednesday, 9–11 am, starting October 21, 2026.', window: 'fall2026', days: everyOther(WED, '2026-10-21'), start: '9:00', end: '11:00',
    notBefore: '2026-10-21', starts: ['2026-10-21T13:00:00Z', '2026-11-04T14:00:00Z'] },
  // Tue/Thu 13:00: Oct 20, 22, 27, 29 EDT = 17:00Z; Nov 3, 5, 10, 12 EST = 18:00Z.
  { sentence: 'Tuesdays and Thursdays, 1–3 pm, at the Nashua Public Library, 2 Court St, Nashua, NH 03060.', window: 'fall2026', days: weekly(TUE, THU),
    start: '13:00', end: '15:00', place: 'the Nashua Public Library, 2 Court St, Nashua, NH 03060',
    starts: ['2026-10-20T17:00:00Z', '2026-10-22T17:00:00Z', '2026-10-27T17:00:00Z', '2026-10-29T17:00:00Z',
      '2026-11-03T18:00:00Z', '2026-11-05T18:00:00Z', '2026-11-10T18:00:00Z', '2026-11-12T18:00:00Z'] },
  // Every weekday 12:00: the four weekdays after DST ends; shown for Fri Oct 30 (EDT 16:00Z) and Mon Nov 2 (EST 17:00Z) below.
  { sentence: 'The job club meets every weekday, 12–1 pm.', window: 'fall2026', days: weekly(MON, TUE, WED, THU, FRI), start: '12:00', end: '13:00',
    starts: ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30']
      .map((day) => `${day}T16:00:00Z`)
      .concat(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'].map((day) => `${day}T17:00:00Z`)) },
  // Tue 09:00 EDT = 13:00Z: Jun 15, 22, 29; none in July.
  { sentence: 'Meets every Tuesday 9–11 am. No meetings in July and August.', said: 'Meets every Tuesday 9–11 am.', window: 'summer2027', days: weekly(TUE), start: '9:00', end: '11:00', skipMonths: [7, 8],
    starts: ['2027-06-15T13:00:00Z', '2027-06-22T13:00:00Z', '2027-06-29T13:00:00Z'] },
  // Mon 10:00 EDT = 14:00Z: Jun 14, 21, 28, Jul 12; Mon Jul 5 is Independence Day observed (Jul 4 is a Sunday).
  { sentence: 'Meets every Monday 10–11:30 am except holidays.', window: 'summer2027', days: weekly(MON), start: '10:00', end: '11:30', holidays: true,
    starts: ['2027-06-14T14:00:00Z', '2027-06-21T14:00:00Z', '2027-06-28T14:00:00Z', '2027-07-12T14:00:00Z'] },
  // Sat 09:00 EDT = 13:00Z: Jun 19 is Juneteenth itself (observed Fri Jun 18): skipped; Jun 26, Jul 3, Jul 10.
  { sentence: 'Meets every Saturday, 9:00–10:30 am, except federal holidays.', window: 'summer2027', days: weekly(SAT), start: '9:00', end: '10:30', holidays: true,
    starts: ['2027-06-26T13:00:00Z', '2027-07-03T13:00:00Z', '2027-07-10T13:00:00Z'] },
  // Resumes Sep 14 2027: nothing in the window.
  { sentence: 'The club is on summer break and resumes September 14, 2027. Meets Tuesdays 7–9 pm.', said: 'Meets Tuesdays 7–9 pm.', window: 'summer2027', days: weekly(TUE), start: '19:00', end: '21:00',
    notBefore: '2027-09-14', starts: [] },
  // Thu 09:00 EDT = 13:00Z from Jul 8: Jul 8, 15.
  { sentence: 'Meets every Thursday 9–11 am; on hiatus until July 8, 2027.', window: 'summer2027', days: weekly(THU), start: '9:00', end: '11:00', notBefore: '2027-07-08',
    starts: ['2027-07-08T13:00:00Z', '2027-07-15T13:00:00Z'] },
  // "Wednesday Is Networking Day" is the name; the branch meets Thursdays: Jun 17, 24, Jul 1, 8, 15 at 08:30 EDT = 12:30Z.
  { sentence: 'Wednesday Is Networking Day (WIND) Burlington meets every Thursday, 8:30–10:30 a.m.', window: 'summer2027', days: weekly(THU), start: '8:30', end: '10:30',
    starts: ['2027-06-17T12:30:00Z', '2027-06-24T12:30:00Z', '2027-07-01T12:30:00Z', '2027-07-08T12:30:00Z', '2027-07-15T12:30:00Z'] },
  // Year-less skip date "June 22" read in June 2027 is 2027-06-22. Tue 18:30 EDT = 22:30Z.
  { sentence: 'Tuesday evenings 6:30–8:30 pm, except June 22.', window: 'summer2027', days: weekly(TUE), start: '18:30', end: '20:30', skipDates: ['2027-06-22'],
    starts: ['2027-06-15T22:30:00Z', '2027-06-29T22:30:00Z', '2027-07-06T22:30:00Z', '2027-07-13T22:30:00Z'] },
];

const PROBLEMS: Array<{ sentence: string; reason: RegExp }> = [
  { sentence: 'Every other Monday at 6 pm.', reason: /needs a date to count from/ },
  { sentence: 'Meets Wednesday 9:00-11:00.', reason: /not how often/ },
  { sentence: 'Meets every Wednesday, 9:00–11:00.', reason: /am or pm/ },
  { sentence: 'Meets every second Tuesday, 7–9 pm.', reason: /every other week or the second/ },
  { sentence: 'We meet monthly at 7 pm.', reason: /how often but not on which day/ },
  { sentence: 'Meets the first Tuesday of the month.', reason: /no time of day/ },
  { sentence: 'Meets every Thursday at 9 am and 6 pm.', reason: /more than one time/ },
  { sentence: 'Meets Tuesdays 9–11 am and Thursdays 6–8 pm.', reason: /more than one time/ },
  { sentence: 'Meets monthly on Wednesday, 6–8 pm.', reason: /which week of the month/ },
  { sentence: 'Meets every Wednesday at 9:00.', reason: /am or pm/ },
  { sentence: 'The group meets every other week in the evening.', reason: /how often but not on which day/ },
  { sentence: 'Meets every Tuesday 11 pm to 1 am.', reason: /not before the end|past midnight/ },
  { sentence: 'Wednesday Is Networking Day meets at 9 am.', reason: /a time but no day/ },
  { sentence: 'Meets every Friday 7:30 to 9.', reason: /am or pm/ },
];

/** Sentences that name days or hours but are no group's schedule: nothing is read, nothing reported. */
const NOT_SCHEDULES = [
  'Open Monday–Friday, 9 am–5 pm.',
  'Office hours: Tuesdays 1–3 pm.',
  'The committee will meet on Wednesday, September 18th, 2019 at the hour of 10:00 AM.',
  'Registration opens Monday.',
  'Founded in 1998 by three friends.',
];

describe('schedule sentences: rules and instants', () => {
  it('has at least 40 sentences', () => {
    expect(ROWS.length + PROBLEMS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ROWS)('$sentence', (row) => {
    const reading = readBlock(row.sentence, [], '2026-10-19');
    expect(reading.problems).toEqual([]);
    expect(reading.rules).toHaveLength(1);
    expect(reading.rules[0]).toEqual({
      days: row.days,
      start: clock(row.start),
      end: clock(row.end),
      endAssumed: row.assumed ?? false,
      skipDates: row.skipDates ?? [],
      skipMonths: row.skipMonths ?? [],
      skipHolidays: row.holidays ?? false,
      notBefore: row.notBefore ?? null,
      sentence: row.said ?? row.sentence,
    });

    const result = readEntry(row.sentence, row.window);
    expect(result.problems).toEqual([]);
    expect(result.events.map((event) => event.start.toISOString())).toEqual(row.starts.map((start) => new Date(start).toISOString()));
    for (const event of result.events) {
      expect(event.provenance).toBe('schedule-text');
      expect(event.scheduleText).toBe(row.said ?? row.sentence);
      expect(event.timeZone).toBe('America/New_York');
      if (row.place !== undefined) expect(event.location).toBe(row.place);
    }
  });

  it.each(PROBLEMS)('$sentence → a problem naming it', ({ sentence, reason }) => {
    const result = readEntry(sentence, 'march2027');
    expect(result.events).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toContain(`"${sentence}"`);
    expect(result.problems[0]?.message).toMatch(reason);
  });
});

describe('sentences that are not schedules', () => {
  it.each(NOT_SCHEDULES)('%s → nothing', (sentence) => {
    const result = readEntry(sentence, 'march2027');
    expect(result.events).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('keeps a place that ends in a state without a ZIP, without the full stop', () => {
    const [first] = readEntry('Meets Thursdays at 7:00 PM at First Parish Church, 1 Church St, Concord, MA.', 'march2027').events;
    // Thu Mar 4 19:00 EST = Mar 5 00:00Z.
    expect(first?.start.toISOString()).toBe('2027-03-05T00:00:00.000Z');
    expect(first?.location).toBe('First Parish Church, 1 Church St, Concord, MA');
  });
});

describe('schedule sentences: ends across a DST change', () => {
  it('a meeting that spans the fall-back hour lasts two real hours', () => {
    // Sun Nov 1 2026 01:30 EDT (05:30Z) to 02:30 EST (07:30Z): the clocks read 01:00–02:00 twice.
    const [, fallBack] = readEntry('Overnight workers meet Sundays, 1:30–2:30 am.', 'fall2026').events;
    expect(fallBack?.start.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(fallBack?.end?.toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });

  it('an assumed end is said in the description', () => {
    const [first] = readEntry('Join us every Thursday at 6 pm.', 'march2027').events;
    // Thu Mar 4 18:00 EST + 90 minutes = 19:30 EST = Mar 5 00:30Z.
    expect(first?.end?.toISOString()).toBe('2027-03-05T00:30:00.000Z');
    expect(first?.description).toMatch(/only a start time.*7:30 pm, is assumed/);
  });

  it('a group on break with no date to come back lists nothing and says why', () => {
    const result = readEntry('Meets every Tuesday 9–11 am. The group is on summer break.', 'summer2027');
    expect(result.events).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'the group says it is paused ("The group is on summer break."); no meetings listed',
    ]);
  });
});

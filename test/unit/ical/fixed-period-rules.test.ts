import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { zonedToInstant } from '../../../shared/time/zoned';
import { calendar, parse, starts, vevent } from './helpers';

const FROM = '2027-02-20T05:00:00Z';
const TO = '2027-04-21T04:00:00Z';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The oracle: ical.js's own iterator over the rule from DTSTART (floating wall-clock times, as
 * the parser iterates), each instance read in New York and kept when it starts in the window.
 * DTSTART always counts as an instance (RFC 5545 §3.8.5.3), even past UNTIL.
 */
function expected(dtstart: string, rule: string, allDay: boolean): string[] {
  const iterator = ICAL.Recur.fromString(rule).iterator(allDay ? ICAL.Time.fromDateString(dtstart) : ICAL.Time.fromDateTimeString(dtstart));
  const to = new Date(TO).getTime();
  // Wall-clock instances, DTSTART first; two of them may read as one instant (02:00 and 03:00 on
  // the spring-forward night), and the parser keeps both, so instants are not deduplicated.
  const wallClocks = new Set<string>([iterator.dtstart.toString()]);
  const instantOf = (time: ICAL.Time) =>
    zonedToInstant({ year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second }, 'America/New_York').getTime();
  for (let next = iterator.next(), guard = 0; next && guard < 100_000; next = iterator.next(), guard += 1) {
    if (instantOf(next) > to) break;
    wallClocks.add(next.toString());
  }
  return [...wallClocks]
    .map((text) => instantOf(allDay ? ICAL.Time.fromDateString(text) : ICAL.Time.fromDateTimeString(text)))
    .filter((instant) => instant >= new Date(FROM).getTime() && instant <= to)
    .map((instant) => new Date(instant).toISOString())
    .sort();
}

const ruleCase = fc.record({
  freq: fc.constantFrom('HOURLY', 'DAILY', 'WEEKLY'),
  interval: fc.integer({ min: 1, max: 9 }),
  limit: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 400 }).map((count) => `;COUNT=${count}`), fc.integer({ min: 0, max: 120 }).map((days) => {
    const until = new Date(Date.UTC(2027, 1, 1 + days, 12));
    return `;UNTIL=${until.getUTCFullYear()}${pad(until.getUTCMonth() + 1)}${pad(until.getUTCDate())}T120000`;
  })),
  startDay: fc.integer({ min: 0, max: 200 }),
  hour: fc.integer({ min: 0, max: 23 }),
  allDay: fc.boolean(),
});

describe('rules without BY* parts, expanded by arithmetic', () => {
  it('give the instances ical.js iterates, across the March DST change', () => {
    fc.assert(
      fc.property(ruleCase, ({ freq, interval, limit, startDay, hour, allDay }) => {
        const day = new Date(Date.UTC(2026, 11, 1 + startDay));
        const date = `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`;
        const frequency = allDay && freq === 'HOURLY' ? 'DAILY' : freq;
        const dtstart = allDay ? date : `${date}T${pad(hour)}0000`;
        const rule = `FREQ=${frequency};INTERVAL=${interval}${allDay ? limit.replace(/T120000$/, '') : limit}`;
        const text = calendar(vevent('UID:rule@netmix.test', 'SUMMARY:Rule', allDay ? `DTSTART;VALUE=DATE:${dtstart}` : `DTSTART;TZID=America/New_York:${dtstart}`, `RRULE:${rule}`));
        const result = parse(text, FROM, TO);
        const oracle = allDay
          ? expected(`${dtstart.slice(0, 4)}-${dtstart.slice(4, 6)}-${dtstart.slice(6, 8)}`, rule, true)
          : expected(`${dtstart.slice(0, 4)}-${dtstart.slice(4, 6)}-${dtstart.slice(6, 8)}T${pad(hour)}:00:00`, rule, false);
        expect(starts(result.events).sort()).toEqual(oracle);
      }),
      { numRuns: 300 },
    );
  });

  it('expands a weekly 18:00 series as 23:00Z (EST, −5) before 14 March 2027 and 22:00Z (EDT, −4) after', () => {
    const text = calendar(vevent('UID:w@netmix.test', 'SUMMARY:Weekly', 'DTSTART;TZID=America/New_York:20270303T180000', 'RRULE:FREQ=WEEKLY;COUNT=3'));
    expect(starts(parse(text, FROM, TO).events)).toEqual(['2027-03-03T23:00:00.000Z', '2027-03-10T23:00:00.000Z', '2027-03-17T22:00:00.000Z']);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../../../shared/model/raw-event';
import { parse } from './helpers';

// Cases from microformats/tests (test/fixtures/html/microformats-tests/ORIGIN.md, CC0-1.0).
const dir = fileURLToPath(new URL('../../fixtures/html/microformats-tests/', import.meta.url));
const fixture = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');

/** Each `<li class="dt-start">` (or `dtstart`) of a suite file as the start of its own event. */
function startsOf(name: string, root: 'h-event' | 'vevent'): string[] {
  const items = fixture(name).match(/<li class="dt-?start">[\s\S]*?<\/li>/g) ?? [];
  const title = root === 'h-event' ? 'p-name' : 'summary';
  return items.map((item) => `<div class="${root}"><span class="${title}">The 4th Microformat party</span><ul>${item}</ul></div>`);
}

function onlyEvent(html: string): RawEvent {
  const result = parse(`<html><body>${html}</body></html>`);
  expect(result.events).toHaveLength(1);
  const [event] = result.events;
  if (event === undefined) throw new Error('no event');
  return event;
}

// The suite's expected starts are local times on 2009-06-26. With no offset they are read in the
// default zone, America/New_York: June 2009 is EDT (DST ran Mar 8 – Nov 1 2009), UTC−4, so
// 19:00 → 23:00Z and 07:00 → 11:00Z.
const AMPM_EXPECTED = [
  '2009-06-26T23:00:00.000Z', // 07:00:00pm → 19:00:00
  '2009-06-26T11:00:00.000Z', // 07:00:00am → 07:00:00
  '2009-06-26T23:00:00.000Z', // 07:00pm
  '2009-06-26T23:00:00.000Z', // 07pm
  '2009-06-26T23:00:00.000Z', // 7pm
  '2009-06-26T23:00:00.000Z', // 7:00pm
  '2009-06-26T23:00:00.000Z', // 07:00p.m.
  '2009-06-26T23:00:00.000Z', // 07:00PM
  '2009-06-26T11:00:00.000Z', // 7:00am
];

// With an offset: 19:00−08:00 = 03:00Z the next day; 19:00+08:00 = 11:00Z; 19:00Z = 19:00Z.
const TIME_EXPECTED = [
  '2009-06-27T03:00:00.000Z', // 19:00:00-08:00
  '2009-06-27T03:00:00.000Z', // 19:00:00-0800
  '2009-06-26T11:00:00.000Z', // 19:00:00+0800
  '2009-06-26T19:00:00.000Z', // 19:00:00Z
  '2009-06-26T23:00:00.000Z', // 19:00:00 (EDT)
  '2009-06-27T03:00:00.000Z', // 19:00-08:00
  '2009-06-26T11:00:00.000Z', // 19:00+08:00
  '2009-06-26T19:00:00.000Z', // 19:00Z (v1 writes 19:00z)
  '2009-06-26T23:00:00.000Z', // 19:00 (EDT)
];

describe('microformats/tests value-class date-times', () => {
  for (const [name, root] of [['v2-h-event-ampm.html', 'h-event'], ['v1-hcalendar-ampm.html', 'vevent']] as const) {
    it(`${name}: am/pm times keep their hour and are never all day`, () => {
      const events = startsOf(name, root).map(onlyEvent);
      expect(events.map((event) => event.start.toISOString())).toEqual(AMPM_EXPECTED);
      expect(events.every((event) => !event.allDay)).toBe(true);
    });
  }

  for (const [name, root] of [['v2-h-event-time.html', 'h-event'], ['v1-hcalendar-time.html', 'vevent']] as const) {
    it(`${name}: a time part with its own offset, or a separate zone`, () => {
      const events = startsOf(name, root).map(onlyEvent);
      expect(events.map((event) => event.start.toISOString())).toEqual(TIME_EXPECTED);
    });
  }

  it('v2-h-event-dates.html: datetime attributes with every offset form', () => {
    const items = fixture('v2-h-event-dates.html').match(/<li>[\s\S]*?<\/li>/g) ?? [];
    const events = items.map((item) => onlyEvent(`<div class="h-event"><span class="p-name">Party</span>${item}</div>`));
    // 19:00−08:00 = 03:00Z on the 27th; −08 and −0800 say the same; +08:00 = 11:00Z; lower-case t is allowed.
    expect(events.map((event) => event.start.toISOString())).toEqual([
      '2009-06-27T03:00:00.000Z',
      '2009-06-27T03:00:00.000Z',
      '2009-06-27T03:00:00.000Z',
      '2009-06-26T11:00:00.000Z',
      '2009-06-26T11:00:00.000Z',
      '2009-06-26T19:00:00.000Z',
      '2009-06-27T03:00:00.000Z',
      '2009-06-27T03:00:00.000Z',
    ]);
  });

  it('v2-h-event-concatenate.html: a time-only dt-end takes dt-start’s date', () => {
    const event = onlyEvent(fixture('v2-h-event-concatenate.html'));
    // 2009-06-26 19:00−06:00 = 2009-06-27T01:00Z; the end 22:00−06:00 on the same date = 04:00Z.
    expect(event.start.toISOString()).toBe('2009-06-27T01:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2009-06-27T04:00:00.000Z');
    expect(event.allDay).toBe(false);
  });

  it('v1-hcalendar-concatenate.html: the same without offsets, in the default zone', () => {
    const event = onlyEvent(fixture('v1-hcalendar-concatenate.html'));
    // 19:00 and 22:00 EDT on 2009-06-26 = 23:00Z and 02:00Z on the 27th.
    expect(event.start.toISOString()).toBe('2009-06-26T23:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2009-06-27T02:00:00.000Z');
  });

  it('time files: an ordinal dt-end date (2013-034) is 3 February', () => {
    const event = onlyEvent(`<div class="h-event"><span class="p-name">Party</span>
      <time class="dt-start" datetime="2013-02-01">1 Feb</time><time class="dt-end" datetime="2013-034">3 February 2013</time></div>`);
    // A date-only end is inclusive: the event runs to midnight starting Feb 4, EST (UTC−5) → 05:00Z.
    expect(event.allDay).toBe(true);
    expect(event.end?.toISOString()).toBe('2013-02-04T05:00:00.000Z');
  });
});

describe('value-class am/pm times around the 2026 DST change (issue 10 §1)', () => {
  const page = (date: string, start: string, end: string): string =>
    `<div class="h-event"><span class="p-name">Networking night</span>
      <span class="dt-start"><time class="value" datetime="${date}">${date}</time> at <span class="value">${start}</span></span>
      to <span class="dt-end"><span class="value">${end}</span></span></div>`;

  it('7pm to 9pm on Saturday Oct 31 2026 (EDT, UTC−4)', () => {
    const event = onlyEvent(page('2026-10-31', '7pm', '9pm'));
    // 19:00 EDT = 23:00Z; 21:00 EDT = 01:00Z on Nov 1.
    expect(event.allDay).toBe(false);
    expect(event.start.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-11-01T01:00:00.000Z');
  });

  it('07:00p.m. to 08:30p.m. on Monday Nov 2 2026 (EST after DST ended Nov 1, UTC−5)', () => {
    const event = onlyEvent(page('2026-11-02', '07:00p.m.', '08:30 p.m.'));
    // 19:00 EST = 00:00Z on Nov 3; 20:30 EST = 01:30Z.
    expect(event.start.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-11-03T01:30:00.000Z');
  });

  it('07:00:00pm, 12pm (noon) and 12am (midnight) in March 2027 after DST starts (Mar 14, EDT)', () => {
    // 19:00 EDT on Mar 15 2027 = 23:00Z.
    expect(onlyEvent(page('2027-03-15', '07:00:00pm', '8pm')).start.toISOString()).toBe('2027-03-15T23:00:00.000Z');
    // 12pm is noon: 12:00 EDT = 16:00Z.
    expect(onlyEvent(page('2027-03-15', '12pm', '1pm')).start.toISOString()).toBe('2027-03-15T16:00:00.000Z');
    // 12am is the midnight that starts the day: 00:00 EDT = 04:00Z.
    expect(onlyEvent(page('2027-03-15', '12am', '1am')).start.toISOString()).toBe('2027-03-15T04:00:00.000Z');
  });

  it('a plain time-only dt-end (no value parts) takes the start’s date too', () => {
    const event = onlyEvent(`<div class="h-event"><span class="p-name">Mixer</span>
      <time class="dt-start" datetime="2026-11-05T18:00">Nov 5, 6 pm</time>–<time class="dt-end" datetime="20:00">8 pm</time></div>`);
    // 18:00 and 20:00 EST on Nov 5 2026 = 23:00Z and 01:00Z on Nov 6.
    expect(event.start.toISOString()).toBe('2026-11-05T23:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-11-06T01:00:00.000Z');
  });

  it('hours out of range and bare numbers are not times (13pm, 0am, "7")', () => {
    for (const time of ['13pm', '0am', '7']) {
      const event = onlyEvent(page('2026-11-10', time, '9pm'));
      // Not a time: the start is the date alone, all day from local midnight (EST, 05:00Z).
      expect(event.allDay).toBe(true);
      expect(event.start.toISOString()).toBe('2026-11-10T05:00:00.000Z');
    }
  });
});

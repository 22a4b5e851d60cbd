/**
 * Every reader says how it read an event: iCalendar → `ical`; JSON-LD, microdata and h-event →
 * `structured-data`; a selector recipe → `selector-recipe`; a schedule sentence → `schedule-text`
 * with the sentence. Checked on the raw events and after normalisation (readDocument).
 */
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../../shared/model/source';
import { readDocument } from '../../../shared/sources';
import { parseHtml } from '../../../shared/sources/html';
import { parseIcal } from '../../../shared/sources/ical';

const WINDOW = { from: new Date('2026-10-01T04:00:00Z'), to: new Date('2027-01-01T05:00:00Z'), defaultTimeZone: 'America/New_York' };
const SOURCE: SourceContext = { id: 'p', name: 'Provenance', kind: 'other', audience: 'professional', timeZone: 'America/New_York' };

const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//netmix//test//EN',
  'BEGIN:VEVENT', 'UID:one@test', 'DTSTAMP:20261001T000000Z', 'DTSTART;TZID=America/New_York:20261104T180000',
  'DTEND;TZID=America/New_York:20261104T200000', 'SUMMARY:HR chapter dinner', 'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

const page = (body: string, head = ''): string => `<!doctype html><html><head><title>Events</title>${head}</head><body>${body}</body></html>`;

const JSON_LD = page('', `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'Event', name: 'PM chapter meeting', startDate: '2026-11-04T18:00:00-05:00' })}</script>`);
const MICRODATA = page('<div itemscope itemtype="https://schema.org/Event"><span itemprop="name">Chamber breakfast</span><meta itemprop="startDate" content="2026-11-05T07:30:00-05:00"></div>');
const H_EVENT = page('<div class="h-event"><span class="p-name">Alumni mixer</span> <time class="dt-start" datetime="2026-11-06T18:00:00-05:00">Nov 6</time></div>');
const RECIPE_PAGE = page('<ul><li class="ev"><h3>Resume workshop</h3><span class="d">November 10, 2026</span> <span class="t">10:00 AM</span></li></ul>');
const SENTENCE_PAGE = page('<h1>Andover Job Seekers</h1><p>Meets every Thursday, 9:00 to 11:00 a.m., at Memorial Hall Library, Andover, MA 01810.</p>');

describe('provenance of each reader', () => {
  it('ical', () => {
    const events = parseIcal(ICS, WINDOW).events;
    expect(events.map((event) => [event.title, event.provenance])).toEqual([['HR chapter dinner', 'ical']]);
    expect(readDocument(ICS, SOURCE, WINDOW).events.map((event) => [event.provenance, event.scheduleText])).toEqual([['ical', null]]);
  });

  it.each([
    ['JSON-LD', JSON_LD, 'PM chapter meeting'],
    ['microdata', MICRODATA, 'Chamber breakfast'],
    ['h-event', H_EVENT, 'Alumni mixer'],
  ])('%s → structured-data', (_kind, html, title) => {
    expect(parseHtml(html, WINDOW).events.map((event) => [event.title, event.provenance])).toEqual([[title, 'structured-data']]);
    expect(readDocument(html, SOURCE, WINDOW).events.map((event) => [event.provenance, event.scheduleText])).toEqual([['structured-data', null]]);
  });

  it('selector recipe', () => {
    const recipe = { item: 'li.ev', title: 'h3', date: '.d', time: '.t' };
    expect(parseHtml(RECIPE_PAGE, { ...WINDOW, recipe }).events.map((event) => [event.title, event.provenance])).toEqual([['Resume workshop', 'selector-recipe']]);
    expect(readDocument(RECIPE_PAGE, SOURCE, { ...WINDOW, recipe }).events.map((event) => event.provenance)).toEqual(['selector-recipe']);
  });

  it('schedule text, with the sentence', () => {
    const events = readDocument(SENTENCE_PAGE, SOURCE, WINDOW).events;
    // Thursdays Oct 1 – Dec 31 2026 (both Thursdays): Oct 1–29 five, Nov 5–26 four, Dec 3–31 five.
    expect(events).toHaveLength(14);
    expect(new Set(events.map((event) => event.provenance))).toEqual(new Set(['schedule-text']));
    expect(events[0]?.scheduleText).toBe('Meets every Thursday, 9:00 to 11:00 a.m., at Memorial Hall Library, Andover, MA 01810.');
    expect(events[0]?.title).toBe('Andover Job Seekers');
  });
});

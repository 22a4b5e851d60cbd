import * as cheerio from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { googleCalendarUrl } from '../../../shared/digest/calendar-links';
import { formatWhen } from '../../../shared/digest/format';
import { renderDigest } from '../../../shared/digest/render';
import { tipForWeek } from '../../../shared/digest/tips';
import type { ChosenEvent } from '../../../shared/digest/types';
import type { Event } from '../../../shared/model/event';
import { eveningOf, makeEvent } from './make-event';
import { LINKS, OPERATOR, sampleChosen, sampleFullInput, sampleInput } from './sample-digest';

/** Email HTML needs tables, inline styles and Outlook conditional comments; everything structural stays on. */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'doctype-style': 'off',
    'no-conditional-comment': 'off',
    'no-trailing-whitespace': 'off',
    'no-inline-style': 'off',
    'prefer-native-element': 'off',
    'no-deprecated-attr': 'off',
  },
});

function hostile(seed: string, overrides: Partial<Event>): ChosenEvent {
  // Spread after parsing: the schema would refuse a javascript: URL, and the renderer must not rely on that.
  return { event: { ...makeEvent(seed, eveningOf(1)), ...overrides }, distanceMiles: 4, why: 'Because <b>why</b>' };
}

describe('renderDigest', () => {
  it('says what is inside in the subject, with dates in the subscriber zone', () => {
    // Window starts Mon 2026-11-30 00:00 EST; seven days end Sun Dec 6.
    expect(renderDigest(sampleInput()).subject).toBe('4 networking events near Lowell, Nov 30 – Dec 6');
  });

  it('renders hostile feed text inert and drops non-http links', () => {
    const chosen = [
      hostile('h1', {
        title: '<script>alert(1)</script>\r\nBcc: victim@example.org',
        description: '<img src=x onerror=alert(1)> "quoted" \'single\' & more',
        url: 'javascript:alert(1)',
        organizer: '<a href="javascript:alert(2)" onclick="x()">Org</a>',
        audience: 'job-seeker',
      }),
      hostile('h2', { title: 'Tab\tjava\tscript', url: ' java\tscript:alert(3)', onlineUrl: 'data:text/html,<script>alert(4)</script>' }),
      hostile('h3', { title: 'x" onmouseover="alert(5)', url: 'https://example.org/?q="><script>alert(6)</script>' }),
    ];
    const input = sampleInput(chosen);
    const { html, subject, text } = renderDigest({ ...input, subscriber: { ...input.subscriber, placeName: 'Lowell\r\nX-Injected: yes' } });
    const $ = cheerio.load(html);
    expect($('script')).toHaveLength(0);
    expect($('img')).toHaveLength(0);
    $('*').each((_, element) => {
      const attributes = 'attribs' in element ? Object.keys(element.attribs) : [];
      for (const name of attributes) expect(name.startsWith('on'), `attribute ${name}`).toBe(false);
    });
    $('a').each((_, element) => {
      expect($(element).attr('href') ?? '').toMatch(/^https?:\/\//);
    });
    // The hostile strings survive as text, visibly.
    expect($('h3').first().text()).toBe('<script>alert(1)</script> Bcc: victim@example.org');
    expect($('body').text()).toContain('<img src=x onerror=alert(1)>');
    // The https URL with markup in it stays one attribute value.
    expect($('a[href^="https://example.org/?q="]').attr('href')).toBe('https://example.org/?q="><script>alert(6)</script>');
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('3 networking events near Lowell X-Injected: yes, Nov 30 – Dec 6');
    // Links in the text part are http(s) only; the organiser's markup is shown as words, not as a link.
    for (const line of text.split('\n').filter((candidate) => /^\s+(Details|Calendar file|Add to Google Calendar):/.test(candidate))) {
      expect(line).toMatch(/: https?:\/\//);
    }
    expect(text).not.toContain('Details: javascript');
    expect(text).not.toContain('java%09script');
  });

  it('validates as HTML (rules suited to email)', async () => {
    const report = await validator.validateString(renderDigest(sampleInput()).html);
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is accessible: lang, one h1, both section h2s, colour-scheme meta, no images', () => {
    const $ = cheerio.load(renderDigest(sampleInput()).html);
    expect($('html').attr('lang')).toBe('en');
    expect($('h1')).toHaveLength(1);
    expect($('h2').map((_, element) => $(element).text()).get()).toEqual(['For your job search', 'Where professionals meet', 'Networking tip']);
    expect($('meta[name="color-scheme"]').attr('content')).toBe('light dark');
    expect($('img')).toHaveLength(0);
    expect($('link[rel="stylesheet"]')).toHaveLength(0);
  });

  it('shows the footer: operator, postal address, unsubscribe and preferences links', () => {
    const { html, text } = renderDigest(sampleInput());
    const $ = cheerio.load(html);
    expect($(`a[href="${LINKS.unsubscribe}"]`).text()).toBe('Unsubscribe');
    expect($(`a[href="${LINKS.preferences}"]`)).toHaveLength(1);
    expect($('body').text()).toContain('107 Merrimack St');
    expect($('body').text()).toContain('Lowell, MA 01852');
    expect(text).toContain(LINKS.unsubscribe);
    expect(text).toContain(LINKS.preferences);
    expect(text).toContain('107 Merrimack St\nLowell, MA 01852');
    expect(text).toContain(OPERATOR.name);
  });

  it('puts every event in the text part with its time, place and link', () => {
    const { text } = renderDigest(sampleInput());
    for (const { event } of sampleChosen()) {
      expect(text).toContain(event.title);
      if (event.url !== null) expect(text).toContain(event.url);
    }
    // 18:00 EST (−5) = 23:00Z on Wed Dec 2.
    expect(text).toContain('Wed, Dec 2 · 6:00–8:00 PM');
    expect(text).toContain('Lowell Chamber, 131 Central St, Lowell · 3 mi · Free · By WIND Lowell');
    expect(text).toContain('Online · Free for job seekers');
    expect(text).toContain('Sat, Dec 5 (all day)');
    expect(text).toContain('$25 for members (guest price not listed)');
  });

  it('stays under 100,000 bytes for 15 events with 2,000-character descriptions', () => {
    const long = 'Networking for biotech, finance & HR professionals; bring cards. '.repeat(40).slice(0, 2000);
    const chosen: ChosenEvent[] = Array.from({ length: 15 }, (_, i) => ({
      event: makeEvent(`big-${i}`, { ...eveningOf(i % 7), title: `A fairly long event title number ${i} for the size test`.repeat(3), description: long, audience: i % 3 === 0 ? 'job-seeker' : 'professional' }),
      distanceMiles: i,
      why: 'Professional association: people who work in the field go here',
    }));
    // Every button and link a full digest carries (feedback, calendar feed, reminders): Gmail clips at 102 KB.
    const { html, text } = renderDigest(sampleFullInput(chosen));
    expect(html).toContain('Not for me');
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
    expect(cheerio.load(html)('.nm-event')).toHaveLength(15);
    for (const { event } of chosen) expect(text).toContain(event.title);
  });
});

describe('local times', () => {
  it('reads an instant in the event zone across the DST change', () => {
    // 2026-11-01 is the fall-back Sunday: on Nov 4, New York is EST (−5), 23:00Z = 18:00.
    const november = makeEvent('nov', { start: '2026-11-04T23:00:00.000Z', end: '2026-11-05T01:00:00.000Z', startDate: '2026-11-04' });
    expect(formatWhen(november, 'America/New_York')).toBe('Wed, Nov 4 · 6:00–8:00 PM');
    // On Oct 28 it is still EDT (−4): 22:00Z = 18:00.
    const october = makeEvent('oct', { start: '2026-10-28T22:00:00.000Z', end: '2026-10-28T23:30:00.000Z', startDate: '2026-10-28' });
    expect(formatWhen(october, 'America/New_York')).toBe('Wed, Oct 28 · 6:00–7:30 PM');
  });

  it('adds the event zone abbreviation when it differs from the subscriber zone', () => {
    // 00:00Z Dec 1 in Chicago (CST, −6) = 18:00 Mon Nov 30.
    const chicago = makeEvent('chi', { start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T02:00:00.000Z', startDate: '2026-11-30', timeZone: 'America/Chicago' });
    expect(formatWhen(chicago, 'America/New_York')).toBe('Mon, Nov 30 · 6:00–8:00 PM CST');
    expect(formatWhen(chicago, 'America/Chicago')).toBe('Mon, Nov 30 · 6:00–8:00 PM');
  });

  it('spells morning-to-afternoon spans and multi-day all-day events', () => {
    // 11:00 EST (−5) = 16:00Z; 13:00 EST = 18:00Z.
    const midday = makeEvent('mid', { start: '2026-12-01T16:00:00.000Z', end: '2026-12-01T18:00:00.000Z' });
    expect(formatWhen(midday, 'America/New_York')).toBe('Tue, Dec 1 · 11:00 AM–1:00 PM');
    // Dec 1–3 all day: exclusive end is Dec 4 00:00 EST = 05:00Z.
    const conference = makeEvent('conf', { allDay: true, start: '2026-12-01T05:00:00.000Z', end: '2026-12-04T05:00:00.000Z', startDate: '2026-12-01' });
    expect(formatWhen(conference, 'America/New_York')).toBe('Tue, Dec 1 – Thu, Dec 3 (all day)');
  });

  it('builds Google Calendar links in UTC for timed events and as dates for all-day ones', () => {
    const timed = makeEvent('t', { ...eveningOf(1), title: 'Event t' });
    // Tue Dec 1 18:00–20:00 EST (−5) = 23:00Z–01:00Z.
    expect(googleCalendarUrl(timed)).toContain('&dates=20261201T230000Z/20261202T010000Z&');
    expect(googleCalendarUrl(timed)).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=Event%20t&/);
    const allDay = makeEvent('a', { allDay: true, start: '2026-12-05T05:00:00.000Z', end: '2026-12-06T05:00:00.000Z', startDate: '2026-12-05' });
    expect(googleCalendarUrl(allDay)).toContain('&dates=20261205/20261206&');
  });
});

describe('tips', () => {
  it('rotates by ISO week and repeats within a week', () => {
    expect(tipForWeek('2026-11-30')).toBe(tipForWeek('2026-12-06'));
    expect(tipForWeek('2026-11-30')).not.toBe(tipForWeek('2026-12-07'));
  });
});

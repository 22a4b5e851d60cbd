import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { calendarFileName } from '../../../shared/digest/calendar-links';
import { ADDRESS_NOT_LISTED, COST_NOT_LISTED, findStreetAddress, formatAddress, formatCost, formatReminderWhen, parseMemberPrices } from '../../../shared/digest/format';
import { previewDigest } from '../../../shared/digest/preview';
import { renderDigest } from '../../../shared/digest/render';
import { viewOf } from '../../../shared/digest/view';
import type { Cost } from '../../../shared/model/event';
import { eveningOf, makeEvent } from './make-event';
import { FULL_LINKS, LINKS, SOURCES, sampleFullInput } from './sample-digest';

function paid(text: string | null, amount: number | null = null): Cost {
  return { kind: 'paid', amount, currency: amount === null ? null : 'USD', text };
}

describe('the cost a job seeker pays', () => {
  it('shows the guest price where members pay less, whatever the wording', () => {
    // The lowest price ($30) is the members' one: a job seeker is a guest.
    expect(formatCost(paid('$30 members, $40 guests', 30))).toBe('$40 for guests (members $30)');
    expect(formatCost(paid('Members: $30 / Non-members: $45', 30))).toBe('$45 for guests (members $30)');
    expect(formatCost(paid('$25 for members and $35 for the public'))).toBe('$35 for guests (members $25)');
    expect(formatCost(paid('$20 ($15 members)', 15))).toBe('$20 for guests (members $15)');
    expect(formatCost(paid('Non-member $12.50; member $10', 10))).toBe('$12.50 for guests (members $10)');
    expect(formatCost(paid('$25 members', 25))).toBe('$25 for members (guest price not listed)');
    expect(parseMemberPrices('Early bird $20, at the door $30')).toEqual({ member: null, guest: null });
  });

  it('says "Cost not listed" instead of leaving an unknown cost out', () => {
    expect(formatCost({ kind: 'unknown', amount: null, currency: null, text: null })).toBe(COST_NOT_LISTED);
    expect(formatCost(paid(null))).toBe(COST_NOT_LISTED);
    expect(formatCost(paid('   '))).toBe(COST_NOT_LISTED);
    expect(formatCost(paid('Early bird $20, at the door $30', 20))).toBe('$20');
    expect(formatCost({ kind: 'free', amount: null, currency: null, text: 'Free' })).toBe('Free');
  });
});

describe('the place: street and town, not only a room', () => {
  const room = { name: 'Computer Lab', address: null, city: 'Lowell', region: 'MA', postalCode: null, lat: 42.6, lon: -71.3 };

  it('keeps a venue with its street and town', () => {
    expect(formatAddress(makeEvent('full'))).toBe('Lowell Chamber, 131 Central St, Lowell');
  });

  it("finds the street in the event's own text, then in the source's place", () => {
    const inText = makeEvent('room-text', { venue: room, description: 'We meet upstairs at 40 Church Street, Lowell. Parking behind.' });
    expect(formatAddress(inText)).toBe('Computer Lab, 40 Church Street, Lowell');
    const inName = makeEvent('room-name', { venue: { ...room, name: 'Computer Lab, 401 Merrimack St, Lowell' } });
    expect(formatAddress(inName)).toBe('Computer Lab, 401 Merrimack St, Lowell');
    const fromSource = makeEvent('room-source', { venue: room, description: 'Bring a résumé.' });
    expect(formatAddress(fromSource, { address: '107 Merrimack St', city: 'Lowell' })).toBe('Computer Lab, 107 Merrimack St, Lowell');
  });

  it('says the address is not listed when nothing names a street', () => {
    const bare = makeEvent('room-bare', { venue: { ...room, name: 'Computer Lab, Lowell' }, description: 'Bring 2 copies.' });
    expect(formatAddress(bare)).toBe(`Computer Lab, Lowell · ${ADDRESS_NOT_LISTED}`);
    expect(findStreetAddress('Doors open at 6 pm')).toBeNull();
  });
});

describe('the card', () => {
  it("names the source as organiser and links the source's page when the event gives neither", () => {
    const event = makeEvent('orphan', { organizer: null, url: null, sources: [{ id: 'career-center', name: 'Merrimack Valley Career Center', uid: 'orphan' }] });
    const view = viewOf({ event, distanceMiles: 3, why: 'why' }, 'America/New_York', LINKS, SOURCES);
    expect(view.organiser).toBe('Merrimack Valley Career Center');
    expect(view.url).toBe('https://careers.example.org/calendar');
    // Without the source facts the organiser still comes from the event's source list.
    expect(viewOf({ event, distanceMiles: 3, why: 'why' }, 'America/New_York', LINKS).organiser).toBe('Merrimack Valley Career Center');
  });

  it('drops a feedback pair with a non-http link', () => {
    const event = makeEvent('fb');
    const links = { ...LINKS, feedback: () => ({ going: 'javascript:alert(1)', notForMe: 'https://x.example/n' }) };
    expect(viewOf({ event, distanceMiles: 1, why: 'w' }, 'America/New_York', links).feedback).toBeNull();
    expect(viewOf({ event, distanceMiles: 1, why: 'w' }, 'America/New_York', FULL_LINKS).feedback?.going).toMatch(/\/going$/);
  });

  it('names calendar files after the event and its local date', () => {
    expect(calendarFileName({ title: "Job Seekers' Networking", startDate: '2026-12-02' })).toBe('job-seekers-networking-2026-12-02.ics');
    expect(calendarFileName({ title: 'Café Réseau & Emploi', startDate: '2026-12-03' })).toBe('cafe-reseau-and-emploi-2026-12-03.ics');
    expect(calendarFileName({ title: '★★★', startDate: '2026-12-03' })).toBe('event-2026-12-03.ics');
    const long = calendarFileName({ title: 'Northeast Human Resources Association Annual Chapter Meeting and Holiday Social', startDate: '2026-12-04' });
    expect(long).toBe('northeast-human-resources-association-annual-chapter-2026-12-04.ics');
  });

  it('words a reminder in the event zone: Tue Dec 8, 6 p.m.', () => {
    // eveningOf(8): 23:00Z on Tue 2026-12-08 = 18:00 EST (−5).
    expect(formatReminderWhen(makeEvent('r', eveningOf(8)))).toBe('Tue Dec 8, 6 p.m.');
    // 2026-12-08T23:30Z = 18:30 EST.
    expect(formatReminderWhen(makeEvent('r2', { start: '2026-12-08T23:30:00.000Z', end: '2026-12-09T01:00:00.000Z', startDate: '2026-12-08' }))).toBe('Tue Dec 8, 6:30 p.m.');
  });
});

describe('the new contract fields in the digest', () => {
  const { html, text } = renderDigest(sampleFullInput());
  const $ = cheerio.load(html);

  it('opens with the selection opening line and lists reminders, in both parts', () => {
    const opening = 'This week: 2 job-search meetings and 2 professional gatherings, as your balanced mix asks.';
    expect($('h1').next('p').text()).toBe(opening);
    expect(text.split('\n\n')[1]).toBe(opening);
    const reminder = "Reminder: you said you're going to Job Club on Tue Dec 8, 6 p.m.";
    expect($('p').filter((_, element) => $(element).text() === reminder)).toHaveLength(1);
    expect(text.split('\n')).toContain(reminder);
  });

  it("carries I'm going / Not for me as buttons and the calendar feed in the footer", () => {
    expect($('a.nm-btn').filter((_, element) => $(element).text() === "I'm going")).toHaveLength(4);
    expect($('a.nm-btn').filter((_, element) => $(element).text() === 'Not for me')).toHaveLength(4);
    const feed = FULL_LINKS.calendarFeed ?? '';
    expect($(`a[href="${feed}"]`).text()).toBe('Add all your picks to your calendar');
    expect(text).toContain(`Add all your picks to your calendar: ${feed}`);
    expect($('a.nm-btn').filter((_, element) => /^Download [a-z0-9-]+-2026-12-0\d\.ics$/.test($(element).text())).length).toBe(4);
  });

  it('keeps every link of the HTML part in the text part', () => {
    const hrefs = $('a').map((_, element) => $(element).attr('href') ?? '').get();
    // 4 cards × (title, details, going, not for me, Google, .ics) + feed, unsubscribe, preferences, site.
    expect(hrefs).toHaveLength(4 * 6 + 4);
    for (const href of new Set(hrefs)) expect(text, href).toContain(href);
  });

  it('shows a cost and an organiser on every card', () => {
    $('.nm-meta').each((_, element) => {
      expect($(element).text()).toMatch(/ · (Free|Free for job seekers|Cost not listed|\$\d+[^·]*) · By \S/);
    });
  });
});

describe('source facts through the preview', () => {
  it("links the source's page and street for an event that names neither", () => {
    // Mon 2026-11-30 window in New York; the event is Tue Dec 1, 18:00 EST (23:00Z), within 25 miles.
    const event = makeEvent('room-only', {
      url: null,
      organizer: null,
      description: 'Bring a résumé.',
      venue: { name: 'Computer Lab', address: null, city: 'Lowell', region: 'MA', postalCode: null, lat: 42.6334, lon: -71.3162 },
      sources: [{ id: 'career-center', name: 'Merrimack Valley Career Center', uid: 'room-only' }],
    });
    const profile = { ...sampleFullInput().subscriber };
    const digest = previewDigest([event], profile, { date: '2026-11-30', windowDays: 7, sources: SOURCES });
    expect(digest.chosen).toHaveLength(1);
    expect(digest.text).toContain('Details: https://careers.example.org/calendar');
    expect(digest.text).toContain('Computer Lab, 107 Merrimack St, Lowell · under 1 mi · Cost not listed · By Merrimack Valley Career Center');
  });
});

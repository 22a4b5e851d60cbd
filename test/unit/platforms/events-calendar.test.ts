/** The Events Calendar REST API reader, on fixtures written from the plugin's documented shape. */
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../../shared/model/event';
import { fixture, readWindow } from './support';

describe('The Events Calendar REST API', () => {
  const page1 = readWindow(fixture('tribe-events-page-1.json'));
  const page2 = readWindow(fixture('tribe-events-page-2.json'));

  it('is detected from the content as json of the-events-calendar, and names its next page', () => {
    expect(page1.kind).toBe('json');
    expect(page1.platform).toBe('the-events-calendar');
    expect(page1.nextPageUrl).toBe('https://example.org/wp-json/tribe/events/v1/events?page=2');
    expect(page2.nextPageUrl).toBeUndefined();
  });

  it('takes instants from utc_start_date on both sides of the November change, with HTML entities decoded', () => {
    // Oct 29 18:00 EDT (−4) = 22:00Z, as utc_start_date says; Nov 5 09:00 EST (−5) = 14:00Z.
    expect(page1.events.map((event) => [event.title, event.start, event.end, event.startDate, event.provenance])).toEqual([
      ['Job Seekers’ Networking – October', '2026-10-29T22:00:00.000Z', '2026-10-30T00:00:00.000Z', '2026-10-29', 'platform-api'],
      ['Résumé Review & Coffee', '2026-11-05T14:00:00.000Z', '2026-11-05T15:30:00.000Z', '2026-11-05', 'platform-api'],
    ]);
    for (const event of [...page1.events, ...page2.events]) expect(EventSchema.safeParse(event).success).toBe(true);
  });

  it('reads the venue with its coordinates, the organiser list, a free cost and a virtual event without a venue', () => {
    const [meeting, review] = page1.events;
    expect(meeting?.venue).toMatchObject({ name: 'Memorial Hall Library', address: '2 North Main Street', city: 'Andover', region: 'MA', postalCode: '01810', lat: 42.6583, lon: -71.1368 });
    expect(meeting?.organizer).toBe('Merrimack Valley Job Seekers');
    expect(meeting?.cost.kind).toBe('free');
    expect(meeting?.online).toBe(false);
    // `venue: []` is the plugin's "no venue"; is_virtual with a Zoom link is an online event.
    expect(review?.venue).toBeNull();
    expect(review?.online).toBe(true);
    expect(review?.onlineUrl).toBe('https://us02web.zoom.us/j/123456789');
    expect(review?.cost).toMatchObject({ kind: 'paid', amount: 10, currency: 'USD' });
  });

  it('keeps an all-day event on its own date across the DST change and a spring event at its EDT instant', () => {
    // All day Sun Nov 1 2026: local midnight is still EDT (04:00Z); the next midnight is EST (05:00Z),
    // a 25-hour day. Mar 16 2027 17:30 EDT (DST began Mar 14) = 21:30Z.
    expect(page2.events.map((event) => [event.title, event.allDay, event.startDate, event.start, event.end])).toEqual([
      ['Merrimack Valley Career Fair', true, '2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
      ['Spring Professionals Mixer', false, '2027-03-16', '2027-03-16T21:30:00.000Z', '2027-03-16T23:30:00.000Z'],
    ]);
    // String coordinates are read as numbers.
    expect(page2.events[0]?.venue).toMatchObject({ lat: 42.6468, lon: -71.3066 });
  });

  it('turns an item of the wrong shape and an impossible date into problems naming them', () => {
    expect(page2.problems.map((problem) => problem.where)).toEqual(['events[2]', 'events[3]']);
    expect(page2.problems[0]?.message).toMatch(/title/);
    expect(page2.problems[1]?.message).toMatch(/no readable start/);
  });
});

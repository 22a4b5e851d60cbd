import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../../shared/model/event';
import type { RawEvent, RawOffer, RawVenue } from '../../../shared/model/raw-event';
import { dedupEvents, normalizeEvents } from '../../../shared/normalize';
import { careerCenterSource } from './raw-event-factory';

const hostileText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.constantFrom(
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '(Cancelled)', 'CANCELLED:', 'Online',
    'https://zoom.us/j/1', 'javascript:alert(1)', '$30 members, $40 guests', 'Free for job seekers', '&amp;&#0;&#xD800;&bogus;',
    'Name, 14 Summer St, Waltham, MA 02451', 'Detroit\\,\\, MI', '\u0000\u202e\ud800', ' ', '',
  ),
  fc.array(fc.constantFrom('<p>', '</p>', '<br>', 'Job', 'Fair', ' ', '&lt;', 'Résumé', '\n', '"', "'", '<', '>', 'Zoom', '$', '5'), { maxLength: 60 }).map((parts) => parts.join('')),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const venueArb: fc.Arbitrary<RawVenue> = fc.record({
  name: maybe(hostileText), address: maybe(hostileText), city: maybe(hostileText), region: maybe(hostileText),
  postalCode: maybe(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('02451', '02451-1234', '99999'))),
  lat: maybe(fc.double()), lon: maybe(fc.double()),
}, { requiredKeys: [] });

const offerArb: fc.Arbitrary<RawOffer> = fc.record({
  price: maybe(fc.double()), currency: maybe(fc.string({ maxLength: 5 })), text: maybe(hostileText),
});

// Dates from 1970 to 2100: "valid dates", as parsers produce them.
const dateArb = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

const rawArb: fc.Arbitrary<RawEvent> = fc.record({
  uid: maybe(fc.string({ maxLength: 600 })),
  title: hostileText,
  start: dateArb,
  end: maybe(dateArb),
  allDay: fc.boolean(),
  startDate: fc.oneof(fc.constant('2026-03-10'), fc.string({ maxLength: 12 })),
  timeZone: fc.constantFrom('America/New_York', 'America/Los_Angeles', 'UTC', 'Eastern Standard Time', 'Not/AZone', ''),
  status: fc.constantFrom('confirmed' as const, 'cancelled' as const),
  location: maybe(hostileText),
  venue: maybe(venueArb),
  geo: maybe(fc.record({ lat: fc.double(), lon: fc.double() })),
  url: maybe(fc.oneof(fc.webUrl({ withQueryParameters: true }), hostileText)),
  organizer: maybe(hostileText),
  description: maybe(hostileText),
  attendanceMode: fc.constantFrom(null, 'online' as const, 'offline' as const, 'mixed' as const),
  onlineUrl: maybe(fc.oneof(fc.webUrl(), hostileText)),
  offers: fc.array(offerArb, { maxLength: 3 }),
  categories: fc.array(hostileText, { maxLength: 3 }),
  provenance: fc.constantFrom('ical' as const, 'structured-data' as const, 'selector-recipe' as const, 'platform-api' as const, 'schedule-text' as const),
  scheduleText: maybe(hostileText),
});

describe('normalizeEvents on arbitrary raw events', () => {
  it('never throws, and yields schema-valid events or problems, one or the other for each input', () => {
    fc.assert(
      fc.property(fc.array(rawArb, { maxLength: 5 }), (raws) => {
        const { events, problems } = normalizeEvents(raws, careerCenterSource);
        expect(events.length + problems.length).toBe(raws.length);
        for (const event of events) expect(EventSchema.safeParse(event).success).toBe(true);
        for (const problem of problems) expect(problem.message).not.toMatch(/^unexpected error/);
        const merged = dedupEvents(events);
        expect(merged.length).toBeLessThanOrEqual(events.length);
        for (const event of merged) expect(EventSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

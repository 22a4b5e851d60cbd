import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../../shared/model/event';
import { normalizeEvent, normalizeEvents } from '../../../shared/normalize';
import { associationSource, careerCenterSource, rawEvent } from './raw-event-factory';

const sha32 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

describe('ids and content hash', () => {
  it('hashes (source id, UID, start ISO) into the id', () => {
    const event = normalizeEvent(rawEvent(), associationSource);
    expect(event.id).toBe(sha32('boston-hr\u0000evt-1@example.org\u00002026-03-10T12:30:00.000Z'));
    expect(event.sources).toEqual([{ id: 'boston-hr', name: 'Boston HR Association', uid: 'evt-1@example.org' }]);
  });

  it('gives the same input the same id and content hash', () => {
    const a = normalizeEvent(rawEvent({ description: '<p>Hi</p>', location: 'Waltham, MA' }), associationSource);
    const b = normalizeEvent(rawEvent({ description: '<p>Hi</p>', location: 'Waltham, MA' }), associationSource);
    expect(b).toEqual(a);
  });

  it('keeps the id but changes the content hash when the title changes', () => {
    const before = normalizeEvent(rawEvent(), associationSource);
    const after = normalizeEvent(rawEvent({ title: 'Networking Breakfast: New Speaker' }), associationSource);
    expect(after.id).toBe(before.id);
    expect(after.contentHash).not.toBe(before.contentHash);
  });

  it('gives each occurrence of a series its own id', () => {
    const first = normalizeEvent(rawEvent(), associationSource);
    // One week later, same wall clock: 08:30 EDT (−4) = 12:30Z on 17 March.
    const second = normalizeEvent(rawEvent({ start: new Date('2026-03-17T12:30:00Z'), startDate: '2026-03-17' }), associationSource);
    expect(second.id).not.toBe(first.id);
  });

  it('derives a key from the normalised title and URL when there is no UID', () => {
    const event = normalizeEvent(rawEvent({ uid: null, title: 'Networking  Breakfast!', url: 'https://example.org/e/1?utm_campaign=x' }), associationSource);
    const key = 'networking breakfast|https://example.org/e/1';
    expect(event.sources[0]?.uid).toBe(key);
    expect(event.id).toBe(sha32(`boston-hr\u0000${key}\u00002026-03-10T12:30:00.000Z`));
  });
});

describe('end times', () => {
  it('gives a timed event without an end one hour (12:30Z → 13:30Z)', () => {
    expect(normalizeEvent(rawEvent(), associationSource).end).toBe('2026-03-10T13:30:00.000Z');
  });

  it('ends an all-day event at the next local midnight (11 Mar 00:00 EDT (−4) = 04:00Z)', () => {
    // 10 Mar 2026 00:00 EDT: US DST began on 8 March, so −4 → 04:00Z.
    const event = normalizeEvent(rawEvent({ allDay: true, start: new Date('2026-03-10T04:00:00Z') }), associationSource);
    expect(event).toMatchObject({ allDay: true, startDate: '2026-03-10', end: '2026-03-11T04:00:00.000Z' });
  });

  it('repairs an end before the start to start + 1 h', () => {
    const event = normalizeEvent(rawEvent({ end: new Date('2026-03-10T11:00:00Z') }), associationSource);
    expect(event.end).toBe('2026-03-10T13:30:00.000Z');
  });

  it('keeps a given end', () => {
    expect(normalizeEvent(rawEvent({ end: new Date('2026-03-10T14:00:00Z') }), associationSource).end).toBe('2026-03-10T14:00:00.000Z');
  });
});

describe('status from the title', () => {
  it.each([
    ['GLWA Board Meeting (Cancelled)', 'GLWA Board Meeting'],
    ['GLWA Board Meeting (CANCELLED)', 'GLWA Board Meeting'],
    ['CANCELLED: Resume Workshop', 'Resume Workshop'],
    ['[Canceled] - Job Club', 'Job Club'],
  ])('%s → cancelled "%s"', (title, clean) => {
    expect(normalizeEvent(rawEvent({ title }), associationSource)).toMatchObject({ title: clean, status: 'cancelled' });
  });

  it('keeps a feed STATUS:CANCELLED', () => {
    expect(normalizeEvent(rawEvent({ status: 'cancelled' }), associationSource).status).toBe('cancelled');
  });

  it('leaves a title that merely contains the word alone', () => {
    expect(normalizeEvent(rawEvent({ title: 'What to do when your offer is cancelled' }), associationSource)).toMatchObject({ status: 'confirmed', title: 'What to do when your offer is cancelled' });
  });
});

describe('venue and the geo fallback chain', () => {
  it('1. uses the feed GEO first', () => {
    const event = normalizeEvent(rawEvent({ location: 'Waltham, MA 02451', geo: { lat: 42.37, lon: -71.24 } }), associationSource);
    expect(event.venue).toMatchObject({ city: 'Waltham', lat: 42.37, lon: -71.24 });
  });

  it('2. then the ZIP centroid (02451 Waltham: 42.3986, −71.2451 in the zipcodes table)', () => {
    const event = normalizeEvent(rawEvent({ location: 'Name, 14 Summer St, Waltham, MA 02451' }), associationSource);
    expect(event.venue).toEqual({ name: 'Name', address: '14 Summer St', city: 'Waltham', region: 'MA', postalCode: '02451', lat: 42.3986, lon: -71.2451 });
  });

  it('3. then the town centre (mean of Cambridge’s seven ZIP centroids ≈ 42.3715, −71.1051)', () => {
    const event = normalizeEvent(rawEvent({ location: 'Cambridge, MA' }), associationSource);
    expect(event.venue?.lat).toBeCloseTo(42.3715, 3);
    expect(event.venue?.lon).toBeCloseTo(-71.1051, 3);
  });

  it("4. then the source's default place (its ZIP 02138: 42.377, −71.1256)", () => {
    const event = normalizeEvent(rawEvent({ location: 'Room 203' }), careerCenterSource);
    expect(event.venue).toEqual({ name: 'Room 203', address: null, city: null, region: null, postalCode: null, lat: 42.377, lon: -71.1256 });
  });

  it("uses the source's default place as the venue when the event names none", () => {
    expect(normalizeEvent(rawEvent(), careerCenterSource).venue).toEqual({
      name: 'MassHire Career Center', address: '186 Alewife Brook Pkwy', city: 'Cambridge', region: 'MA', postalCode: '02138', lat: 42.377, lon: -71.1256,
    });
  });

  it('has no venue when neither the event nor the source names a place', () => {
    expect(normalizeEvent(rawEvent(), associationSource).venue).toBeNull();
  });

  it('prefers the structured venue and completes it from the location text', () => {
    const event = normalizeEvent(rawEvent({ venue: { name: 'Babson Executive Conference Center', postalCode: '02457-1234' }, location: 'Babson Park, Wellesley, MA' }), associationSource);
    expect(event.venue).toMatchObject({ name: 'Babson Executive Conference Center', city: 'Wellesley', region: 'MA', postalCode: '02457' });
  });
});

describe('other fields', () => {
  it('cleans the URL and the organiser', () => {
    const event = normalizeEvent(rawEvent({ url: 'https://bostonhr.example.org/e/1?utm_source=news&id=2', organizer: '<b>Boston HR</b> &amp; Friends' }), associationSource);
    expect(event).toMatchObject({ url: 'https://bostonhr.example.org/e/1?id=2', organizer: 'Boston HR & Friends' });
  });

  it('drops a javascript: URL', () => {
    expect(normalizeEvent(rawEvent({ url: 'javascript:alert(1)' }), associationSource).url).toBeNull();
  });

  it('reads the audience from the source and the category from the kind', () => {
    expect(normalizeEvent(rawEvent({ title: 'Coffee Hour' }), careerCenterSource)).toMatchObject({
      audience: 'job-seeker', audienceReason: 'source is a career center', category: 'career-center-workshop',
    });
  });

  it("falls back to the source's zone when the raw zone is not IANA", () => {
    expect(normalizeEvent(rawEvent({ timeZone: 'Eastern Standard Time' }), associationSource).timeZone).toBe('America/New_York');
  });
});

describe('normalizeEvents', () => {
  it('turns unusable occurrences into problems and keeps the rest', () => {
    const result = normalizeEvents([
      rawEvent(),
      rawEvent({ uid: 'bad-date', start: new Date('not a date') }),
      rawEvent({ uid: 'no-title', title: '  <b></b> ' }),
    ], associationSource);
    expect(result.events).toHaveLength(1);
    expect(result.events.every((event) => EventSchema.safeParse(event).success)).toBe(true);
    expect(result.problems).toEqual([
      { message: 'start is not a valid date', where: 'event 2 (UID bad-date) "Networking Breakfast"' },
      { message: 'title is empty', where: 'event 3 (UID no-title)' },
    ]);
  });
});

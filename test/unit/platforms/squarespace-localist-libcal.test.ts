/** Squarespace, Localist and LibCal readers, on fixtures written from each platform's documented shape. */
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../../shared/model/event';
import { fixture, readWindow } from './support';

describe('Squarespace events collection (?format=json)', () => {
  const read = readWindow(fixture('squarespace-events.json'), 'https://andoverjobseekers.example/events?format=json');

  it('reads upcoming only, epoch-ms instants on both sides of both DST changes, links made absolute', () => {
    // 1793192400000 ms = 2026-01-01 (1767225600 s) + 300 days + 13 h = Wed Oct 28 2026 13:00Z = 09:00 EDT.
    // 1793800800000 = 13:00Z + 7 days + 1 h = Nov 4 14:00Z = 09:00 EST (same wall clock after the change).
    // 1804719600000 = Mar 10 2027 23:00Z = 18:00 EST; 1805320800000 = Mar 17 22:00Z = 18:00 EDT.
    expect(read.platform).toBe('squarespace');
    expect(read.events.map((event) => [event.start, event.startDate, event.timeZone])).toEqual([
      ['2026-10-28T13:00:00.000Z', '2026-10-28', 'America/New_York'],
      ['2026-11-04T14:00:00.000Z', '2026-11-04', 'America/New_York'],
      ['2027-03-10T23:00:00.000Z', '2027-03-10', 'America/New_York'],
      ['2027-03-17T22:00:00.000Z', '2027-03-17', 'America/New_York'],
    ]);
    // The `past` item sits inside the window on purpose: it must still not be read.
    expect(read.events.map((event) => event.title)).not.toContain('Listed under past, never read');
    expect(read.events[0]?.url).toBe('https://andoverjobseekers.example/events/2026/10/28/weekly-meeting');
    expect(read.events[0]?.title).toBe('Weekly Meeting & Networking');
    expect(read.calendarName).toBe('Andover Job Seekers');
    for (const event of read.events) expect(EventSchema.safeParse(event).success).toBe(true);
  });

  it('splits addressLine2 into city, state and ZIP, and ignores the default map pin of an empty location', () => {
    expect(read.events[0]?.venue).toMatchObject({ name: 'Memorial Hall Library', address: '2 North Main Street', city: 'Andover', region: 'MA', postalCode: '01810', lat: 42.6583, lon: -71.1368 });
    // No address: the 40.72,-74.00 pin is Squarespace's default, not a place in New York.
    expect(read.events[1]?.venue ?? null).toBeNull();
    expect(read.problems).toEqual([expect.objectContaining({ where: 'upcoming[4]' })]);
  });
});

describe('Localist /api/2/events', () => {
  const read = readWindow(fixture('localist-events.json'), 'https://calendar.example.edu/api/2/events?days=180&pp=100');

  it('expands event_instances from their offsets on both sides of both DST changes', () => {
    // 18:00-04:00 = 22:00Z (Oct 27), 18:00-05:00 = 23:00Z (Nov 3); 10:00-05:00 = 15:00Z (Mar 13),
    // 10:00-04:00 = 14:00Z (Mar 15); all day Nov 1: 00:00 EDT = 04:00Z to Nov 2 00:00 EST = 05:00Z.
    expect(read.platform).toBe('localist');
    expect(read.events.map((event) => [event.title, event.start, event.end, event.allDay])).toEqual([
      ['Alumni Career Networking Night', '2026-10-27T22:00:00.000Z', '2026-10-28T00:00:00.000Z', false],
      ['Career Week', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', true],
      ['Alumni Career Networking Night', '2026-11-03T23:00:00.000Z', '2026-11-04T01:00:00.000Z', false],
      ['Info Session', '2026-11-10T17:00:00.000Z', '2026-11-10T18:00:00.000Z', false],
      ['Virtual Résumé Workshop', '2027-03-13T15:00:00.000Z', '2027-03-13T16:00:00.000Z', false],
      ['Virtual Résumé Workshop', '2027-03-15T14:00:00.000Z', '2027-03-15T15:00:00.000Z', false],
    ]);
    expect(new Set(read.events.map((event) => event.id)).size).toBe(6);
    for (const event of read.events) expect(EventSchema.safeParse(event).success).toBe(true);
  });

  it('reads experience, geo strings, free and ticket_cost, and a cancelled status', () => {
    const hybrid = read.events[0];
    expect(hybrid?.venue).toMatchObject({ name: 'Curry Student Center, Ballroom', city: 'Boston', postalCode: '02115', lat: 42.3398, lon: -71.0892 });
    expect(hybrid?.onlineUrl).toBe('https://example.zoom.us/j/111222333');
    expect(hybrid?.cost.kind).toBe('free');
    const virtual = read.events[4];
    expect(virtual?.online).toBe(true);
    expect(virtual?.venue).toBeNull();
    expect(virtual?.cost).toMatchObject({ kind: 'paid', amount: 15 });
    // The title's "Cancelled" is not kept in it: the status says so.
    expect(read.events[3]?.status).toBe('cancelled');
    expect(read.problems).toEqual([expect.objectContaining({ where: 'events[4]' })]);
  });

  it('names the next page when page.current is below page.total', () => {
    const paged = readWindow(fixture('localist-events.json').replace('"current": 1, "size": 100, "total": 1', '"current": 1, "size": 100, "total": 3'), 'https://calendar.example.edu/api/2/events?days=180&pp=100');
    expect(paged.nextPageUrl).toBe('https://calendar.example.edu/api/2/events?days=180&pp=100&page=2');
    expect(read.nextPageUrl).toBeUndefined();
  });
});

describe('LibCal calendar-widget JSON', () => {
  const read = readWindow(fixture('libcal-events.json'), 'https://mhl.libcal.com/process_cal.php?c=1234&iid=99');

  it('reads local wall-clock times in the source zone on both sides of both DST changes', () => {
    // Oct 31 10:00 EDT = 14:00Z; Nov 7 10:00 EST = 15:00Z; Sat Mar 13 2027 14:00 EST = 19:00Z;
    // Sun Mar 14 14:00 is after the 02:00 change, EDT = 18:00Z; all day Nov 1: 04:00Z → Nov 2 05:00Z.
    expect(read.platform).toBe('libcal');
    expect(read.events.map((event) => [event.title, event.start, event.end])).toEqual([
      ['Résumé Writing Workshop', '2026-10-31T14:00:00.000Z', '2026-10-31T15:30:00.000Z'],
      ['Library Job Fair', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
      ['LinkedIn Basics for Job Seekers', '2026-11-07T15:00:00.000Z', '2026-11-07T16:00:00.000Z'],
      ['Saturday Job Club', '2027-03-13T19:00:00.000Z', '2027-03-13T20:00:00.000Z'],
      ['Sunday Job Club', '2027-03-14T18:00:00.000Z', '2027-03-14T19:00:00.000Z'],
    ]);
    expect(read.events[0]?.venue).toMatchObject({ name: 'Community Room, Memorial Hall Library' });
    expect(read.events[0]?.url).toBe('https://mhl.libcal.com/event/5001');
    expect(read.problems).toEqual([expect.objectContaining({ where: 'events[5]' })]);
    for (const event of read.events) expect(EventSchema.safeParse(event).success).toBe(true);
  });
});

describe('JSON that no platform reader knows', () => {
  it('gives no events and one problem saying so, and broken JSON says it is not valid JSON', () => {
    const unknown = readWindow('{"hello": "world"}');
    expect(unknown.kind).toBe('json');
    expect(unknown.platform).toBeNull();
    expect(unknown.events).toEqual([]);
    expect(unknown.problems[0]?.message).toMatch(/no platform/);
    const broken = readWindow('{"events": [');
    expect(broken.events).toEqual([]);
    expect(broken.problems[0]?.message).toMatch(/not valid JSON/);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParseResult, RawEvent } from '../../../shared/model/raw-event';
import { parseHtml } from '../../../shared/sources/html';

// Facts from test/fixtures/ORIGIN.md ("HTML files"); every instant below is worked out by hand.
const fixtureDir = fileURLToPath(new URL('../../fixtures/html/', import.meta.url));
const wideWindow = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };

function parseFixture(name: string, defaultTimeZone: string, baseUrl?: string): ParseResult {
  const html = readFileSync(`${fixtureDir}${name}`, 'utf8');
  return parseHtml(html, { ...wideWindow, defaultTimeZone, ...(baseUrl === undefined ? {} : { baseUrl }) });
}

function only(events: RawEvent[], predicate: (event: RawEvent) => boolean): RawEvent {
  const matches = events.filter(predicate);
  expect(matches).toHaveLength(1);
  const [match] = matches;
  if (match === undefined) throw new Error('no match');
  return match;
}

describe('HTML fixtures (ORIGIN.md)', () => {
  it('songkick_artist_tour_13_musicevents: 13 MusicEvents with one shared name, not the MusicGroup', () => {
    const result = parseFixture('songkick_artist_tour_13_musicevents.html', 'Europe/London');
    expect(result.events).toHaveLength(13);
    expect(result.problems).toEqual([]);
    expect(new Set(result.events.map((e) => e.title))).toEqual(new Set(['Years & Years']));
    // "2015-10-26T19:00:00+0000" (offset without colon) = 19:00Z.
    const cliffs = only(result.events, (e) => e.location?.includes('Cliffs Pavillion') === true);
    expect(cliffs.start.toISOString()).toBe('2015-10-26T19:00:00.000Z');
    // "2015-11-16T19:30:00+0100" (Paris, CET) = 18:30Z.
    const paris = only(result.events, (e) => e.location?.includes('Casino De Paris') === true);
    expect(paris.start.toISOString()).toBe('2015-11-16T18:30:00.000Z');
    // Victoria Warehouse on 2015-10-31 twice: 18:00+0000 timed, and date-only "2015-10-31" (all day;
    // UK summer time ended 2015-10-25, so London midnight is 00:00Z).
    const warehouse = result.events.filter((e) => e.location?.includes('Victoria Warehouse') === true);
    expect(warehouse.map((e) => [e.start.toISOString(), e.allDay]).sort()).toEqual([
      ['2015-10-31T00:00:00.000Z', true],
      ['2015-10-31T18:00:00.000Z', false],
    ]);
    expect(result.meta.calendarName).toBe('Years & Years Tickets, Tour Dates 2015 & Concerts – Songkick');
  });

  it('songkick_single_musicevent: one MusicEvent at The Owl Music Parlor', () => {
    const result = parseFixture('songkick_single_musicevent.html', 'America/New_York');
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('Elysian Fields');
    // "2015-10-31T19:30:00-0400" = 23:30Z.
    expect(event?.start.toISOString()).toBe('2015-10-31T23:30:00.000Z');
    expect(event?.venue).toMatchObject({ name: 'The Owl Music Parlor', city: 'Brooklyn', region: 'NY', postalCode: '11225' });
    expect(event?.geo).toEqual({ lat: 40.660109, lon: -73.953193 });
    expect(event?.url).toMatch(/^http:\/\/www\.songkick\.com\/concerts\/25248299/);
  });

  it('hevent_combining_hcard_location: h-event with a nested h-card location, date-only', () => {
    const result = parseFixture('hevent_combining_hcard_location.html', 'America/Los_Angeles');
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('IndieWebCamp 2012');
    expect(event?.allDay).toBe(true);
    expect(event?.startDate).toBe('2012-06-30');
    // Local midnight 2012-06-30 in PDT (−7) = 07:00Z; the inclusive end date 2012-07-01 ends at the
    // following midnight, 2012-07-02 00:00 PDT = 07:00Z.
    expect(event?.start.toISOString()).toBe('2012-06-30T07:00:00.000Z');
    expect(event?.end?.toISOString()).toBe('2012-07-02T07:00:00.000Z');
    expect(event?.venue).toMatchObject({ name: 'Geoloqi', address: '920 SW 3rd Ave. Suite 400', city: 'Portland', region: 'Oregon' });
    expect(event?.url).toBe('http://indiewebcamp.com/2012');
  });

  it('hcalendar_upcoming_yahoo: one vevent (the duplicated-class decoy is not a second one)', () => {
    const result = parseFixture('hcalendar_upcoming_yahoo.html', 'America/Los_Angeles');
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('Lunch 2.0 Party Train to OTBC');
    // abbr title="20090114T110000" floating, Portland: 11:00 PST (−8) = 19:00Z.
    expect(event?.start.toISOString()).toBe('2009-01-14T19:00:00.000Z');
    expect(event?.allDay).toBe(false);
    expect(event?.venue).toMatchObject({ name: 'Pioneer Courthouse Square', city: 'Portland', postalCode: '97204' });
  });

  it('humanitix_itemlist_jsonld: 12 ItemList events from position 0, names decoded', () => {
    const result = parseFixture('humanitix_itemlist_jsonld.html', 'America/Los_Angeles');
    expect(result.events).toHaveLength(12);
    expect(result.problems).toEqual([]);
    const volunteer = only(result.events, (e) => e.title === 'Volunteer to support live music & arts in Seattle [2026 Events]');
    // "2026-01-23T17:30:00-0800" = 2026-01-24T01:30Z; end "2026-06-30T00:00:00-0700" = 07:00Z.
    expect(volunteer.start.toISOString()).toBe('2026-01-24T01:30:00.000Z');
    expect(volunteer.end?.toISOString()).toBe('2026-06-30T07:00:00.000Z');
    expect(result.events.every((e) => !e.title.includes('&amp;'))).toBe(true);
  });

  it('wix_itemlist_jsonld_no_startdate: dates read from wix-warmup-data, 7 events', () => {
    // The warmup JSON is read (cheap), so the date-less JSON-LD items get their dates: 7 events.
    const result = parseFixture('wix_itemlist_jsonld_no_startdate.html', 'America/New_York');
    expect(result.events).toHaveLength(7);
    expect(result.problems).toEqual([]);
    const hounds = only(result.events, (e) => e.title === 'Release the Hounds!');
    // Warmup "startDate":"2025-05-17T17:30:00.000Z", formatted 10:30 AM PDT (−7) = 17:30Z.
    expect(hounds.start.toISOString()).toBe('2025-05-17T17:30:00.000Z');
    expect(hounds.timeZone).toBe('America/Los_Angeles');
    expect(hounds.startDate).toBe('2025-05-17');
    expect(hounds.url).toBe('https://www.dogwoodplaypark.com/event-details/release-the-hounds');
    // Two "Small Dog Meet Up" items differ only by trailing spaces and URL: both stay, trimmed.
    const smallDogs = result.events.filter((e) => e.title === 'Small Dog Meet Up');
    expect(smallDogs.map((e) => e.url).sort()).toEqual([
      'https://www.dogwoodplaypark.com/event-details/small-dog-meet-up-38',
      'https://www.dogwoodplaypark.com/event-details/small-dog-meet-up-39',
    ]);
  });

  it('veezi_jsonld_array_visualartsevent: 55 VisualArtsEvents across the DST switch', () => {
    const result = parseFixture('veezi_jsonld_array_visualartsevent.html', 'America/Los_Angeles');
    expect(result.events).toHaveLength(55);
    expect(result.problems).toEqual([]);
    // "2026-02-15T12:30:00-08:00" = 20:30Z.
    const hamnet = only(result.events, (e) => e.title === 'Hamnet' && e.startDate === '2026-02-15' && e.start.getUTCHours() === 20);
    expect(hamnet.start.toISOString()).toBe('2026-02-15T20:30:00.000Z');
    // Hoppers at 13:00 on either side of 2026-03-08: PST (−8) → 21:00Z, PDT (−7) → 20:00Z.
    const hoppers = result.events.filter((e) => e.title === 'Hoppers').map((e) => e.start.toISOString());
    expect(hoppers).toContain('2026-03-07T21:00:00.000Z');
    expect(hoppers).toContain('2026-03-08T20:00:00.000Z');
    expect(result.events.some((e) => e.title === 'Amélie')).toBe(true);
  });

  it('veezi: the window keeps only events starting inside it', () => {
    const html = readFileSync(`${fixtureDir}veezi_jsonld_array_visualartsevent.html`, 'utf8');
    // 10 showtimes carry -07:00 (all on or after 2026-03-08); 2026-03-08 00:00 PST = 08:00Z.
    const result = parseHtml(html, {
      from: new Date('2026-03-08T08:00:00Z'),
      to: new Date('2026-12-31T00:00:00Z'),
      defaultTimeZone: 'America/Los_Angeles',
    });
    expect(result.events).toHaveLength(10);
  });

  it('royalroom_single_event_escaped_slashes: escaped @context, entities, no-offset start, empty end', () => {
    const result = parseFixture('royalroom_single_event_escaped_slashes.html', 'America/Los_Angeles');
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('Sh\u2019ma presents Meeting Worlds: Jazz, Folk, & Indian Classical');
    // "2026-05-10 19:30:00" in Seattle, PDT (−7) = 2026-05-11T02:30Z.
    expect(event?.start.toISOString()).toBe('2026-05-11T02:30:00.000Z');
    expect(event?.startDate).toBe('2026-05-10');
    expect(event?.end).toBeNull();
    expect(event?.location).toBeNull();
    expect(event?.description).toContain('Sh\u2019ma is the project');
  });

  it('microdata_event_list_brewery: 30 microdata events, duplicated startDate read once', () => {
    const result = parseFixture('microdata_event_list_brewery.html', 'America/Los_Angeles');
    expect(result.events).toHaveLength(30);
    // content="2026-04-01T17:00:00-07:00" = 2026-04-02T00:00Z; end 21:00-07:00 = 04:00Z.
    const llama = result.events.find((e) => e.title === 'Llama Fusion' && e.startDate === '2026-04-01');
    expect(llama?.start.toISOString()).toBe('2026-04-02T00:00:00.000Z');
    expect(llama?.end?.toISOString()).toBe('2026-04-02T04:00:00.000Z');
    expect(llama?.location).toBe('Llama Fusion');
    expect(result.events.find((e) => e.title === "Tat's Deli")).toBeDefined();
  });

  it('mec_wordpress_single_event: the Event, never the Yoast WebPage', () => {
    const result = parseFixture('mec_wordpress_single_event.html', 'America/Los_Angeles');
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('World Class Music Presents: Dobet Gnahore');
    // "2026-04-04T13:00:00-07:00" = 20:00Z.
    expect(event?.start.toISOString()).toBe('2026-04-04T20:00:00.000Z');
    expect(event?.organizer).toBe('World Class Music');
    expect(event?.offers).toEqual([{ price: 41.75, currency: 'USD', text: null }]);
    expect(event?.location).toBe('Auditorium');
  });

  it('eventon_malformed_jsonld_dates: 9 events from microdata, garbage JSON-LD dates are problems', () => {
    const result = parseFixture('eventon_malformed_jsonld_dates.html', 'America/Chicago');
    expect(result.events).toHaveLength(9);
    const committee = only(result.events, (e) => e.title === 'CCLBA Data & Marketing Committee' && e.startDate === '2019-09-18');
    // microdata content='2019-9-18T10:00' in Chicago, CDT (−5) = 15:00Z.
    expect(committee.start.toISOString()).toBe('2019-09-18T15:00:00.000Z');
    // Every one of the 9 JSON-LD blocks has a garbage startDate; the 3 with trailing commas are
    // repaired first, so they too fail on the date rather than on the JSON.
    const dateProblems = result.problems.filter((p) => p.message.includes('is not a date'));
    expect(dateProblems).toHaveLength(9);
    expect(dateProblems.map((p) => p.where)).toContainEqual(expect.stringContaining('JSON-LD block 4'));
    expect(dateProblems[0]?.message).toContain('2019-9-18T10-10-00-00');
  });

  it('association_growthzone_event_microdata: one microdata event, the empty JSON-LD block is a problem', () => {
    const result = parseFixture('association_growthzone_event_microdata.html', 'America/Chicago');
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('Howard Street SSA #19 Commissioners Meeting');
    // content="2019-11-20T08:30" in Chicago, CST (−6; DST ended 2019-11-03) = 14:30Z.
    expect(event?.start.toISOString()).toBe('2019-11-20T14:30:00.000Z');
    expect(event?.location).toContain('The Factory Theater');
    expect(result.problems).toEqual([{ message: expect.stringContaining('empty') as unknown, where: 'JSON-LD block 1' }]);
  });

  it('hidden_hcalendar_event_detail: hidden vevent with the value-class pattern', () => {
    const result = parseFixture('hidden_hcalendar_event_detail.html', 'America/Chicago');
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('Chicago Low-Income Housing Trust Fund - October Allocations Meeting');
    // value-title "2018-10-04T10:00:00-0500" = 15:00Z; end 11:00-0500 = 16:00Z.
    expect(event?.start.toISOString()).toBe('2018-10-04T15:00:00.000Z');
    expect(event?.end?.toISOString()).toBe('2018-10-04T16:00:00.000Z');
    expect(event?.location).toBe('121 N. La Salle - Room 1006, Chicago, IL, 60602, US');
  });
});

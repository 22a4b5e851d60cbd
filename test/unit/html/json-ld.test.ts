import { describe, expect, it } from 'vitest';
import { jsonLdPage, parse } from './helpers';

const event = { '@context': 'https://schema.org', '@type': 'Event', name: 'Tech Mixer', startDate: '2026-05-12T18:00:00-04:00' };

describe('JSON-LD shapes', () => {
  it('reads a single object', () => {
    const result = parse(jsonLdPage(event));
    expect(result.events).toHaveLength(1);
    // 18:00 EDT (−4) = 22:00Z.
    expect(result.events[0]?.start.toISOString()).toBe('2026-05-12T22:00:00.000Z');
    expect(result.meta.calendarName).toBe('Events');
  });

  it('reads a top-level array and a @graph, skipping WebPage and Organization nodes', () => {
    const array = [event, { ...event, name: 'Second', startDate: '2026-05-13T18:00:00-04:00' }];
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'Tech Mixer – Example Org', url: 'https://events.example.org/' },
        { '@type': 'Organization', name: 'Example Org' },
        { '@type': 'BusinessEvent', name: 'Third', startDate: '2026-05-14T18:00:00-04:00' },
      ],
    };
    const result = parse(jsonLdPage(array, graph));
    expect(result.events.map((e) => e.title)).toEqual(['Tech Mixer', 'Second', 'Third']);
  });

  it('reads an ItemList whose elements hold the event in item or are the event, from position 0', () => {
    const list = {
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 0, item: { '@type': 'SocialEvent', name: 'Zero', startDate: '2026-06-01T12:00:00Z' } },
        { '@type': ['ListItem', 'EducationEvent'], position: 1, name: 'One', startDate: '2026-06-02T12:00:00Z' },
      ],
    };
    const result = parse(jsonLdPage(list));
    expect(result.events.map((e) => [e.title, e.start.toISOString()])).toEqual([
      ['Zero', '2026-06-01T12:00:00.000Z'],
      ['One', '2026-06-02T12:00:00.000Z'],
    ]);
  });

  it('recognises Event subtypes, @type arrays and full type IRIs', () => {
    const types = ['MusicEvent', 'VisualArtsEvent', ['Event', 'Thing'], 'http://schema.org/BusinessEvent', 'Festival'];
    const blocks = types.map((type, index) => ({ ...event, '@type': type, name: `E${index}`, startDate: `2026-05-1${index}T18:00:00Z` }));
    expect(parse(jsonLdPage(blocks)).events).toHaveLength(5);
  });

  it('accepts an escaped-slash @context', () => {
    const raw = '{"@context":"http:\\/\\/schema.org\\/","@type":"Event","name":"Slashes","startDate":"2026-05-12T18:00:00Z"}';
    expect(parse(jsonLdPage(raw)).events[0]?.title).toBe('Slashes');
  });

  it('reads a Place with a PostalAddress and geo', () => {
    const place = {
      ...event,
      location: {
        '@type': 'Place',
        name: 'Venture Cafe',
        address: { '@type': 'PostalAddress', streetAddress: '1 Broadway', addressLocality: 'Cambridge', addressRegion: 'MA', postalCode: '02142' },
        geo: { '@type': 'GeoCoordinates', latitude: '42.3629', longitude: -71.0839 },
      },
    };
    const [parsed] = parse(jsonLdPage(place)).events;
    expect(parsed?.location).toBe('Venture Cafe, 1 Broadway, Cambridge, MA 02142');
    expect(parsed?.venue).toEqual({ name: 'Venture Cafe', address: '1 Broadway', city: 'Cambridge', region: 'MA', postalCode: '02142', lat: 42.3629, lon: -71.0839 });
    expect(parsed?.geo).toEqual({ lat: 42.3629, lon: -71.0839 });
  });

  it('reads a location given as a string, and a VirtualLocation as online', () => {
    const stringPlace = { ...event, location: 'Room 4, Main Library' };
    const online = {
      ...event,
      name: 'Webinar',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://zoom.example.com/j/1' },
    };
    const [first, second] = parse(jsonLdPage(stringPlace, online)).events;
    expect(first?.location).toBe('Room 4, Main Library');
    expect(second?.attendanceMode).toBe('online');
    expect(second?.onlineUrl).toBe('https://zoom.example.com/j/1');
    expect(second?.location).toBeNull();
  });

  it('reads offers as an object or an array, and organizer as an object or a string', () => {
    const single = { ...event, offers: { '@type': 'Offer', price: '15.00', priceCurrency: 'USD' }, organizer: { '@type': 'Organization', name: 'PMI Chapter' } };
    const many = {
      ...event,
      name: 'Gala',
      offers: [
        { '@type': 'Offer', price: 0, priceCurrency: 'USD', name: 'Job seekers' },
        { '@type': 'Offer', price: 40, priceCurrency: 'USD', name: 'Members' },
      ],
      organizer: 'Chamber of Commerce',
    };
    const [first, second] = parse(jsonLdPage(single, many)).events;
    expect(first?.offers).toEqual([{ price: 15, currency: 'USD', text: null }]);
    expect(first?.organizer).toBe('PMI Chapter');
    expect(second?.offers).toEqual([
      { price: 0, currency: 'USD', text: 'Job seekers' },
      { price: 40, currency: 'USD', text: 'Members' },
    ]);
    expect(second?.organizer).toBe('Chamber of Commerce');
  });

  it('maps EventCancelled to cancelled and reads the attendance mode', () => {
    const cancelled = { ...event, eventStatus: 'https://schema.org/EventCancelled', eventAttendanceMode: 'MixedEventAttendanceMode' };
    const [parsed] = parse(jsonLdPage(cancelled)).events;
    expect(parsed?.status).toBe('cancelled');
    expect(parsed?.attendanceMode).toBe('mixed');
  });

  it('reports an invalid block and keeps the events of the valid ones; repairs trailing commas', () => {
    const broken = '{"@type":"Event","name":"Broken" "startDate":"2026-05-12T18:00:00Z"}';
    const trailing = '{"@type":"Event","name":"Trailing","startDate":"2026-05-13T18:00:00Z",}';
    const result = parse(jsonLdPage(event, broken, '', trailing));
    expect(result.events.map((e) => e.title)).toEqual(['Tech Mixer', 'Trailing']);
    expect(result.problems.map((p) => p.where)).toEqual(['JSON-LD block 2', 'JSON-LD block 3']);
    expect(result.problems[1]?.message).toContain('empty');
  });

  it('decodes single, double-encoded and numeric entities in names', () => {
    const names = ['Food &amp;amp; Drink', 'Women&#8217;s Network', 'Jazz &#038; Folk', 'AT&amp;T Alumni'];
    const blocks = names.map((name, index) => ({ ...event, name, startDate: `2026-05-1${index}T18:00:00Z` }));
    expect(parse(jsonLdPage(blocks)).events.map((e) => e.title)).toEqual([
      'Food & Drink',
      'Women\u2019s Network',
      'Jazz & Folk',
      'AT&T Alumni',
    ]);
  });

  it('keeps <script> inside a name as text', () => {
    // Inside a script element the page must write `<\/script>`; JSON reads it back as `</script>`.
    const hostile = '{"@type":"Event","name":"<script>alert(1)<\\/script> Mixer","startDate":"2026-05-12T18:00:00Z"}';
    expect(parse(jsonLdPage(hostile)).events[0]?.title).toBe('<script>alert(1)</script> Mixer');
  });

  describe('dates', () => {
    const cases: Array<[string, string, boolean]> = [
      // Offset without colon: 19:00+0000 = 19:00Z.
      ['2015-10-26T19:00:00+0000', '2015-10-26T19:00:00.000Z', false],
      // −0800 without colon: 17:30 + 8 h = 01:30Z next day.
      ['2026-01-23T17:30:00-0800', '2026-01-24T01:30:00.000Z', false],
      ['2026-02-15T12:30:00-08:00', '2026-02-15T20:30:00.000Z', false],
      ['2026-02-15T12:30:00Z', '2026-02-15T12:30:00.000Z', false],
      // No offset: New York wall clock; May is EDT (−4): 19:30 → 23:30Z.
      ['2026-05-10 19:30:00', '2026-05-10T23:30:00.000Z', false],
      // November 20, 2019 is EST (−5): 08:30 → 13:30Z.
      ['2019-11-20T08:30', '2019-11-20T13:30:00.000Z', false],
      // Not zero-padded, September is EDT (−4): 10:00 → 14:00Z.
      ['2019-9-18T10:00', '2019-09-18T14:00:00.000Z', false],
      // Date only: all day from New York midnight, EDT (−4) → 04:00Z.
      ['2015-10-31', '2015-10-31T04:00:00.000Z', true],
    ];
    it.each(cases)('reads %s', (written, instant, allDay) => {
      const [parsed] = parse(jsonLdPage({ ...event, startDate: written })).events;
      expect(parsed?.start.toISOString()).toBe(instant);
      expect(parsed?.allDay).toBe(allDay);
      expect(parsed?.timeZone).toBe('America/New_York');
    });

    it('turns a garbage date into a problem, not an event', () => {
      const result = parse(jsonLdPage({ ...event, startDate: '2019-9-18T10-10-00-00' }));
      expect(result.events).toEqual([]);
      expect(result.problems).toEqual([{ message: 'start date "2019-9-18T10-10-00-00" is not a date', where: 'JSON-LD block 1 ("Tech Mixer")' }]);
    });

    it('reads an empty endDate as no end, and a duration as the end', () => {
      const { events } = parse(
        jsonLdPage({ ...event, endDate: '' }, { ...event, name: 'Film', startDate: '2026-05-12T19:00:00Z', duration: 'PT2H6M' }),
      );
      expect(events.find((e) => e.title === 'Tech Mixer')?.end).toBeNull();
      // 19:00Z + 2 h 6 min = 21:06Z.
      expect(events.find((e) => e.title === 'Film')?.end?.toISOString()).toBe('2026-05-12T21:06:00.000Z');
    });
  });

  describe('urls and uid', () => {
    it('uses @id as the uid', () => {
      expect(parse(jsonLdPage({ ...event, '@id': 'https://example.org/e/42#event' })).events[0]?.uid).toBe('https://example.org/e/42#event');
    });

    it('uses a specific event URL as the uid, resolving it against the page', () => {
      const [parsed] = parse(jsonLdPage({ ...event, url: '../events/tech-mixer' })).events;
      expect(parsed?.url).toBe('https://events.example.org/events/tech-mixer');
      expect(parsed?.uid).toBe('https://events.example.org/events/tech-mixer');
    });

    it('does not use the page URL or a home page as the uid', () => {
      const [page, home] = parse(
        jsonLdPage({ ...event, url: 'https://events.example.org/calendar/' }, { ...event, name: 'Home', url: 'https://example.org/' }),
      ).events;
      expect(page?.url).toBe('https://events.example.org/calendar/');
      expect(page?.uid).toBeNull();
      expect(home?.uid).toBeNull();
    });

    it('drops javascript: and data: links', () => {
      const result = parse(
        jsonLdPage(
          { ...event, url: 'javascript:alert(1)' },
          { ...event, name: 'Data', url: 'data:text/html,<b>alert(1)</b>' },
          { ...event, name: 'Tab', url: 'java\tscript:alert(1)' },
        ),
      );
      expect(result.events).toHaveLength(3);
      expect(result.events.map((e) => e.url)).toEqual([null, null, null]);
      expect(result.events.map((e) => e.uid)).toEqual([null, null, null]);
    });
  });

  describe('window and zone', () => {
    it('keeps a start equal to either window bound and drops one just outside', () => {
      const at = (name: string, startDate: string) => ({ ...event, name, startDate });
      const result = parse(
        jsonLdPage([at('First', '2026-05-01T00:00:00Z'), at('Last', '2026-05-31T00:00:00Z'), at('Late', '2026-05-31T00:00:01Z')]),
        { from: new Date('2026-05-01T00:00:00Z'), to: new Date('2026-05-31T00:00:00Z') },
      );
      expect(result.events.map((e) => e.title)).toEqual(['First', 'Last']);
    });

    it('reads floating times as UTC, with a problem, when the default zone is not IANA', () => {
      const result = parse(jsonLdPage({ ...event, startDate: '2026-05-12T18:00' }), { defaultTimeZone: 'Eastern Standard Time' });
      expect(result.events[0]?.start.toISOString()).toBe('2026-05-12T18:00:00.000Z');
      expect(result.events[0]?.timeZone).toBe('UTC');
      expect(result.problems[0]?.message).toContain('not an IANA zone');
    });
  });
});

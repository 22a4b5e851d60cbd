import { describe, expect, it } from 'vitest';
import { parse } from './helpers';

function page(body: string): string {
  return `<!doctype html><html><head><title>Chapter events</title></head><body>${body}</body></html>`;
}

describe('microdata', () => {
  it('reads a nested Place and PostalAddress, and a datetime attribute', () => {
    const html = page(`
      <div itemscope itemtype="https://schema.org/BusinessEvent">
        <h2 itemprop="name">Chapter Meeting</h2>
        <time itemprop="startDate" datetime="2026-03-10T18:00">March 10, 6 pm</time>
        <div itemprop="location" itemscope itemtype="https://schema.org/Place">
          <span itemprop="name">Waltham Library</span>
          <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
            <span itemprop="streetAddress">735 Main St</span>, <span itemprop="addressLocality">Waltham</span>,
            <span itemprop="addressRegion">MA</span> <span itemprop="postalCode">02451</span>
          </div>
        </div>
        <a itemprop="url" href="/events/chapter-meeting">Details</a>
      </div>`);
    const result = parse(html);
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('Chapter Meeting');
    // 2026-03-10 is after the 2026-03-08 switch: 18:00 EDT (−4) = 22:00Z.
    expect(event?.start.toISOString()).toBe('2026-03-10T22:00:00.000Z');
    expect(event?.venue).toMatchObject({ name: 'Waltham Library', address: '735 Main St', city: 'Waltham', region: 'MA', postalCode: '02451' });
    expect(event?.location).toBe('Waltham Library, 735 Main St, Waltham, MA 02451');
    expect(event?.url).toBe('https://events.example.org/events/chapter-meeting');
  });

  it('takes the first valid of duplicated startDate props and ignores epoch data-* attributes', () => {
    const html = page(`
      <li itemscope itemtype="http://schema.org/Event">
        <span itemprop="name">Food Truck</span>
        <span itemprop="startDate" content="soon" data-event-start="1">TBA</span>
        <span itemprop="startDate" content="2026-04-01T17:00:00-07:00" data-event-start="999">April 1</span>
        <span itemprop="startDate" content="2026-04-01T17:00:00-07:00" data-event-start="999">5:00 pm</span>
      </li>`);
    const result = parse(html);
    expect(result.events).toHaveLength(1);
    // 17:00−07:00 = 00:00Z the next day; the data-event-start values would say 1970.
    expect(result.events[0]?.start.toISOString()).toBe('2026-04-02T00:00:00.000Z');
  });

  it('keeps markup-looking text in a name as text', () => {
    const html = page(`<div itemscope itemtype="http://schema.org/Event"><span itemprop="name">&lt;script&gt;alert(1)&lt;/script&gt; Mixer</span>
      <meta itemprop="startDate" content="2026-05-12T18:00:00Z"></div>`);
    expect(parse(html).events[0]?.title).toBe('<script>alert(1)</script> Mixer');
  });

  it('ignores items that are not events', () => {
    const html = page(`<div itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Org</span>
      <meta itemprop="startDate" content="2026-05-12T18:00:00Z"></div>`);
    expect(parse(html).events).toEqual([]);
  });
});

describe('microformats', () => {
  it('reads an h-event with p-summary, e-content, u-url and a value-class start', () => {
    const html = page(`
      <article class="h-event">
        <h1 class="p-name">Resume Workshop</h1>
        <p class="p-summary">Bring a printed resume.</p>
        <span class="dt-start"><span class="value">2026-10-28</span> at <span class="value">18:00</span></span>
        <time class="dt-end" datetime="2026-10-28T19:30">7:30 pm</time>
        <span class="p-location">Career Center, Room 2</span>
        <a class="u-url" href="https://careers.example.org/w/1">Register</a>
        <div class="e-content"><p>Bring <b>two</b> copies.</p></div>
      </article>`);
    const [event] = parse(html).events;
    expect(event?.title).toBe('Resume Workshop');
    // 2026-10-28 18:00 EDT (−4) = 22:00Z; end 19:30 EDT = 23:30Z.
    expect(event?.start.toISOString()).toBe('2026-10-28T22:00:00.000Z');
    expect(event?.end?.toISOString()).toBe('2026-10-28T23:30:00.000Z');
    expect(event?.location).toBe('Career Center, Room 2');
    expect(event?.url).toBe('https://careers.example.org/w/1');
    expect(event?.description).toContain('<b>two</b>');
  });

  it('reads a classic vevent with an abbr basic-format dtstart and a vcard location', () => {
    const html = page(`
      <div class="vevent">
        <span class="summary">Job Club</span>
        <abbr class="dtstart" title="20260107T093000">Jan 7, 9:30</abbr>
        <div class="location vcard"><span class="fn org">Town Hall</span>
          <div class="adr"><span class="street-address">1 Main St</span>, <span class="locality">Concord</span></div></div>
        <a class="url" href="javascript:alert(1)">more</a>
      </div>`);
    const [event] = parse(html).events;
    expect(event?.title).toBe('Job Club');
    // January: EST (−5): 09:30 → 14:30Z.
    expect(event?.start.toISOString()).toBe('2026-01-07T14:30:00.000Z');
    expect(event?.venue).toMatchObject({ name: 'Town Hall', address: '1 Main St', city: 'Concord' });
    expect(event?.url).toBeNull();
  });

  it('does not treat a second class attribute as a vevent', () => {
    const html = page(`<div class="event-title" class="vevent"><span class="summary">Decoy</span>
      <abbr class="dtstart" title="20260107T093000">x</abbr></div>`);
    expect(parse(html).events).toEqual([]);
  });
});

describe('same event twice on one page', () => {
  it('merges JSON-LD and microdata of one event into one, keeping the richer fields', () => {
    const html = `<html><head><script type="application/ld+json">
      {"@type":"Event","name":"Networking Night","startDate":"2026-05-12T18:00:00-04:00",
       "location":{"@type":"Place","name":"Hub","address":"5 Elm St"},"offers":{"price":"10","priceCurrency":"USD"}}
      </script></head><body>
      <div itemscope itemtype="http://schema.org/Event"><span itemprop="name">Networking  night</span>
        <meta itemprop="startDate" content="2026-05-12T22:00:00Z"><meta itemprop="description" content="Bring cards"></div>
      </body></html>`;
    const result = parse(html);
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.location).toBe('Hub, 5 Elm St');
    expect(event?.description).toBe('Bring cards');
    expect(event?.offers).toEqual([{ price: 10, currency: 'USD', text: null }]);
  });
});

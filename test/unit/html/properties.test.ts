import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from '../../../shared/model/common';
import type { ParseResult } from '../../../shared/model/raw-event';
import { parseHtml } from '../../../shared/sources/html';

const fixtureDir = fileURLToPath(new URL('../../fixtures/html/', import.meta.url));
const seeds = ['hevent_combining_hcard_location.html', 'hidden_hcalendar_event_detail.html', 'humanitix_itemlist_jsonld.html'].map((name) =>
  readFileSync(`${fixtureDir}${name}`, 'utf8'),
);

const from = new Date('2000-01-01T00:00:00Z');
const to = new Date('2040-01-01T00:00:00Z');
const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'UTC', 'Not/AZone', ''];

function checkInvariants(result: ParseResult): void {
  for (const event of result.events) {
    expect(Number.isFinite(event.start.getTime())).toBe(true);
    expect(event.start.getTime()).toBeGreaterThanOrEqual(from.getTime());
    expect(event.start.getTime()).toBeLessThanOrEqual(to.getTime());
    if (event.end !== null) {
      expect(Number.isFinite(event.end.getTime())).toBe(true);
      expect(event.end.getTime()).toBeGreaterThan(event.start.getTime());
    }
    expect(isIanaTimeZone(event.timeZone)).toBe(true);
    expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(event.title.trim()).not.toBe('');
    if (event.url !== null) expect(event.url).toMatch(/^https?:\/\//);
  }
}

function run(html: string, zone: string): ParseResult {
  return parseHtml(html, { from, to, defaultTimeZone: zone, baseUrl: 'https://example.org/events/' });
}

// A mutation: cut a slice, or insert a hostile fragment, at some position of a real page.
const fragments = ['<', '>', '"', ',', '}', '{', '</script>', '<script type="application/ld+json">', 'itemscope ', 'class="vevent"', '&amp;', '\u0000'];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...fragments) }),
);

describe('parseHtml properties', () => {
  it('never throws on arbitrary text and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.constantFrom(...zones), (text, zone) => {
        checkInvariants(run(text, zone));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on mutated real pages and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.constantFrom(...zones), (seed, mutations, zone) => {
        let html = seed;
        for (const m of mutations) {
          const at = m.at % (html.length + 1);
          html = m.kind === 'cut' ? html.slice(0, at) + html.slice(at + m.length) : html.slice(0, at) + m.text + html.slice(at);
        }
        checkInvariants(run(html, zone));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps its invariants on generated JSON-LD events with good and bad dates', () => {
    const dateText = fc.oneof(
      fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2050-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('2026-05-10 19:30:00', '2019-9-18T10-10-00-00', '2015-10-31', '', '2026-02-30T10:00', '2026-03-08T02:30', '20261101T013000', '9999-99-99'),
      fc.string({ maxLength: 30 }),
    );
    const eventNode = fc.record({
      '@type': fc.constantFrom('Event', 'MusicEvent', ['Event'], 'WebPage', 42),
      name: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('A &amp;amp; B')),
      startDate: dateText,
      endDate: dateText,
      url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', '/relative', 'data:,x')),
    });
    fc.assert(
      fc.property(fc.array(eventNode, { maxLength: 6 }), fc.constantFrom(...zones), (nodes, zone) => {
        const json = JSON.stringify(nodes).replace(/</g, '\\u003c');
        checkInvariants(run(`<script type="application/ld+json">${json}</script>`, zone));
      }),
      { numRuns: 150 },
    );
  });
});

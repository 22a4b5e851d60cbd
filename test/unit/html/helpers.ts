import type { ParseResult } from '../../../shared/model/raw-event';
import type { HtmlParseOptions } from '../../../shared/sources/html';
import { parseHtml } from '../../../shared/sources/html';

/** A wide window and a New York default zone, overridable per test. */
export function parse(html: string, overrides: Partial<HtmlParseOptions> = {}): ParseResult {
  return parseHtml(html, {
    from: new Date('2000-01-01T00:00:00Z'),
    to: new Date('2100-01-01T00:00:00Z'),
    defaultTimeZone: 'America/New_York',
    baseUrl: 'https://events.example.org/calendar/',
    ...overrides,
  });
}

/** A page holding each value as one JSON-LD block (strings are inserted as written). */
export function jsonLdPage(...blocks: Array<unknown>): string {
  const scripts = blocks
    .map((block) => `<script type="application/ld+json">${typeof block === 'string' ? block : JSON.stringify(block)}</script>`)
    .join('\n');
  return `<!doctype html><html><head><title>Events</title>${scripts}</head><body></body></html>`;
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../shared/model/raw-event';
import { DEFAULT_PARSE_BUDGET } from '../../../shared/model/raw-event';
import { parseHtml } from '../../../shared/sources/html';
import { DEFAULT_READ_LIMITS } from '../../../shared/sources/bounded-read';

// Issue 8 §4: ≥ 10,000 cases over the HTML parsers, 0 throws and 0 budget overruns. A throw inside
// is caught by parseHtml and shows as its "page could not be parsed" problem, so both are counted.
const fixtureRoot = fileURLToPath(new URL('../../fixtures/html/', import.meta.url));
const seeds = ['', 'microformats-tests/', 'extruct-schema-org/'].flatMap((dir) =>
  readdirSync(`${fixtureRoot}${dir}`)
    .filter((name) => name.endsWith('.html'))
    .map((name) => readFileSync(`${fixtureRoot}${dir}${name}`, 'utf8')),
);

const tally = { cases: 0, throws: 0, overruns: 0, slowestMs: 0 };

function check(html: string, zone: string): void {
  const started = performance.now();
  let result: ParseResult;
  try {
    result = parseHtml(html, { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z'), defaultTimeZone: zone, baseUrl: 'https://example.org/events/' });
  } catch {
    tally.throws += 1;
    return;
  }
  const ms = performance.now() - started;
  tally.cases += 1;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  if (result.problems.some((problem) => problem.message.startsWith('page could not be parsed'))) tally.throws += 1;
  if (result.budgetExceeded !== undefined || result.events.length > DEFAULT_PARSE_BUDGET.maxOccurrences || ms > DEFAULT_READ_LIMITS.deadlineMs) {
    tally.overruns += 1;
  }
}

const zones = fc.constantFrom('America/New_York', 'America/Chicago', 'UTC', 'Not/AZone');

// Markup built from the pieces the extractors look at, nested at random.
const attribute = fc.constantFrom(
  'itemscope',
  'itemtype="https://schema.org/Event"',
  'itemtype="http://schema.org/Place"',
  'itemprop="name"',
  'itemprop="startDate"',
  'itemprop="location"',
  'itemprop="subEvent"',
  'content="2026-11-01T01:30"',
  'datetime="2026-03-08T02:30"',
  'datetime="19:00"',
  'title="2027-03-14"',
  'class="h-event"',
  'class="vevent"',
  'class="p-name summary"',
  'class="dt-start dtstart"',
  'class="dt-end"',
  'class="value"',
  'class="value-title"',
  'class="p-location h-card"',
  'class="e-content"',
  'href="/x"',
  'type="application/ld+json"',
);
const text = fc.constantFrom('7pm', '07:00p.m.', '12am', '2026-11-01', '2027-034', 'Mixer', '&amp;', '{"@type":"Event"', ' ', '13pm', '-05:00', 'Z');
const tag = fc.constantFrom('div', 'span', 'time', 'meta', 'abbr', 'data', 'a', 'script', 'p', 'li', 'table', 'svg', 'br');
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
      ([name, attributes, children, closed]) => `<${name} ${attributes.join(' ')}>${children.join('')}${closed ? `</${name}>` : ''}`,
    ),
  ),
}));

const fragments = ['<', '>', '"', '</div>', '<div itemscope itemtype="https://schema.org/Event">', 'class="value"', '<span class="value">7pm</span>', '\u0000', '<!--', ']]>'];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...fragments) }),
);

describe('HTML parsers under fast-check: no throws, no budget overruns', () => {
  it('generated markup (4,000 pages)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 12 }), zones, (nodes, zone) => {
        check(`<html><body>${nodes.join('')}</body></html>`, zone);
      }),
      { numRuns: 4_000 },
    );
  });

  it('mutated real pages (4,000 pages)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 10 }), zones, (seed, mutations, zone) => {
        let html = seed;
        for (const change of mutations) {
          const at = change.at % (html.length + 1);
          html = change.kind === 'cut' ? html.slice(0, at) + html.slice(at + change.length) : html.slice(0, at) + change.text + html.slice(at);
        }
        check(html, zone);
      }),
      { numRuns: 4_000 },
    );
  });

  it('arbitrary text (2,000 strings)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3_000 }), zones, (input, zone) => {
        check(input, zone);
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts every case', () => {
    expect(tally.cases).toBeGreaterThanOrEqual(10_000);
    expect({ throws: tally.throws, overruns: tally.overruns }).toEqual({ throws: 0, overruns: 0 });
  });
});

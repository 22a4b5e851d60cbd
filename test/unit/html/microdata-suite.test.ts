import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BoundedText, walkElements } from '../../../shared/sources/html/dom-walk';
import { parseDocumentLinear } from '../../../shared/sources/html/linear-parser';
import { MicrodataCollector, topLevelItems } from '../../../shared/sources/html/microdata';
import { parse } from './helpers';

// schema.org Event samples and extruct's expected microdata for them
// (test/fixtures/html/extruct-schema-org/ORIGIN.md).
const dir = fileURLToPath(new URL('../../fixtures/html/extruct-schema-org/', import.meta.url));
const read = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');

/** Netmix's item tree in extruct's shape: `{type, properties}`, one value unwrapped, several as a list. */
function asExtruct(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asExtruct);
  if (typeof value !== 'object' || value === null) return value;
  const properties: Record<string, unknown> = {};
  let type: unknown;
  for (const [key, entry] of Object.entries(value)) {
    if (key === '@type') {
      type = Array.isArray(entry) && entry.length === 1 ? entry[0] : entry;
      continue;
    }
    const values = Array.isArray(entry) ? entry.map(asExtruct) : [asExtruct(entry)];
    properties[key] = values.length === 1 ? values[0] : values;
  }
  return { properties, type };
}

function netmixTrees(html: string): unknown {
  const collector = new MicrodataCollector();
  walkElements(parseDocumentLinear(html), [collector]);
  return topLevelItems(collector, new BoundedText()).map(asExtruct);
}

describe('microdata against extruct’s expected trees', () => {
  for (const sample of ['Event.001', 'Event.002', 'Event.003', 'Event.004', 'Event.008']) {
    it(`${sample}: the same items, properties and values`, () => {
      const expected: unknown = JSON.parse(read(`${sample}.json`));
      expect(netmixTrees(read(`${sample}.html`))).toEqual(expected);
    });
  }

  it('Event.001: the event, its name inside its url link, and its start as an instant', () => {
    const result = parse(read('Event.001.html'), { baseUrl: 'https://tickets.example.com/nba/' });
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.title).toBe('Miami Heat at Philadelphia 76ers - Game 3 (Home Game 1)');
    // 2016-04-21T20:00 in New York, EDT (DST from Mar 13 2016), UTC−4 → 2016-04-22T00:00Z.
    expect(event?.start.toISOString()).toBe('2016-04-22T00:00:00.000Z');
    expect(event?.url).toBe('https://tickets.example.com/nba/nba-miami-philidelphia-game3.html');
  });

  it('Event.004: a cancelled event stays cancelled', () => {
    const [event] = parse(read('Event.004.html'), { defaultTimeZone: 'America/Denver' }).events;
    // 2013-09-14T21:30 in Denver, MDT (UTC−6) → 2013-09-15T03:30Z.
    expect(event?.start.toISOString()).toBe('2013-09-15T03:30:00.000Z');
    expect(event?.status).toBe('cancelled');
  });
});

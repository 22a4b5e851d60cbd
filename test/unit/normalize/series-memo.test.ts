import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../../shared/model/event';
import { normalizeEvent, normalizeEvents } from '../../../shared/normalize';
import { careerCenterSource, rawEvent } from './raw-event-factory';

const sha32 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** JSON with keys sorted at every level: the content hash's documented input. */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${sortedJson(item)}`).join(',')}}`;
}

// A weekly series as the parser emits it: same text, new times. 18:00 EST (−5) = 23:00Z on
// 3 March 2027; after the 14 March change 18:00 EDT (−4) = 22:00Z on 17 March.
const text = {
  uid: 'series-1@example.org',
  title: 'Job Seekers Networking Night &amp; Panel',
  description: '<p>Free for job seekers. Bring your <b>résumé</b>.</p><p>$20 for members.</p>',
  location: 'Hall 3, 14 Main St, Waltham, MA 02451',
  url: 'https://example.org/e/1?utm_source=x',
  categories: ['Networking'],
};
const first = rawEvent({ ...text, start: new Date('2027-03-03T23:00:00Z'), end: new Date('2027-03-04T01:00:00Z'), startDate: '2027-03-03' });
const second = rawEvent({ ...text, start: new Date('2027-03-17T22:00:00Z'), end: new Date('2027-03-18T00:00:00Z'), startDate: '2027-03-17' });
const renamed = rawEvent({ ...text, title: 'Job Seekers Networking Night', start: new Date('2027-03-24T22:00:00Z'), startDate: '2027-03-24' });

describe('normalizeEvents reuses the text of a series', () => {
  const { events, problems } = normalizeEvents([first, second, renamed, first], careerCenterSource);

  it('gives each occurrence what normalizeEvent gives it alone', () => {
    expect(problems).toEqual([]);
    expect(events).toEqual([first, second, renamed, first].map((raw) => normalizeEvent(raw, careerCenterSource)));
  });

  it('keeps the per-occurrence fields apart: 23:00Z before the change, 22:00Z after it', () => {
    expect(events.map((event) => event.start)).toEqual(['2027-03-03T23:00:00.000Z', '2027-03-17T22:00:00.000Z', '2027-03-24T22:00:00.000Z', '2027-03-03T23:00:00.000Z']);
    expect(events[1]?.end).toBe('2027-03-18T00:00:00.000Z');
    expect(new Set(events.slice(0, 3).map((event) => event.id)).size).toBe(3);
    expect(events[2]?.title).toBe('Job Seekers Networking Night');
  });

  it('hashes every field but id, sources and contentHash with keys sorted', () => {
    for (const event of events) {
      const { id, sources, contentHash, ...content } = event;
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(sources).toHaveLength(1);
      expect(contentHash).toBe(sha32(sortedJson(content)));
      expect(EventSchema.safeParse(event).success).toBe(true);
    }
  });

  it('does not share nested objects between occurrences', () => {
    expect(events[0]?.venue).not.toBeNull();
    expect(events[1]?.venue).not.toBe(events[0]?.venue);
    expect(events[1]?.cost).not.toBe(events[0]?.cost);
    expect(events[1]?.sources).not.toBe(events[0]?.sources);
  });
});

/** Builders for digest tests: a valid Event and DigestProfile with readable overrides. */
import { createHash } from 'node:crypto';
import { EventSchema, type Event } from '../../../shared/model/event';
import type { DigestProfile } from '../../../shared/digest/types';

export function hex32(seed: string): string {
  return createHash('md5').update(seed).digest('hex');
}

/** Six letters from the seed's hash: "js1" and "js2" get different titles once digits are dropped. */
export function seriesWord(seed: string): string {
  return hex32(seed)
    .slice(0, 6)
    .replace(/\d/g, (digit) => 'ghijklmnop'.charAt(Number(digit)));
}

/** Lowell, MA (ZIP 01852 centroid, roughly). */
export const LOWELL = { lat: 42.6334, lon: -71.3162 };

export function makeEvent(seed: string, overrides: Partial<Event> = {}): Event {
  return EventSchema.parse({
    id: hex32(seed),
    // A word from the seed's hash keeps each made event its own series (series.ts drops digits from titles).
    title: `Event ${seed} ${seriesWord(seed)}`,
    // 18:00 EST (−5) = 23:00Z on Tue 2026-12-01
    start: '2026-12-01T23:00:00.000Z',
    end: '2026-12-02T01:00:00.000Z',
    allDay: false,
    startDate: '2026-12-01',
    timeZone: 'America/New_York',
    status: 'confirmed',
    online: false,
    onlineUrl: null,
    venue: { name: 'Lowell Chamber', address: '131 Central St', city: 'Lowell', region: 'MA', postalCode: '01852', lat: LOWELL.lat, lon: LOWELL.lon },
    url: `https://example.org/events/${seed}`,
    organizer: `Organiser ${seed}`,
    description: `About ${seed}.`,
    cost: { kind: 'unknown', amount: null, currency: null, text: null },
    audience: 'professional',
    audienceReason: 'test',
    category: 'professional-association',
    provenance: 'ical',
    scheduleText: null,
    sources: [{ id: 'src-a', name: 'Source A', uid: seed }],
    contentHash: hex32(`hash:${seed}`),
    ...overrides,
  });
}

export function makeProfile(overrides: Partial<DigestProfile> = {}): DigestProfile {
  return {
    zip: '01852',
    radiusMiles: 25,
    mix: 'balanced',
    fields: [],
    interests: [],
    targetEmployers: [],
    online: true,
    digestSize: 8,
    lat: LOWELL.lat,
    lon: LOWELL.lon,
    timeZone: 'America/New_York',
    ...overrides,
  };
}

/** A start on day `day` (0 = Mon 2026-11-30) at 18:00 EST (−5) = 23:00Z. */
export function eveningOf(day: number): Pick<Event, 'start' | 'end' | 'startDate'> {
  const date = new Date(Date.UTC(2026, 10, 30 + day));
  const startDate = date.toISOString().slice(0, 10);
  const start = new Date(Date.UTC(2026, 10, 30 + day, 23, 0, 0));
  const end = new Date(start.getTime() + 2 * 3600_000);
  return { start: start.toISOString(), end: end.toISOString(), startDate };
}

/** Window: Mon 2026-11-30 00:00 EST (−5) = 05:00Z, 7 days. */
export const WINDOW_START = new Date('2026-11-30T05:00:00.000Z');

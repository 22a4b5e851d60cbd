import { createHash } from 'node:crypto';
import type { Event } from '../../../shared/model/event';

/** A 32-hex stable id from a seed (the shape EventSchema wants for `id` and `contentHash`). */
export function hex32(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 32);
}

/** A valid event; `key` seeds the id, `version` the content hash. */
export function makeEvent(
  key: string,
  times: { start: string; end: string; startDate: string; timeZone?: string },
  version = 'v1',
): Event {
  return {
    id: hex32(`id:${key}`),
    title: `Event ${key}`,
    start: times.start,
    end: times.end,
    allDay: false,
    startDate: times.startDate,
    timeZone: times.timeZone ?? 'America/New_York',
    status: 'confirmed',
    online: false,
    onlineUrl: null,
    venue: { name: 'Hall', address: '1 Main St', city: 'Lowell', region: 'MA', postalCode: '01852', lat: 42.64, lon: -71.31 },
    url: 'https://example.org/events/1',
    organizer: null,
    description: `About ${key} (${version})`,
    cost: { kind: 'free', amount: null, currency: null, text: null },
    audience: 'job-seeker',
    audienceReason: 'test',
    category: 'job-seeker-group',
    fields: [],
    provenance: 'ical',
    scheduleText: null,
    sources: [{ id: 'src', name: 'Source', uid: `${key}@example.org` }],
    contentHash: hex32(`hash:${key}:${version}`),
  };
}

/**
 * Per-run event preparation for selection: everything that does not depend on the subscriber
 * (window filter, dedup clusters, unit vectors, searchable text) is computed here once, so the
 * per-subscriber work is a dot-product-sized loop.
 */
import type { Audience } from '../model/common';
import type { Event } from '../model/event';
import { dedupEvents } from '../normalize';
import { unitVector, type UnitVector } from './geo';

export interface PreparedEvent {
  /** The listing shown for its cluster. */
  event: Event;
  audience: Audience;
  vector: UnitVector | null;
  online: boolean;
  /** Lower-cased words of title, description, organiser and category, space-padded for phrase search. */
  text: string;
  organiserKey: string;
  free: boolean;
  startMs: number;
  /** Local calendar day of the start (event's own zone), for spreading picks over the week. */
  day: string;
}

export interface PreparedEvents {
  windowStart: Date;
  windowEnd: Date;
  /** In start order, then id: the order ties resolve in. */
  items: readonly PreparedEvent[];
}

/** Lower-cases and splits into words joined by single spaces, padded: `" biotech startup "`. */
export function searchableText(...parts: (string | null)[]): string {
  const words = parts
    .filter((part): part is string => part !== null)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9+#]+/)
    .filter((word) => word.length > 0);
  return ` ${words.join(' ')} `;
}

/** Events starting in `[start, end)`, not cancelled, one per duplicate group, ready for selection. */
export function prepareEvents(events: readonly Event[], window: { start: Date; end: Date }): PreparedEvents {
  const from = window.start.getTime();
  const to = window.end.getTime();
  const inWindow = events.filter((event) => {
    if (event.status === 'cancelled') return false;
    const start = Date.parse(event.start);
    return start >= from && start < to;
  });
  // The same occurrence listed by several sources becomes one event (ingest's own dedup rule).
  const items = dedupEvents(inWindow).flatMap((event): PreparedEvent[] => {
    const lat = event.venue?.lat ?? null;
    const lon = event.venue?.lon ?? null;
    const vector = lat !== null && lon !== null ? unitVector(lat, lon) : null;
    if (vector === null && !event.online) return [];
    const firstSource = event.sources[0];
    return [
      {
        event,
        audience: event.audience,
        vector,
        online: event.online,
        text: searchableText(event.title, event.description, event.organizer, event.category.replace(/-/g, ' ')),
        organiserKey: event.organizer?.trim().toLowerCase() || `source:${firstSource?.id ?? event.id}`,
        free: event.cost.kind === 'free' || event.cost.kind === 'free-for-job-seekers',
        startMs: Date.parse(event.start),
        day: event.startDate,
      },
    ];
  });
  items.sort((a, b) => a.startMs - b.startMs || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return { windowStart: window.start, windowEnd: window.end, items };
}

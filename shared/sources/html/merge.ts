import type { RawEvent } from '../../model/raw-event';

function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function richness(event: RawEvent): number {
  const fields = [event.uid, event.end, event.location, event.venue, event.geo, event.url, event.organizer, event.description, event.attendanceMode, event.onlineUrl];
  return fields.filter((field) => field !== null).length + (event.offers.length > 0 ? 1 : 0) + (event.categories.length > 0 ? 1 : 0);
}

function combine(kept: RawEvent, other: RawEvent): RawEvent {
  const [rich, poor] = richness(other) > richness(kept) ? [other, kept] : [kept, other];
  return {
    ...rich,
    uid: rich.uid ?? poor.uid,
    end: rich.end ?? poor.end,
    status: rich.status === 'cancelled' || poor.status === 'cancelled' ? 'cancelled' : 'confirmed',
    location: rich.location ?? poor.location,
    venue: rich.venue ?? poor.venue,
    geo: rich.geo ?? poor.geo,
    url: rich.url ?? poor.url,
    organizer: rich.organizer ?? poor.organizer,
    description: rich.description ?? poor.description,
    attendanceMode: rich.attendanceMode ?? poor.attendanceMode,
    onlineUrl: rich.onlineUrl ?? poor.onlineUrl,
    offers: rich.offers.length > 0 ? rich.offers : poor.offers,
    categories: rich.categories.length > 0 ? rich.categories : poor.categories,
  };
}

/**
 * One record per (normalised title, start instant): the same event marked up twice on one page
 * (JSON-LD and microdata) becomes one, keeping the richer record and filling its gaps from the other.
 * Same-named events at different times (a tour, showtimes) stay apart.
 */
export function mergeSamePageDuplicates(events: RawEvent[]): RawEvent[] {
  const byKey = new Map<string, RawEvent>();
  for (const event of events) {
    const key = `${titleKey(event.title)}\u0000${event.start.getTime()}`;
    const existing = byKey.get(key);
    byKey.set(key, existing === undefined ? event : combine(existing, event));
  }
  return [...byKey.values()];
}

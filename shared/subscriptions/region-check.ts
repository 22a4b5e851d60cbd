/**
 * Whether a ZIP code is anywhere near the events this deployment lists. A ZIP far from all of them
 * (a typo, or a move across the country) would get a subscriber who never receives mail, so the
 * signup form asks before accepting it.
 */
import type { Clock, EventStore } from '../ports';
import { addDays, localDateOf } from '../time/zoned';
import type { ZipPlace } from './geocode';

/** Farther than this from every listed event, a ZIP is warned about. */
export const FAR_FROM_REGION_MILES = 100;

const EARTH_RADIUS_MILES = 3958.8;
const CACHE_MS = 10 * 60 * 1000;

/** Great-circle distance in miles. */
export function milesBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance from `place` to the nearest listed event place, or null when no event has a place. */
export type RegionCheck = (place: ZipPlace) => Promise<number | null>;

/**
 * Reads the places of the next four weeks' events (once per ten minutes: every signup asks) and
 * answers with the distance to the nearest one.
 */
export function createRegionCheck(events: Pick<EventStore, 'listStartingBetween'>, clock: Clock, timeZone: string): RegionCheck {
  let cached: { at: number; places: Promise<{ lat: number; lon: number }[]> } | null = null;
  const load = async (now: Date): Promise<{ lat: number; lon: number }[]> => {
    const today = localDateOf(now, timeZone);
    const listed = await events.listStartingBetween(today, addDays(today, 28));
    const seen = new Map<string, { lat: number; lon: number }>();
    for (const event of listed) {
      const lat = event.venue?.lat;
      const lon = event.venue?.lon;
      if (lat == null || lon == null) continue;
      // Rounded to about a mile: a region has a few hundred distinct places, not thousands.
      seen.set(`${lat.toFixed(2)},${lon.toFixed(2)}`, { lat, lon });
    }
    return [...seen.values()];
  };
  return async (place) => {
    const now = clock.now();
    if (cached === null || now.getTime() - cached.at > CACHE_MS) {
      cached = { at: now.getTime(), places: load(now) };
      cached.places.catch(() => { cached = null; });
    }
    const places = await cached.places;
    if (places.length === 0) return null;
    return Math.min(...places.map((p) => milesBetween(place, p)));
  };
}

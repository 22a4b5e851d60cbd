import { lookup, lookupByName } from 'zipcodes';

/** A point on the map, degrees. */
export interface Coordinates {
  lat: number;
  lon: number;
}

/** True for finite, in-range latitude and longitude. */
export function isValidCoordinates(lat: unknown, lon: unknown): boolean {
  return (
    typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) &&
    Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0)
  );
}

function coordinatesOf(record: unknown): Coordinates | null {
  if (typeof record !== 'object' || record === null) return null;
  const latitude: unknown = Reflect.get(record, 'latitude');
  const longitude: unknown = Reflect.get(record, 'longitude');
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  return isValidCoordinates(latitude, longitude) ? { lat: latitude, lon: longitude } : null;
}

// Sources repeat the same few ZIPs and towns thousands of times; the lookups scan tables.
const zipCache = new Map<string, Coordinates | null>();
const cityCache = new Map<string, Coordinates | null>();

/** Centroid of a five-digit US ZIP code from the offline `zipcodes` table, or null. */
export function zipCentroid(zip: string): Coordinates | null {
  const five = /^(\d{5})(?:-\d{4})?$/.exec(zip.trim())?.[1];
  if (five === undefined) return null;
  let found = zipCache.get(five);
  if (found === undefined) {
    found = coordinatesOf(lookup(five));
    zipCache.set(five, found);
  }
  return found;
}

/**
 * Centre of a town: the mean of its ZIP centroids (Boston has dozens) from the offline table,
 * or null when the town is not known in that state.
 */
export function cityCentroid(city: string, state: string): Coordinates | null {
  const key = `${city.trim().toUpperCase()}|${state.trim().toUpperCase()}`;
  const cached = cityCache.get(key);
  if (cached !== undefined) return cached;
  let lat = 0;
  let lon = 0;
  let count = 0;
  if (city.trim() !== '' && state.trim() !== '') {
    const records = lookupByName(city.trim(), state.trim());
    for (const record of Array.isArray(records) ? records : []) {
      const point = coordinatesOf(record);
      if (point !== null) {
        lat += point.lat;
        lon += point.lon;
        count += 1;
      }
    }
  }
  const found = count === 0 ? null : { lat: round(lat / count), lon: round(lon / count) };
  cityCache.set(key, found);
  return found;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

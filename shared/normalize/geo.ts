import { lookupTown, lookupZip, type PlaceRecord } from '../gazetteer/gazetteer';
import { isValidCoordinates, type Coordinates } from './distance';

export { distanceKm, isValidCoordinates, type Coordinates } from './distance';

function coordinatesOf(record: PlaceRecord | undefined): Coordinates | null {
  if (record === undefined) return null;
  const { latitude, longitude } = record;
  if (latitude === null || longitude === null) return null;
  return isValidCoordinates(latitude, longitude) ? { lat: latitude, lon: longitude } : null;
}

// Sources repeat the same few ZIPs and towns thousands of times; the lookups scan tables.
const zipCache = new Map<string, Coordinates | null>();
const cityCache = new Map<string, Coordinates | null>();

/** Centroid of a five-digit US ZIP code from the offline gazetteer (generated from `zipcodes`), or null. */
export function zipCentroid(zip: string): Coordinates | null {
  const five = /^(\d{5})(?:-\d{4})?$/.exec(zip.trim())?.[1];
  if (five === undefined) return null;
  let found = zipCache.get(five);
  if (found === undefined) {
    found = coordinatesOf(lookupZip(five));
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
    for (const record of lookupTown(city.trim(), state.trim())) {
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

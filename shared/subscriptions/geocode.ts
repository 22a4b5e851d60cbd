import * as z from 'zod';
import { lookupZip } from '../gazetteer/gazetteer';
import { lazySchema } from '../model/lazy-schema';

/** Where a ZIP code is: its centre and the town a subject line can name ("Lowell"). */
export interface ZipPlace {
  lat: number;
  lon: number;
  placeName: string;
}

const ZipRecordSchema = lazySchema(() => z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  city: z.string().min(1),
  state: z.string().min(1),
  country: z.literal('US'),
}));

/** Looks up a five-digit US ZIP code in the gazetteer (read on first use); null when it is not a known US ZIP. */
export function geocodeZip(zip: string): ZipPlace | null {
  if (!/^\d{5}$/.test(zip)) return null;
  const parsed = ZipRecordSchema.safeParse(lookupZip(zip));
  if (!parsed.success) return null;
  const { latitude, longitude, city } = parsed.data;
  return { lat: latitude, lon: longitude, placeName: city.slice(0, 100) };
}

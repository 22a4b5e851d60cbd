import * as z from 'zod';
import { isIanaTimeZone } from '../../model/common';
import type { Candidate } from './candidate';
import { emptyCandidate } from './candidate';
import { parsePageDate } from './dates';
import { parseLenientJson } from './lenient-json';
import { isSchemaNode } from './schema-values';
import { cleanBlock, cleanText } from './text';
import { lazySchema } from '../../model/lazy-schema';

/**
 * Wix event pages publish a JSON-LD ItemList of Events without dates; the dates are only in the
 * `wix-warmup-data` blob the page hydrates from. Reading that blob's event objects is cheap and
 * gives exact instants with the event's IANA zone.
 */

const WixEventSchema = lazySchema(() => z.object({
  title: z.string(),
  slug: z.string().optional(),
  description: z.string().optional(),
  scheduling: z.object({
    config: z.object({
      startDate: z.string(),
      endDate: z.string().optional(),
      timeZoneId: z.string().optional(),
    }),
  }),
  location: z
    .object({
      name: z.string().optional(),
      address: z.string().optional(),
      coordinates: z.object({ lat: z.number(), lng: z.number() }).optional(),
    })
    .optional(),
}));
type WixEvent = z.infer<typeof WixEventSchema>;

export interface WixCandidate {
  slug: string | null;
  candidate: Candidate;
}

const MAX_DEPTH = 16;

function findWixEvents(root: unknown): WixEvent[] {
  const found: WixEvent[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isSchemaNode(value)) return;
    if ('scheduling' in value && 'title' in value) {
      const parsed = WixEventSchema.safeParse(value);
      if (parsed.success) {
        found.push(parsed.data);
        return;
      }
    }
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) visit(child, depth + 1);
  };
  visit(root, 0);
  return found;
}

function toCandidate(event: WixEvent, where: string): Candidate {
  const candidate = emptyCandidate(where);
  const config = event.scheduling.config;
  candidate.title = cleanText(event.title);
  candidate.start = parsePageDate(config.startDate);
  candidate.startText = config.startDate;
  candidate.end = config.endDate === undefined ? null : parsePageDate(config.endDate);
  candidate.timeZone = config.timeZoneId !== undefined && isIanaTimeZone(config.timeZoneId) ? config.timeZoneId : null;
  const location = event.location;
  if (location !== undefined) {
    const name = cleanText(location.name);
    const address = cleanText(location.address);
    candidate.location = [name, address].filter((part) => part !== null).join(', ') || null;
    const lat = location.coordinates?.lat;
    const lon = location.coordinates?.lng;
    const geo = lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
    candidate.geo = geo;
    candidate.venue = name === null && address === null ? null : { name, address, lat: geo?.lat ?? null, lon: geo?.lon ?? null };
  }
  candidate.description = cleanBlock(event.description);
  return candidate;
}

/** Event objects from the body of a Wix page's `script#wix-warmup-data`; none when the page has none. */
export function extractWixWarmup(warmup: string | null): WixCandidate[] {
  if (warmup === null) return [];
  const outcome = parseLenientJson(warmup);
  if (!outcome.ok) return [];
  return findWixEvents(outcome.value).map((event, index) => ({
    slug: event.slug ?? null,
    candidate: toCandidate(event, `Wix warmup event ${index + 1}`),
  }));
}

/**
 * Gives date-less JSON-LD Events the dates of the warmup event with the same URL slug, and returns
 * the warmup events no JSON-LD event claimed (they are events in their own right).
 */
export function applyWixDates(candidates: Candidate[], wix: WixCandidate[]): Candidate[] {
  const unclaimed = [...wix];
  for (const candidate of candidates) {
    if (candidate.start !== null || candidate.startText !== null || candidate.url === null) continue;
    const slug = new URL(candidate.url).pathname.split('/').filter((part) => part !== '').pop();
    const index = unclaimed.findIndex((entry) => entry.slug !== null && entry.slug === slug);
    const match = unclaimed[index];
    if (match === undefined) continue;
    unclaimed.splice(index, 1);
    candidate.start = match.candidate.start;
    candidate.startText = match.candidate.startText;
    candidate.end = match.candidate.end;
    candidate.timeZone = match.candidate.timeZone;
    candidate.location ??= match.candidate.location;
    candidate.venue ??= match.candidate.venue;
    candidate.geo ??= match.candidate.geo;
    candidate.description ??= match.candidate.description;
  }
  return unclaimed.map((entry) => entry.candidate);
}

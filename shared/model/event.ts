import * as z from 'zod';
import {
  AudienceSchema,
  CategorySchema,
  HttpUrlSchema,
  InstantSchema,
  LocalDateSchema,
  TimeZoneSchema,
} from './common';
import { FieldIdSchema } from './fields';
import { lazySchema } from './lazy-schema';

/** Longest plain-text description kept on an event (characters). */
export const MAX_DESCRIPTION_LENGTH = 2000;

export const VenueSchema = lazySchema(() => z.object({
  name: z.string().max(300).nullable(),
  address: z.string().max(300).nullable(),
  city: z.string().max(100).nullable(),
  region: z.string().max(100).nullable(),
  postalCode: z.string().max(20).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
}));
export type Venue = z.infer<typeof VenueSchema>;

export const CostKindSchema = lazySchema(() => z.enum(['free', 'paid', 'free-for-job-seekers', 'unknown']));
export type CostKind = z.infer<typeof CostKindSchema>;

export const CostSchema = lazySchema(() => z.object({
  kind: CostKindSchema,
  /** Lowest price found, in `currency`; null when free or unknown. */
  amount: z.number().nonnegative().nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  /** The words the source used ("$30 members, $40 guests"), for display. */
  text: z.string().max(200).nullable(),
}));
export type Cost = z.infer<typeof CostSchema>;

/**
 * How an event was read: an iCalendar feed, structured data on a page (JSON-LD, microdata,
 * microformats, a site builder's embedded data), a per-source CSS selector recipe, a platform's
 * JSON API, or a schedule sentence ("Meets every Wednesday, 8:30 to 10:30 a.m.").
 */
export const ProvenanceSchema = lazySchema(() => z.enum(['ical', 'structured-data', 'selector-recipe', 'platform-api', 'schedule-text']));
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Longest schedule sentence kept on a schedule-text event (characters). */
export const MAX_SCHEDULE_TEXT_LENGTH = 500;

/** A source that lists an event. */
export const EventSourceRefSchema = lazySchema(() => z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** The event's own id at that source (UID, JSON-LD @id or URL). */
  uid: z.string().max(500),
}));
export type EventSourceRef = z.infer<typeof EventSourceRefSchema>;

/**
 * One occurrence of an event, normalised. Instants are UTC ISO strings; `startDate` is the
 * calendar date in `timeZone` (for all-day events it is the date itself, never a UTC midnight).
 */
export const EventSchema = lazySchema(() => z.object({
  /** Stable hash of (source id, uid, occurrence start). */
  id: z.string().regex(/^[0-9a-f]{32}$/),
  title: z.string().min(1).max(300),
  start: InstantSchema,
  /** Exclusive end; for all-day events the local midnight after the last day. */
  end: InstantSchema,
  allDay: z.boolean(),
  startDate: LocalDateSchema,
  timeZone: TimeZoneSchema,
  status: z.enum(['confirmed', 'cancelled']),
  online: z.boolean(),
  onlineUrl: HttpUrlSchema.nullable(),
  venue: VenueSchema.nullable(),
  url: HttpUrlSchema.nullable(),
  organizer: z.string().max(200).nullable(),
  description: z.string().max(MAX_DESCRIPTION_LENGTH),
  cost: CostSchema,
  audience: AudienceSchema,
  /** Why the audience was chosen, in a few words ("title mentions job seekers"). */
  audienceReason: z.string().max(200),
  category: CategorySchema,
  /** Fields of interest the event is for (tagged during normalise); empty when none is clear. */
  fields: z.array(FieldIdSchema).max(10).default([]),
  /** How the event was read. */
  provenance: ProvenanceSchema,
  /** For `schedule-text` events, the sentence the occurrence was worked out from; else null. */
  scheduleText: z.string().max(MAX_SCHEDULE_TEXT_LENGTH).nullable(),
  sources: z.array(EventSourceRefSchema).min(1),
  /** Hash of everything above except `id` and `sources`: a changed hash means a changed event. */
  contentHash: z.string().regex(/^[0-9a-f]{32}$/),
}));
export type Event = z.infer<typeof EventSchema>;

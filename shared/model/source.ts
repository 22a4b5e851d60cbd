import * as z from 'zod';
import {
  AudienceSchema,
  CategorySchema,
  HttpUrlSchema,
  OrganisationKindSchema,
  TimeZoneSchema,
} from './common';
import { MAX_SCHEDULE_TEXT_LENGTH } from './event';
import { lazySchema } from './lazy-schema';

/**
 * How to read a plain HTML list that has no structured data: CSS selectors relative to each
 * `item`. `date` (and `time`, if separate) is read as text or from a `datetime`/`content` attribute
 * and interpreted in the source's time zone.
 */
export const SelectorRecipeSchema = lazySchema(() => z
  .object({
    item: z.string().min(1),
    title: z.string().min(1),
    date: z.string().min(1),
    time: z.string().min(1).optional(),
    place: z.string().min(1).optional(),
    link: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
  })
  .strict());
export type SelectorRecipe = z.infer<typeof SelectorRecipeSchema>;

/** Where a source's events happen when they do not say (a career center's office). */
export const DefaultPlaceSchema = lazySchema(() => z
  .object({
    name: z.string().optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    region: z.string().optional(),
    postalCode: z.string().regex(/^\d{5}$/).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .strict());
export type DefaultPlace = z.infer<typeof DefaultPlaceSchema>;

export const SourceSchema = lazySchema(() => z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 long'),
    name: z.string().min(1).max(200),
    kind: OrganisationKindSchema,
    audience: AudienceSchema,
    /** `json`: a platform's public API (The Events Calendar, Squarespace, Localist, LibCal). */
    fetch: z.enum(['ical', 'html', 'json']),
    url: HttpUrlSchema,
    selectors: SelectorRecipeSchema.optional(),
    /**
     * The group's schedule as a sentence ("Meets every Wednesday, 8:30 to 10:30 a.m."), for a group
     * whose page cannot be read or that has none: the entry is then read without fetching, and
     * `url` is only the link a subscriber checks before going.
     */
    schedule: z.string().min(1).max(MAX_SCHEDULE_TEXT_LENGTH).optional(),
    place: DefaultPlaceSchema.optional(),
    /** Overrides the category normalise would infer for every event of this source. */
    category: CategorySchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    tags: z.array(z.string().min(1).max(50)).default([]),
    /** A source that legitimately lists nothing most of the time: `empty` is not a warning. */
    expectEmpty: z.boolean().default(false),
    /** Most events one fetch may list (default 5,000, `DEFAULT_PARSE_BUDGET`); more fails the source as `over-budget`. */
    maxEvents: z.number().int().min(1).max(100_000).optional(),
  })
  .strict());
export type Source = z.infer<typeof SourceSchema>;
export type SourceInput = z.input<typeof SourceSchema>;

/** An entry that carries its own `schedule` is never fetched, so it may leave `fetch` out. */
function withScheduleFetch(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
  if (!('schedule' in entry) || 'fetch' in entry) return entry;
  return { ...entry, fetch: 'html' };
}

export const SourcesFileSchema = lazySchema(() => z
  .object({
    /** Where an editor finds the JSON Schema (`netmix sources schema`); ignored by Netmix. */
    $schema: z.string().optional(),
    region: z
      .object({
        name: z.string().min(1),
        timeZone: TimeZoneSchema,
        /** Where a site owner reaches the operator; goes into the fetcher's User-Agent. */
        contactUrl: HttpUrlSchema.optional(),
        /**
         * Who sends the digests: the name and postal address in every digest's footer (CAN-SPAM asks
         * for a real postal address). The local runner uses it; without it, the region's name.
         */
        operator: z
          .object({
            name: z.string().trim().min(1).max(120),
            postalAddress: z.string().trim().min(5).max(300),
          })
          .strict()
          .optional(),
      })
      .strict(),
    sources: z.array(z.preprocess(withScheduleFetch, SourceSchema)).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.sources.forEach((source, index) => {
      if (seen.has(source.id)) {
        ctx.addIssue({ code: 'custom', path: ['sources', index, 'id'], message: `duplicate source id "${source.id}"` });
      }
      seen.add(source.id);
    });
  }));
export type SourcesFile = z.infer<typeof SourcesFileSchema>;

/** What normalise needs to know about the source an event came from. */
export interface SourceContext {
  id: string;
  name: string;
  kind: Source['kind'];
  audience: Source['audience'];
  category?: Source['category'];
  place?: DefaultPlace;
  timeZone: string;
  /** The sources file's tags ("hr", "technology"): words the fields-of-interest tagger reads. */
  tags?: readonly string[];
}

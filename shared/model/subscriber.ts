import * as z from 'zod';
import { InstantSchema, TimeZoneSchema, ZipSchema } from './common';
import { FieldIdSchema, splitFieldWords } from './fields';
import { lazySchema } from './lazy-schema';

export const MixSchema = lazySchema(() => z.enum(['job-seeker', 'balanced', 'professional']));
export type Mix = z.infer<typeof MixSchema>;

export const SubscriberStatusSchema = lazySchema(() => z.enum(['pending', 'active', 'unsubscribed', 'suppressed']));
export type SubscriberStatus = z.infer<typeof SubscriberStatusSchema>;

/** Lower-cased, trimmed address; at most 254 characters (RFC 5321 path limit). */
export const EmailSchema = lazySchema(() => z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email()));

/** Why a subscriber left, when they said (the unsubscribe page's choice). */
export const UnsubscribeReasonSchema = lazySchema(() => z.enum(['found-a-job', 'too-many-emails', 'not-relevant', 'other']));
export type UnsubscribeReason = z.infer<typeof UnsubscribeReasonSchema>;

export const ConsentSchema = lazySchema(() => z.object({
  at: InstantSchema,
  ip: z.string().max(64).nullable(),
  userAgent: z.string().max(300).nullable(),
  formVersion: z.string().max(40),
}));
export type Consent = z.infer<typeof ConsentSchema>;

/** What a subscriber chooses; also the body of a preferences change. */
export const PreferencesSchema = lazySchema(() => z.object({
  zip: ZipSchema,
  radiusMiles: z.number().int().min(1).max(200).default(25),
  mix: MixSchema.default('balanced'),
  /** Fields of interest by id: they match events' `fields`. */
  fields: z.array(FieldIdSchema).max(10).default([]),
  /** Free words, matched against event text. */
  interests: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  targetEmployers: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  online: z.boolean().default(true),
  digestSize: z.number().int().min(3).max(15).default(8),
}));
export type Preferences = z.infer<typeof PreferencesSchema>;

export const SubscriberSchema = lazySchema(() => PreferencesSchema.extend({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  email: EmailSchema,
  status: SubscriberStatusSchema,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Place name for the subject line ("Lowell"). */
  placeName: z.string().max(100),
  timeZone: TimeZoneSchema,
  consent: ConsentSchema.nullable(),
  /** No digest before this instant (a pause of 1–8 weeks from the preferences page); null when not paused. */
  pausedUntil: InstantSchema.nullable().default(null),
  /** Generation of the personal calendar feed's token: bumping it revokes the old feed address. */
  calendarGeneration: z.number().int().nonnegative().default(0),
  /** The reason given on the unsubscribe page; absent when none was given. */
  unsubscribeReason: UnsubscribeReasonSchema.nullable().optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
}));
export type Subscriber = z.infer<typeof SubscriberSchema>;

/**
 * Before fields had ids, the sign-up's ticked fields were stored among the free words by label
 * (`interests: ["Human resources", "biotech"]`). Read, such a record's labels (or ids) become its
 * `fields` and the other words stay, so nothing stored is lost; the next write stores the new shape.
 */
export function migrateInterestLabels(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || !('interests' in stored)) return stored;
  const { interests } = stored;
  if (!Array.isArray(interests) || !interests.every((word): word is string => typeof word === 'string')) return stored;
  const split = splitFieldWords(interests);
  if (split.fields.length === 0) return stored;
  const existing: unknown[] = 'fields' in stored && Array.isArray(stored.fields) ? stored.fields : [];
  return { ...stored, interests: split.interests, fields: [...existing, ...split.fields.filter((field) => !existing.includes(field))] };
}

/** A subscriber as read back from storage: the current schema after {@link migrateInterestLabels}. */
export const StoredSubscriberSchema = lazySchema(() => z.preprocess(migrateInterestLabels, SubscriberSchema));

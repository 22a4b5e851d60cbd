import * as z from 'zod';
import { lazySchema } from './lazy-schema';

const knownZones = new Map<string, boolean>();
let canonicalZones: ReadonlySet<string> | undefined;

/**
 * True when `zone` is an IANA time-zone name this runtime knows (e.g. `America/New_York`). The
 * runtime's list of canonical zones answers most names in about 2 ms for the first and nothing after;
 * an alias (`US/Eastern`, `Asia/Calcutta`) or a wrong name falls back to building a formatter, whose
 * first construction loads the time-zone data (14–18 ms on Node 20 here, at every cold start that
 * validated a zone in its configuration).
 */
export function isIanaTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid = zone.includes('/') || zone === 'UTC';
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (valid && !canonicalZones.has(zone)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      valid = false;
    }
  }
  // Every schema parse checks the zone; building an Intl formatter each time was most of its cost.
  if (knownZones.size < 1000) knownZones.set(zone, valid);
  return valid;
}

/** An IANA time-zone name. */
export const TimeZoneSchema = lazySchema(() => z.string().refine(isIanaTimeZone, { message: 'not an IANA time zone' }));

/** An absolute http(s) URL without credentials; anything else (javascript:, data:, file:) fails. */
export const HttpUrlSchema = lazySchema(() => z
  .string()
  .max(2048)
  .refine(isSafeHttpUrl, { message: 'must be an http(s) URL without credentials' }));

/** True for an absolute http: or https: URL that carries no user name or password. */
export function isSafeHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
}

/** An ISO-8601 instant in UTC with a trailing `Z` (what `Date.prototype.toISOString` prints). */
export const InstantSchema = lazySchema(() => z.iso.datetime({ offset: false }));

/** A calendar date, `YYYY-MM-DD`. */
export const LocalDateSchema = lazySchema(() => z.iso.date());

/** A US ZIP code, five digits. */
export const ZipSchema = lazySchema(() => z.string().regex(/^\d{5}$/, 'must be a five-digit US ZIP code'));

export const AudienceSchema = lazySchema(() => z.enum(['job-seeker', 'professional']));
export type Audience = z.infer<typeof AudienceSchema>;

export const OrganisationKindSchema = lazySchema(() => z.enum([
  'association',
  'career-center',
  'job-seeker-group',
  'chamber',
  'alumni',
  'meetup-group',
  'library',
  'other',
]));
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const CategorySchema = lazySchema(() => z.enum([
  'job-seeker-group',
  'career-center-workshop',
  'job-fair',
  'professional-association',
  'conference',
  'business-networking',
  'alumni',
  'meetup',
  'volunteering',
  'other',
]));
export type Category = z.infer<typeof CategorySchema>;

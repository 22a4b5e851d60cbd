import * as z from 'zod';

const knownZones = new Map<string, boolean>();

/** True when `zone` is an IANA time-zone name this runtime knows (e.g. `America/New_York`). */
export function isIanaTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid = zone.includes('/') || zone === 'UTC';
  if (valid) {
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
export const TimeZoneSchema = z.string().refine(isIanaTimeZone, { message: 'not an IANA time zone' });

/** An absolute http(s) URL without credentials; anything else (javascript:, data:, file:) fails. */
export const HttpUrlSchema = z
  .string()
  .max(2048)
  .refine(isSafeHttpUrl, { message: 'must be an http(s) URL without credentials' });

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
export const InstantSchema = z.iso.datetime({ offset: false });

/** A calendar date, `YYYY-MM-DD`. */
export const LocalDateSchema = z.iso.date();

/** A US ZIP code, five digits. */
export const ZipSchema = z.string().regex(/^\d{5}$/, 'must be a five-digit US ZIP code');

export const AudienceSchema = z.enum(['job-seeker', 'professional']);
export type Audience = z.infer<typeof AudienceSchema>;

export const OrganisationKindSchema = z.enum([
  'association',
  'career-center',
  'job-seeker-group',
  'chamber',
  'alumni',
  'meetup-group',
  'library',
  'other',
]);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const CategorySchema = z.enum([
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
]);
export type Category = z.infer<typeof CategorySchema>;

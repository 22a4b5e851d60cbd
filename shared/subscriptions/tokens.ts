/**
 * Signed, opaque link tokens (reliability.md SEC-01…03): `base64url(payload).base64url(HMAC-SHA256)`.
 * The payload holds the subscriber id (never the email), the purpose, the issue time, an optional
 * expiry, the key id and, on confirm links, the subscriber's state version, so a link issued before
 * a later change of state (an unsubscribe, a bounce) no longer confirms anything.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { lazySchema } from '../model/lazy-schema';

export const TokenPurposeSchema = lazySchema(() => z.enum(['confirm', 'unsubscribe', 'preferences', 'going', 'not-for-me', 'calendar']));
export type TokenPurpose = z.infer<typeof TokenPurposeSchema>;

/** How long each kind of link works. Unsubscribe links never expire (CAN-SPAM: ≥ 30 days after a send). */
export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number | null> = {
  confirm: 7 * 24 * 3600,
  unsubscribe: null,
  preferences: 90 * 24 * 3600,
  // Feedback links (one per event and choice) outlive the events a digest offers by weeks.
  going: 60 * 24 * 3600,
  'not-for-me': 60 * 24 * 3600,
  // The calendar feed is subscribed to for months; it is revoked by its generation, not by time.
  calendar: null,
};

/** How long a retired key still verifies unsubscribe links signed with it (old digests in inboxes). */
export const RETIRED_KEY_UNSUBSCRIBE_DAYS = 365;

export interface SigningKey {
  id: string;
  secret: string;
}

/** A key taken out of rotation at `retiredAt` (ISO instant): it verifies unsubscribe links only, for a year. */
export interface RetiredKey extends SigningKey {
  retiredAt: string;
}

/** The current key signs; every `previous` key verifies (during a rotation); `retired` keys verify unsubscribe links only. */
export interface TokenKeys {
  current: SigningKey;
  previous?: SigningKey[];
  retired?: RetiredKey[];
}

const PayloadSchema = lazySchema(() => z
  .object({
    s: z.string().regex(/^[0-9a-f]{32}$/),
    p: TokenPurposeSchema,
    i: z.number().int().nonnegative(),
    e: z.number().int().nonnegative().nullable(),
    k: z.string().min(1).max(20),
    v: z.number().int().nonnegative().optional(),
    x: z.string().regex(/^[0-9a-f]{32}$/).optional(),
    g: z.number().int().nonnegative().optional(),
  })
  .strict());

/** What a verified token says. */
export interface TokenClaims {
  subscriberId: string;
  purpose: TokenPurpose;
  /** Epoch seconds. */
  issuedAt: number;
  /** Epoch seconds, or null for a link that never expires. */
  expiresAt: number | null;
  /** The subscriber's state version when a confirm link was issued; null on other links. */
  version: number | null;
  /** The event a feedback link is about; null on other links. */
  eventId: string | null;
  /** The subscriber's `calendarGeneration` a calendar feed link was issued for; null on other links. */
  generation: number | null;
}

/** Any reason a token does not verify; one generic message so callers cannot leak which. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  constructor(readonly reason: 'malformed' | 'signature' | 'purpose' | 'expired') {
    super('invalid or expired link');
  }
}

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** Overrides for a token minted from another one: it may not outlive the token that opened the page. */
export interface SignOptions {
  /** The state version a confirm link is bound to. */
  version?: number;
  /** The event a feedback link (`going`, `not-for-me`) is about: signed with the subscriber, so one subscriber's link never speaks for another. */
  eventId?: string;
  /** The `calendarGeneration` a calendar feed link belongs to. */
  generation?: number;
  /** The claims of the token whose page mints this one: issue time and expiry are capped by them. */
  derivedFrom?: TokenClaims;
}

/**
 * Signs a token for `subscriberId` and `purpose`, issued at `now`. A token derived from another keeps
 * the other's issue time, so its expiry (issue + lifetime) is never later than a fresh link's would
 * have been then, and never later than the other's own expiry.
 */
export function signToken(keys: TokenKeys, subscriberId: string, purpose: TokenPurpose, now: Date, options: SignOptions = {}): string {
  const parent = options.derivedFrom;
  const issued = parent?.issuedAt ?? Math.floor(now.getTime() / 1000);
  const lifetime = TOKEN_LIFETIME_SECONDS[purpose];
  const own = lifetime === null ? null : issued + lifetime;
  const parentExpiry = parent?.expiresAt ?? null;
  const expiry = own === null ? parentExpiry : parentExpiry === null ? own : Math.min(own, parentExpiry);
  const payload = {
    s: subscriberId,
    p: purpose,
    i: issued,
    e: expiry,
    k: keys.current.id,
    ...(options.version !== undefined && { v: options.version }),
    ...(options.eventId !== undefined && { x: options.eventId }),
    ...(options.generation !== undefined && { g: options.generation }),
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${mac(keys.current.secret, encoded).toString('base64url')}`;
}

/** True when a token with these claims would already be expired at `now` (a derived link not worth showing). */
export function isExpired(expiresAt: number | null, now: Date): boolean {
  return expiresAt !== null && Math.floor(now.getTime() / 1000) > expiresAt;
}

/** The key that may verify a token of `purpose` signed with key id `keyId` at `now`, if any. */
function verifyingKey(keys: TokenKeys, keyId: string, purpose: TokenPurpose, now: Date): SigningKey | undefined {
  const active = [keys.current, ...(keys.previous ?? [])].find((candidate) => candidate.id === keyId);
  if (active) return active;
  if (purpose !== 'unsubscribe') return undefined;
  const retired = (keys.retired ?? []).find((candidate) => candidate.id === keyId);
  if (!retired) return undefined;
  const until = Date.parse(retired.retiredAt) + RETIRED_KEY_UNSUBSCRIBE_DAYS * 86_400_000;
  return Number.isFinite(until) && now.getTime() <= until ? retired : undefined;
}

/** Returns the claims when `token` is genuine, meant for `purpose` (or one of them) and not expired at `now`. */
export function readToken(keys: TokenKeys, token: string, purpose: TokenPurpose | readonly TokenPurpose[], now: Date): TokenClaims {
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined || encoded.length > 400) throw new InvalidTokenError('malformed');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('malformed');
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) throw new InvalidTokenError('malformed');
  const payload = parsed.data;
  // The purpose check comes after the signature, but the key choice depends on the claimed purpose:
  // a retired key only ever verifies a token that claims (and, signed, is) an unsubscribe link.
  const key = verifyingKey(keys, payload.k, payload.p, now);
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key?.secret ?? keys.current.secret, encoded);
  const genuine = given.length === expected.length && timingSafeEqual(given, expected);
  if (!key || !genuine) throw new InvalidTokenError('signature');
  const allowed: readonly TokenPurpose[] = typeof purpose === 'string' ? [purpose] : purpose;
  if (!allowed.includes(payload.p)) throw new InvalidTokenError('purpose');
  if (isExpired(payload.e, now)) throw new InvalidTokenError('expired');
  return { subscriberId: payload.s, purpose: payload.p, issuedAt: payload.i, expiresAt: payload.e, version: payload.v ?? null,
    eventId: payload.x ?? null,
    generation: payload.g ?? null,
  };
}

/** Returns the subscriber id when `token` is genuine, meant for `purpose` and not expired at `now`. */
export function verifyToken(keys: TokenKeys, token: string, purpose: TokenPurpose, now: Date): string {
  return readToken(keys, token, purpose, now).subscriberId;
}

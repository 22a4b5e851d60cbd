/**
 * Signed, opaque link tokens (reliability.md SEC-01…03): `base64url(payload).base64url(HMAC-SHA256)`.
 * The payload holds the subscriber id (never the email), the purpose, the issue time, an optional
 * expiry and the key id, so keys can rotate without breaking links already in inboxes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

export const TokenPurposeSchema = z.enum(['confirm', 'unsubscribe', 'preferences']);
export type TokenPurpose = z.infer<typeof TokenPurposeSchema>;

/** How long each kind of link works. Unsubscribe links never expire (CAN-SPAM: ≥ 30 days after a send). */
export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number | null> = {
  confirm: 7 * 24 * 3600,
  unsubscribe: null,
  preferences: 90 * 24 * 3600,
};

export interface SigningKey {
  id: string;
  secret: string;
}

/** The current key signs; every listed key verifies (the previous one stays during a rotation). */
export interface TokenKeys {
  current: SigningKey;
  previous?: SigningKey[];
}

const PayloadSchema = z
  .object({
    s: z.string().regex(/^[0-9a-f]{32}$/),
    p: TokenPurposeSchema,
    i: z.number().int().nonnegative(),
    e: z.number().int().nonnegative().nullable(),
    k: z.string().min(1).max(20),
  })
  .strict();

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

/** Signs a token for `subscriberId` and `purpose`, issued at `now`. */
export function signToken(keys: TokenKeys, subscriberId: string, purpose: TokenPurpose, now: Date): string {
  const issued = Math.floor(now.getTime() / 1000);
  const lifetime = TOKEN_LIFETIME_SECONDS[purpose];
  const payload = { s: subscriberId, p: purpose, i: issued, e: lifetime === null ? null : issued + lifetime, k: keys.current.id };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${mac(keys.current.secret, encoded).toString('base64url')}`;
}

/** Returns the subscriber id when `token` is genuine, meant for `purpose` and not expired at `now`. */
export function verifyToken(keys: TokenKeys, token: string, purpose: TokenPurpose, now: Date): string {
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
  const key = [keys.current, ...(keys.previous ?? [])].find((candidate) => candidate.id === payload.k);
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key?.secret ?? keys.current.secret, encoded);
  const genuine = given.length === expected.length && timingSafeEqual(given, expected);
  if (!key || !genuine) throw new InvalidTokenError('signature');
  if (payload.p !== purpose) throw new InvalidTokenError('purpose');
  if (payload.e !== null && Math.floor(now.getTime() / 1000) > payload.e) throw new InvalidTokenError('expired');
  return payload.s;
}

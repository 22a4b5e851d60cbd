/**
 * How many signups may cause a mail (SEC-10), counted where every Lambda instance sees the same
 * counts (the limits table): per address, with plus-tags and dots folded so `victim+1@…`,
 * `v.ictim@…` count as one inbox; per client address; and a global ceiling of confirmation mails an
 * hour. A limited signup gets the same answer as any other; only the mail is not sent.
 */
import * as z from 'zod';
import { EmailSchema } from '../model/subscriber';
import { lazySchema } from '../model/lazy-schema';

/** The limits, as the config file or environment gives them; every field has a default. */
export const SignupLimitsSchema = lazySchema(() => z
  .object({
    /** At most one mail to an inbox per this many minutes. */
    perAddressIntervalMinutes: z.number().int().min(1).max(24 * 60).default(10),
    /** At most this many mails to an inbox per UTC day. */
    perAddressPerDay: z.number().int().min(1).max(100).default(3),
    /** At most this many signups from one client address per hour. */
    perClientPerHour: z.number().int().min(1).max(100_000).default(20),
    /** At most this many signup mails per hour in all. */
    globalPerHour: z.number().int().min(1).max(10_000_000).default(1_000),
  })
  .strict());
export type SignupLimits = z.infer<typeof SignupLimitsSchema>;

/** The defaults: 1 mail per 10 minutes and 3 a day per inbox, 20 signups an hour per client, 1,000 mails an hour. */
export const DEFAULT_SIGNUP_LIMITS: SignupLimits = SignupLimitsSchema.parse({});

/** Counts one signup; true when it may cause a mail. */
export interface SignupLimiter {
  admit(request: { address: string; clientIp: string | null }, now: Date): Promise<boolean>;
}

/** A limiter that admits everything (benchmark baseline; never for a public form). */
export const UNLIMITED: SignupLimiter = { admit: () => Promise.resolve(true) };

/**
 * The inbox an address reaches, for counting only (never stored): lower-cased, the `+tag` and the
 * dots of the local part dropped. Over-folding (dots matter on some providers) only makes limits
 * stricter, never looser.
 */
export function inboxKey(address: string): string {
  const normalised = EmailSchema.safeParse(address);
  const email = normalised.success ? normalised.data : address.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const local = email.slice(0, at).split('+')[0]?.replaceAll('.', '') ?? '';
  return `${local}@${email.slice(at + 1)}`;
}

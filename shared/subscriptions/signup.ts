/**
 * What a signup does, apart from HTTP. The public form never changes a stored subscriber: a new
 * address is created as pending; a known one is left as it is and its owner gets a mail with a link
 * instead. Every state costs the same work before the answer (the limit count, one conditional
 * create, one deferred job), and the answer is the same page (SEC-04); which mail the job sends, if
 * any, is decided after the answer.
 */
import type { Clock, Mailer, SubscriberStore } from '../ports';
import type { Subscriber } from '../model/subscriber';
import { buildSignupMail, type Operator } from './confirmation-mail';
import type { DeferredWork } from './deferred-work';
import { DEFAULT_DIGEST_SCHEDULE, firstDigestSentence, type DigestSchedule } from './first-digest';
import type { ZipPlace } from './geocode';
import type { LinkBuilder } from './links';
import type { SignupLimiter } from './signup-limits';
import type { SignupInput } from './signup-input';

export interface SignUpDeps {
  subscribers: SubscriberStore;
  mailer: Mailer;
  links: LinkBuilder;
  clock: Clock;
  limiter: SignupLimiter;
  deferred: DeferredWork;
  from: string;
  operator: Operator;
  /** The region's zone, stored on new subscribers. */
  timeZone: string;
  /** When digests go out, for the confirmation mail's "first digest" sentence; default Monday 7 a.m. */
  digestSchedule?: DigestSchedule;
  newId?: () => string;
}

/** What the request did, for logs and tests; never shown to the person who sent the form. */
export interface SignUpOutcome {
  /** The subscriber id that would be created (a known address keeps its own, read later). */
  candidateId: string;
  created: boolean;
  admitted: boolean;
}

/** What the deferred job did. */
export type SignupMailAction = 'confirmation-sent' | 'already-subscribed-sent' | 'limited' | 'suppressed-no-mail' | 'gone';

/** A random 128-bit id as 32 hex digits (Web Crypto, so it runs on any runtime). */
export function newSubscriberId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Signs `input.email` up: counts it against the limits, creates a pending subscriber when the address
 * is new (one conditional write: of concurrent signups of one address exactly one creates), and
 * defers the mail. `onMail` hears what the deferred job did.
 */
export async function signUp(
  input: SignupInput,
  place: ZipPlace,
  clientIp: string | null,
  deps: SignUpDeps,
  onMail: (action: SignupMailAction, subscriberId: string | null) => void = () => undefined,
): Promise<SignUpOutcome> {
  const now = deps.clock.now();
  const { email, ...preferences } = input;
  const candidate: Subscriber = {
    ...preferences,
    ...place,
    id: (deps.newId ?? newSubscriberId)(),
    email,
    status: 'pending',
    timeZone: deps.timeZone,
    consent: null,
    pausedUntil: null,
    calendarGeneration: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const [admitted, created] = await Promise.all([
    deps.limiter.admit({ address: email, clientIp }, now),
    deps.subscribers.create(candidate).then((outcome) => outcome === 'created'),
  ]);
  deps.deferred.defer(async () => {
    const result = await sendSignupMail(email, admitted, now, deps);
    onMail(result.action, result.subscriberId);
  });
  return { candidateId: candidate.id, created, admitted };
}

/**
 * The mail a signup causes, by the address's state now: a pending or unsubscribed address gets a
 * confirm link bound to its current state; an active one an "already subscribed" note; a suppressed
 * one nothing (SEC-05); a limited signup nothing. The job runs after the answer; on Lambda, where
 * the answer waits for it, `settleAtFloor` answers every state at the same floor.
 */
async function sendSignupMail(
  email: string,
  admitted: boolean,
  now: Date,
  deps: SignUpDeps,
): Promise<{ action: SignupMailAction; subscriberId: string | null }> {
  const found = await deps.subscribers.getVersionedByEmail(email);
  if (!found) return { action: 'gone', subscriberId: null };
  const { subscriber, version } = found;
  if (subscriber.status === 'suppressed' || (await deps.subscribers.isErasedSuppressed(email))) {
    return { action: 'suppressed-no-mail', subscriberId: subscriber.id };
  }
  if (!admitted) return { action: 'limited', subscriberId: subscriber.id };
  const common = { to: subscriber.email, placeName: subscriber.placeName, from: deps.from, operator: deps.operator, date: now };
  const message =
    subscriber.status === 'active'
      ? await buildSignupMail({
          ...common,
          kind: 'already-subscribed',
          preferencesUrl: deps.links.preferencesUrl(subscriber.id, now),
          unsubscribeUrl: deps.links.unsubscribeUrl(subscriber.id, now),
        })
      : await buildSignupMail({
          ...common,
          kind: 'confirm',
          confirmUrl: deps.links.confirmUrl(subscriber.id, now, version),
          firstDigest: firstDigestSentence(deps.digestSchedule ?? DEFAULT_DIGEST_SCHEDULE, now, deps.timeZone),
        });
  await deps.mailer.sendRaw(message);
  // A pending address expires 7 days after its last confirm link, not its first.
  if (subscriber.status === 'pending') await deps.subscribers.extendPending(subscriber, now);
  return { action: subscriber.status === 'active' ? 'already-subscribed-sent' : 'confirmation-sent', subscriberId: subscriber.id };
}

/**
 * What a signup does, apart from HTTP: create or refresh a pending subscriber and decide which mail,
 * if any, goes out. The caller answers every outcome with the same page (SEC-04).
 */
import type { Clock, Mailer, SubscriberStore } from '../ports';
import type { Subscriber } from '../model/subscriber';
import { buildSignupMail, type Operator } from './confirmation-mail';
import type { ZipPlace } from './geocode';
import type { LinkBuilder } from './links';
import type { SendThrottle } from './send-throttle';
import type { SignupInput } from './signup-input';

export interface SignUpDeps {
  subscribers: SubscriberStore;
  mailer: Mailer;
  links: LinkBuilder;
  clock: Clock;
  throttle: SendThrottle;
  from: string;
  operator: Operator;
  /** The region's zone, stored on new subscribers. */
  timeZone: string;
  newId?: () => string;
}

/** What happened, for logs and tests; never shown to the person who sent the form. */
export interface SignUpOutcome {
  action: 'confirmation-sent' | 'already-subscribed-sent' | 'throttled' | 'suppressed-no-mail';
  subscriberId: string;
}

/** A random 128-bit id as 32 hex digits (Web Crypto, so it runs on any runtime). */
export function newSubscriberId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Signs `input.email` up. New, pending and unsubscribed addresses become pending with the submitted
 * preferences and get a confirmation link; an active address keeps its preferences (the form is
 * public, so it must not let anyone change them) and gets an "already subscribed" note; a suppressed
 * address gets nothing (SEC-05). Mails to one address are throttled.
 */
export async function signUp(input: SignupInput, place: ZipPlace, deps: SignUpDeps): Promise<SignUpOutcome> {
  const now = deps.clock.now();
  const { email, ...preferences } = input;
  const existing = await deps.subscribers.getByEmail(email);
  if (existing?.status === 'suppressed') return { action: 'suppressed-no-mail', subscriberId: existing.id };

  if (existing?.status === 'active') {
    if (!deps.throttle.tryAcquire(existing.id)) return { action: 'throttled', subscriberId: existing.id };
    await send(deps, {
      kind: 'already-subscribed',
      to: existing.email,
      placeName: existing.placeName,
      preferencesUrl: deps.links.preferencesUrl(existing.id, now),
      unsubscribeUrl: deps.links.unsubscribeUrl(existing.id, now),
    });
    return { action: 'already-subscribed-sent', subscriberId: existing.id };
  }

  const subscriber: Subscriber = {
    ...preferences,
    ...place,
    id: existing?.id ?? (deps.newId ?? newSubscriberId)(),
    email,
    status: 'pending',
    timeZone: existing?.timeZone ?? deps.timeZone,
    consent: existing?.consent ?? null,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
  if (!deps.throttle.tryAcquire(subscriber.id)) return { action: 'throttled', subscriberId: subscriber.id };
  await deps.subscribers.put(subscriber);
  await send(deps, {
    kind: 'confirm',
    to: email,
    placeName: place.placeName,
    confirmUrl: deps.links.confirmUrl(subscriber.id, now),
  });
  return { action: 'confirmation-sent', subscriberId: subscriber.id };
}

type MailFields =
  | { kind: 'confirm'; to: string; placeName: string; confirmUrl: string }
  | { kind: 'already-subscribed'; to: string; placeName: string; preferencesUrl: string; unsubscribeUrl: string };

async function send(deps: SignUpDeps, fields: MailFields): Promise<void> {
  const message = await buildSignupMail({ ...fields, from: deps.from, operator: deps.operator, date: deps.clock.now() });
  await deps.mailer.sendRaw(message);
}

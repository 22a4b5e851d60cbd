/**
 * The state changes the links in our emails make, once the token in the link has been verified.
 * Each is idempotent: a second click (or a mail client's retried one-click POST) changes nothing more.
 */
import type { Clock, SubscriberStore } from '../ports';
import type { Consent, Preferences } from '../model/subscriber';
import type { ZipPlace } from './geocode';

interface ActionDeps {
  subscribers: SubscriberStore;
  clock: Clock;
}

export type ConfirmOutcome = 'activated' | 'already-active' | 'not-pending' | 'unknown';

/**
 * Makes a pending subscriber active and records the consent (EM-33). A subscriber who unsubscribed
 * or bounced after the link was sent is not brought back by an old confirmation link.
 */
export async function confirmSubscription(
  subscriberId: string,
  evidence: Omit<Consent, 'at'>,
  deps: ActionDeps,
): Promise<ConfirmOutcome> {
  const subscriber = await deps.subscribers.get(subscriberId);
  if (!subscriber) return 'unknown';
  if (subscriber.status === 'active') return 'already-active';
  if (subscriber.status !== 'pending') return 'not-pending';
  const now = deps.clock.now().toISOString();
  await deps.subscribers.put({ ...subscriber, status: 'active', consent: { ...evidence, at: now }, updatedAt: now });
  return 'activated';
}

export type UnsubscribeOutcome = 'unsubscribed' | 'already-unsubscribed' | 'suppressed' | 'unknown';

/** Stops all mail to the subscriber (EM-12, EM-16). A suppressed address stays suppressed. */
export async function unsubscribe(subscriberId: string, deps: ActionDeps): Promise<UnsubscribeOutcome> {
  const subscriber = await deps.subscribers.get(subscriberId);
  if (!subscriber) return 'unknown';
  if (subscriber.status === 'unsubscribed') return 'already-unsubscribed';
  if (subscriber.status === 'suppressed') return 'suppressed';
  await deps.subscribers.setStatus(subscriberId, 'unsubscribed', deps.clock.now());
  return 'unsubscribed';
}

/** Stores new preferences with the coordinates of their ZIP code; the status is left as it is. */
export async function savePreferences(
  subscriberId: string,
  preferences: Preferences,
  place: ZipPlace,
  deps: ActionDeps,
): Promise<'saved' | 'unknown'> {
  const subscriber = await deps.subscribers.get(subscriberId);
  if (!subscriber) return 'unknown';
  await deps.subscribers.updatePreferences(subscriberId, { ...preferences, ...place }, deps.clock.now());
  return 'saved';
}

/**
 * The state changes the links in our emails make, once the token in the link has been verified.
 * Each is idempotent: a second click (or a mail client's retried one-click POST) changes nothing more.
 */
import type { Clock, SubscriberStore } from '../ports';
import type { Consent, Preferences } from '../model/subscriber';
import type { ZipPlace } from './geocode';
import type { TokenClaims } from './tokens';

interface ActionDeps {
  subscribers: SubscriberStore;
  clock: Clock;
}

export type ConfirmOutcome = 'activated' | 'already-active' | 'stale' | 'unknown';

/**
 * Makes a pending (or unsubscribed, re-signed-up) subscriber active and records the consent (EM-33),
 * only while its state is the one the link was issued for: a link from before an unsubscribe, a
 * bounce or an earlier confirmation is stale and changes nothing. Links from before state versions
 * (no version in the token) confirm a pending subscriber that never changed state, nothing else.
 */
export async function confirmSubscription(claims: TokenClaims, evidence: Omit<Consent, 'at'>, deps: ActionDeps): Promise<ConfirmOutcome> {
  const found = await deps.subscribers.getVersioned(claims.subscriberId);
  if (!found) return 'unknown';
  const { subscriber, version } = found;
  const issuedFor = claims.version ?? 0;
  // The confirmation itself moves the version on by one: the same link clicked again is a double click.
  if (subscriber.status === 'active') return version === issuedFor + 1 ? 'already-active' : 'stale';
  if (claims.version === null && subscriber.status !== 'pending') return 'stale';
  if (version !== issuedFor) return 'stale';
  const now = deps.clock.now();
  const confirmed = await deps.subscribers.confirm(subscriber.id, issuedFor, { ...evidence, at: now.toISOString() }, now);
  return confirmed ? 'activated' : 'stale';
}

export type UnsubscribeOutcome = 'unsubscribed' | 'already-unsubscribed' | 'suppressed' | 'unknown';

/** Stops all mail to the subscriber's address (EM-12, EM-16). A suppressed address stays suppressed. */
export async function unsubscribe(subscriberId: string, deps: ActionDeps): Promise<UnsubscribeOutcome> {
  const subscriber = await deps.subscribers.get(subscriberId);
  if (!subscriber) return 'unknown';
  if (subscriber.status === 'unsubscribed') return 'already-unsubscribed';
  if (subscriber.status === 'suppressed') return 'suppressed';
  await deps.subscribers.setStatus(subscriber.id, 'unsubscribed', deps.clock.now());
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
  await deps.subscribers.updatePreferences(subscriber.id, { ...preferences, ...place }, deps.clock.now());
  return 'saved';
}

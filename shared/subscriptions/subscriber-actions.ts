/**
 * The state changes the links in our emails make, once the token in the link has been verified.
 * Each is idempotent: a second click (or a mail client's retried one-click POST) changes nothing more.
 */
import type { Clock, DeliveryArchive, DeliveryRecord, SubscriberStore } from '../ports';
import type { Consent, Preferences, Subscriber, UnsubscribeReason } from '../model/subscriber';
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

/**
 * Stops all mail to the subscriber's address (EM-12, EM-16). A suppressed address stays suppressed.
 * A reason given on the page is recorded, also on a second click that adds one.
 */
export async function unsubscribe(subscriberId: string, deps: ActionDeps, reason: UnsubscribeReason | null = null): Promise<UnsubscribeOutcome> {
  const subscriber = await deps.subscribers.get(subscriberId);
  if (!subscriber) return 'unknown';
  if (reason !== null) await deps.subscribers.annotate(subscriber.id, { unsubscribeReason: reason }, deps.clock.now());
  if (subscriber.status === 'unsubscribed') return 'already-unsubscribed';
  if (subscriber.status === 'suppressed') return 'suppressed';
  await deps.subscribers.setStatus(subscriber.id, 'unsubscribed', deps.clock.now());
  return 'unsubscribed';
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Pauses the digest for `weeks` (1–8) from now: no digest is sent before `pausedUntil`. */
export async function pauseDigest(subscriberId: string, weeks: number, deps: ActionDeps): Promise<string> {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 8) throw new RangeError(`a pause is 1 to 8 weeks, not ${weeks}`);
  const now = deps.clock.now();
  const until = new Date(now.getTime() + weeks * WEEK_MS).toISOString();
  await deps.subscribers.annotate(subscriberId, { pausedUntil: until }, now);
  return until;
}

/** Ends a pause now. */
export async function resumeDigest(subscriberId: string, deps: ActionDeps): Promise<void> {
  await deps.subscribers.annotate(subscriberId, { pausedUntil: null }, deps.clock.now());
}

/** Everything stored about a subscriber, as "export my data" hands it over. */
export interface SubscriberExport {
  exportedAt: string;
  subscriber: Subscriber;
  consent: Consent | null;
  deliveries: DeliveryRecord[];
}

/** The subscriber record, its consent and its deliveries. */
export async function exportData(subscriber: Subscriber, deps: ActionDeps & { deliveries: DeliveryArchive }): Promise<SubscriberExport> {
  const deliveries = await deps.deliveries.listFor(subscriber.id);
  return { exportedAt: deps.clock.now().toISOString(), subscriber, consent: subscriber.consent, deliveries };
}

/**
 * "Delete my data": the deliveries first (a failure then leaves the subscriber to try again), then
 * the subscriber and its address item, keeping only the suppression hash (`SubscriberStore.erase`).
 */
export async function eraseData(subscriberId: string, deps: ActionDeps & { deliveries: DeliveryArchive }): Promise<{ deliveries: number }> {
  const deliveries = await deps.deliveries.deleteFor(subscriberId);
  await deps.subscribers.erase(subscriberId, deps.clock.now());
  return { deliveries };
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

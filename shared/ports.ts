/**
 * The small interfaces domain code depends on. AWS clients live only in the adapters that implement
 * them (`shared/store/dynamo-*.ts`, `shared/digest/ses-mailer.ts`), so the same domain code runs on
 * Lambda, in `npm start` and in tests.
 */
import type { FeedbackEntry } from './digest/types';
import type { Audience, Category } from './model/common';
import type { Event } from './model/event';
import type { Consent, Subscriber, SubscriberStatus, Preferences, UnsubscribeReason } from './model/subscriber';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** How one source's run ended. */
export type SourceStatus = 'ok' | 'unchanged' | 'empty' | 'failed' | 'blocked-by-robots' | 'deferred' | 'over-budget';

/** A source's fetch state and health, kept between runs. */
export interface SourceState {
  sourceId: string;
  etag: string | null;
  lastModified: string | null;
  /** sha256 of the last body that parsed: an unchanged body costs no event writes. */
  contentHash: string | null;
  lastStatus: SourceStatus | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  eventsFound: number;
  /** Set after a 429/503 with Retry-After, or from the feed's REFRESH-INTERVAL. */
  notBefore: string | null;
  /**
   * Last local date the stored occurrences were expanded to. A 304 or an identical body still needs a
   * fresh parse once this comes near, or a weekly series would run out of upcoming occurrences.
   */
  horizonEnd: string | null;
  /**
   * When the source left the operator's sources file (see `retireMissingSources`); null or absent while
   * it is listed. A retired source keeps its state and its past events as history.
   */
  retiredAt?: string | null;
}

export interface SyncStats {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** DynamoDB item writes made (PutItem/BatchWrite items/UpdateItem), for the "zero writes" goal. */
  itemWrites: number;
}

/** An event as stored, with its removal mark. */
export interface StoredEvent {
  event: Event;
  /** Set when a successful fetch stopped listing it; history is kept, digests skip it. */
  removedAt: string | null;
}

export interface EventStore {
  /**
   * Make the stored events of `sourceId` match `events` (everything the latest successful fetch lists):
   * new ids are created, a changed `contentHash` is updated, an unchanged one is not written, and stored
   * upcoming events the fetch no longer lists are marked removed (not deleted).
   */
  syncSourceEvents(sourceId: string, events: readonly Event[], now: Date): Promise<SyncStats>;
  listBySource(sourceId: string): Promise<StoredEvent[]>;
  /** Events (not removed) whose local `startDate` is in [fromDate, toDate], both `YYYY-MM-DD`. */
  listStartingBetween(fromDate: string, toDate: string): Promise<Event[]>;
  get(id: string): Promise<Event | null>;
}

export interface SourceStateStore {
  get(sourceId: string): Promise<SourceState | null>;
  put(state: SourceState): Promise<void>;
  list(): Promise<SourceState[]>;
}

/** A subscriber with the version of its state (bumped by every status change and re-creation). */
export interface VersionedSubscriber {
  subscriber: Subscriber;
  version: number;
}

/**
 * Subscribers, one per normalised address: the store holds the address itself as a key, so no race
 * can create a second subscriber for it.
 */
export interface SubscriberStore {
  /**
   * Creates `subscriber` unless its address (or id) is already held: `'exists'` then, and nothing is
   * written. One conditional write, so of any number of concurrent creates exactly one wins.
   */
  create(subscriber: Subscriber): Promise<'created' | 'exists'>;
  /** Creates or replaces (same id, same address); throws when another subscriber holds the address. */
  put(subscriber: Subscriber): Promise<void>;
  get(id: string): Promise<Subscriber | null>;
  getByEmail(email: string): Promise<Subscriber | null>;
  /** The subscriber with its state version (what confirm links are bound to). */
  getVersioned(id: string): Promise<VersionedSubscriber | null>;
  getVersionedByEmail(email: string): Promise<VersionedSubscriber | null>;
  /** Every subscriber with status `active`, through a query (never a scan). */
  listActive(): Promise<Subscriber[]>;
  /** Sets the status of the subscriber's address (every row of it, should an old race have left two). */
  setStatus(id: string, status: SubscriberStatus, now: Date): Promise<void>;
  /**
   * Makes a pending or unsubscribed subscriber active with `consent`, only while its state version is
   * still `version`: false (nothing changed) when the state has moved on since the link was issued.
   */
  confirm(id: string, version: number, consent: Consent, now: Date): Promise<boolean>;
  updatePreferences(id: string, preferences: Preferences & { lat: number; lon: number; placeName: string }, now: Date): Promise<void>;
  /**
   * A pending subscriber was mailed a confirm link at `now`: it (and its address) expires that long
   * after this mail instead of the first one. False (nothing changed) when it is not pending.
   */
  extendPending(subscriber: { id: string; email: string }, now: Date): Promise<boolean>;
  /** Deletes the subscriber and frees its address. */
  delete(id: string): Promise<void>;
  /**
   * Revokes the subscriber's calendar feed address: adds one to `calendarGeneration` in one atomic
   * update (nothing else of the record is written, so a concurrent unsubscribe or preferences change
   * is never undone) and returns the new generation.
   */
  renewCalendar(id: string, now: Date): Promise<number>;
  /** Sets the pause and/or the unsubscribe reason; fields left out are kept. */
  annotate(id: string, values: SubscriberAnnotations, now: Date): Promise<void>;
  /**
   * "Delete my data": removes the subscriber and its address item and keeps only a hash of the
   * normalised address with whether it was suppressed, so a later bounce or complaint is still
   * honoured and a re-sign-up is a new address.
   */
  erase(id: string, now: Date): Promise<void>;
  /** A bounce or complaint for an erased address: marks its hash suppressed; false when none is kept. */
  suppressErased(email: string, now: Date): Promise<boolean>;
  /** Whether the hash of an erased address is marked suppressed (no signup mail to it, SEC-05). */
  isErasedSuppressed(email: string): Promise<boolean>;
  /** Throws when the store cannot be reached (the health check). */
  ping(): Promise<void>;
}

/** The fields `SubscriberStore.annotate` sets. */
export interface SubscriberAnnotations {
  pausedUntil?: string | null;
  unsubscribeReason?: UnsubscribeReason | null;
}

/** What one digest held, to avoid repeating an unchanged event the next week. */
export interface DeliveryRecord {
  subscriberId: string;
  isoWeek: string;
  /** Each event sent; `seriesKey` and `audience` (for the coaches' cadence) are absent on records written before issue 7. */
  events: { id: string; contentHash: string; seriesKey?: string; audience?: Audience }[];
  messageId: string | null;
  claimedAt: string;
  /**
   * Until when the claim's holder may still be sending. A claim past its lease without a message id
   * was left by a run that died between claim and send; a later run takes it over. Null on claims
   * written before leases existed (their lease is then as long as the claimant's).
   */
  leaseUntil: string | null;
}

/** A delivery claim to write: the record before its send, with its lease. */
export type DeliveryClaim = Omit<DeliveryRecord, 'messageId' | 'leaseUntil'> & { leaseUntil: string };

/**
 * How a claim ended: `claimed` (first claim this week) or `taken-over` (an expired claim without a
 * message id) both hand back the `claimId` that `complete` and `release` must present; `sent` means
 * the week's digest went out already; `held` means another run's lease is still live.
 */
export type ClaimResult =
  | { status: 'claimed' | 'taken-over'; claimId: string }
  | { status: 'sent' }
  | { status: 'held'; leaseUntil: string | null };

/** This week's delivery (claimed or sent) and the latest one before it, read together. */
export interface DeliveryLookup {
  current: DeliveryRecord | null;
  previous: DeliveryRecord | null;
  /** The deliveries of up to four ISO weeks before `isoWeek`, newest first (what the cadence reads); absent from stores that do not keep them. */
  recent?: DeliveryRecord[];
}

export interface DeliveryStore {
  /**
   * Conditional write before sending: succeeds when this (subscriber, ISO week) has no claim yet, or
   * only one whose lease expired before `claimedAt` without a message id; otherwise says why not.
   */
  claim(record: DeliveryClaim): Promise<ClaimResult>;
  /** Record the SES message id after a successful send; fails unless `claimId` still holds the claim. */
  complete(subscriberId: string, isoWeek: string, claimId: string, messageId: string): Promise<void>;
  /** Undo a claim whose send failed for good, so a later run can try again; only its holder may. */
  release(subscriberId: string, isoWeek: string, claimId: string): Promise<void>;
  /** The latest delivery strictly before `isoWeek`. */
  previous(subscriberId: string, isoWeek: string): Promise<DeliveryRecord | null>;
  /** `isoWeek`'s own delivery and the latest before it, in one read. */
  lookup(subscriberId: string, isoWeek: string): Promise<DeliveryLookup>;
}

/** A subscriber's deliveries as a whole: for "export my data" and "delete my data". */
export interface DeliveryArchive {
  /** Every delivery of the subscriber, oldest first. */
  listFor(subscriberId: string): Promise<DeliveryRecord[]>;
  /** Deletes every delivery of the subscriber; resolves to how many there were. */
  deleteFor(subscriberId: string): Promise<number>;
}

/**
 * Shared state behind a send rate that several processes pace against: one counter per time
 * window. `tryTake` counts one send in the window starting at `windowStartMs` when fewer than
 * `limit` were counted there, and says whether it did.
 */
export interface RateTokenStore {
  tryTake(windowStartMs: number, limit: number): Promise<boolean>;
}

/** Resolves when one more send may go. */
export interface SendPacer {
  take(): Promise<void>;
}

export interface Mailer {
  /** Sends one raw MIME message; throws `MailerThrottledError` when the provider throttles. */
  sendRaw(message: Uint8Array): Promise<{ messageId: string }>;
  /** Messages per second the account may send (SES GetSendQuota MaxSendRate). */
  maxSendRate(): Promise<number>;
}

/** A send the provider refused for rate or quota; SES drops such a message, so the caller retries. */
export class MailerThrottledError extends Error {
  override readonly name = 'MailerThrottledError';
}

/** How many subscribers' latest choice about an event was `kind`, for events of one category and audience. */
export interface FeedbackCount {
  category: Category;
  audience: Audience;
  kind: FeedbackEntry['kind'];
  count: number;
}

/**
 * What subscribers told the digest: one entry per (subscriber, event), a later choice replacing the
 * earlier. Send-digests reads a subscriber's entries for the cadence; the operator reads the counts.
 */
export interface FeedbackStore {
  /** Records `entry` for `subscriberId`, replacing any earlier choice about the same event. */
  record(subscriberId: string, entry: FeedbackEntry): Promise<void>;
  /** The subscriber's entries, newest `at` first. */
  forSubscriber(subscriberId: string): Promise<FeedbackEntry[]>;
  /** Counts by category × audience × kind of the entries recorded (`at`) in the given ISO weeks (`2026-W49`). */
  counts(isoWeeks: readonly string[]): Promise<FeedbackCount[]>;
}

import { signToken, type SignOptions, type TokenKeys } from './tokens';

/** Builds the links a digest or confirmation mail carries; every link is under the public API base. */
export interface LinkBuilder {
  /** A confirm link bound to the subscriber's current state `version` (void once the state moves on). */
  confirmUrl(subscriberId: string, now: Date, version: number): string;
  unsubscribeUrl(subscriberId: string, now: Date, options?: SignOptions): string;
  preferencesUrl(subscriberId: string, now: Date, options?: SignOptions): string;
  /** A downloadable `.ics` for one event (add to calendar). */
  eventIcsUrl(eventId: string): string;
  /** The digest's "I'm going" and "Not for me" links for one event, signed for this subscriber and event. */
  feedbackUrls(subscriberId: string, eventId: string, now: Date): { going: string; notForMe: string };
  /** The subscriber's personal calendar feed, valid while their `calendarGeneration` is `generation`. */
  calendarFeedUrl(subscriberId: string, generation: number, now: Date): string;
}

/** Links under `baseUrl` (https in production; the local runner uses http://127.0.0.1). */
export function createLinkBuilder(baseUrl: string, keys: TokenKeys): LinkBuilder {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    confirmUrl: (id, now, version) => `${base}/confirm/${signToken(keys, id, 'confirm', now, { version })}`,
    unsubscribeUrl: (id, now, options) => `${base}/u/${signToken(keys, id, 'unsubscribe', now, options)}`,
    preferencesUrl: (id, now, options) => `${base}/preferences/${signToken(keys, id, 'preferences', now, options)}`,
    eventIcsUrl: (eventId) => `${base}/events/${encodeURIComponent(eventId)}.ics`,
    feedbackUrls: (id, eventId, now) => ({
      going: `${base}/f/${signToken(keys, id, 'going', now, { eventId })}`,
      notForMe: `${base}/f/${signToken(keys, id, 'not-for-me', now, { eventId })}`,
    }),
    calendarFeedUrl: (id, generation, now) => `${base}/calendar/${signToken(keys, id, 'calendar', now, { generation })}.ics`,
  };
}

import { signToken, type TokenKeys } from './tokens';

/** Builds the links a digest or confirmation mail carries; every link is under the public API base. */
export interface LinkBuilder {
  confirmUrl(subscriberId: string, now: Date): string;
  unsubscribeUrl(subscriberId: string, now: Date): string;
  preferencesUrl(subscriberId: string, now: Date): string;
  /** A downloadable `.ics` for one event (add to calendar). */
  eventIcsUrl(eventId: string): string;
}

/** Links under `baseUrl` (https in production; the local runner uses http://127.0.0.1). */
export function createLinkBuilder(baseUrl: string, keys: TokenKeys): LinkBuilder {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    confirmUrl: (id, now) => `${base}/confirm/${signToken(keys, id, 'confirm', now)}`,
    unsubscribeUrl: (id, now) => `${base}/u/${signToken(keys, id, 'unsubscribe', now)}`,
    preferencesUrl: (id, now) => `${base}/preferences/${signToken(keys, id, 'preferences', now)}`,
    eventIcsUrl: (eventId) => `${base}/events/${encodeURIComponent(eventId)}.ics`,
  };
}

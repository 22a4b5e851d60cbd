import type { RawEvent } from '../model/raw-event';
import { decodeEntities } from './text';
import { cleanUrl, cleanUrlParts } from './url';

const URL_IN_TEXT = /https?:\/\/[^\s<>"'`)\]]+/gi;
/** Hosts of meeting services: Zoom, Teams, Meet, Webex, GoTo. */
const MEETING_HOST = /(?:^|\.)(?:zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|gotomeeting\.com|meet\.goto\.com|whereby\.com|jit\.si)$/i;
/** "Virtual reality" and "online marketing" are topics, not places. */
const ONLINE_WORDS = /\b(?:online(?! marketing| presence| brand(?:ing)?| reputation| safety| business)|virtual(?:ly)?(?! reality| assistants?| ?machines?| events? (?:planning|planners?|production))|webinars?|zoom|livestream(?:ed)?|live[- ]streamed)\b/i;

/** What the online signals of a raw event add up to. */
export interface OnlineSignals {
  online: boolean;
  /** The meeting link, http(s) and without tracking parameters, when one is given or found. */
  onlineUrl: string | null;
}

/** The first Zoom/Teams/Meet/Webex link in `text`, cleaned; null when none. */
export function findMeetingLink(text: string | null): string | null {
  if (text === null || !text.includes('http')) return null;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const link = cleanUrlParts(decodeEntities(match[0]).replace(/[.,;:!?]+$/, ''));
    if (link !== null && MEETING_HOST.test(link.url.hostname)) return link.href;
  }
  return null;
}

/** True when `text` says "online", "virtual", "webinar" or "Zoom" (not "virtual reality"). */
export function mentionsOnline(text: string | null): boolean {
  return text !== null && ONLINE_WORDS.test(text);
}

/**
 * Reads whether an event happens online: the feed's attendance mode, an explicit online URL,
 * a meeting link in the location, description or URL, or the words "online", "virtual",
 * "webinar", "Zoom" in the title or location. `locationOnlineOnly` is the location parser's
 * verdict that the location names nothing but an online place.
 */
export function detectOnline(raw: RawEvent, locationOnlineOnly: boolean): OnlineSignals {
  const explicit = cleanUrl(raw.onlineUrl);
  const link = explicit ?? findMeetingLink(raw.location) ?? findMeetingLink(raw.url) ?? findMeetingLink(raw.description);
  const online =
    raw.attendanceMode === 'online' || raw.attendanceMode === 'mixed' || link !== null || locationOnlineOnly ||
    mentionsOnline(raw.title) || mentionsOnline(raw.location);
  return { online, onlineUrl: online ? link : null };
}

/** What the digest shows for one event, worked out once for the HTML and the text part. */
import { isSafeHttpUrl } from '../model/common';
import type { Event } from '../model/event';
import { describeSchedule } from '../sources/schedule-text/describe';
import { googleCalendarUrl } from './calendar-links';
import { singleLine, truncate, withoutControls } from './escape';
import { formatCost, formatPlace, formatWhen } from './format';
import type { ChosenEvent, DigestProfile } from './types';

/** Characters of an event's description shown in the digest. */
export const DESCRIPTION_SHOWN = 200;

export interface DigestLinks {
  unsubscribe: string;
  preferences: string;
  eventIcs: (eventId: string) => string;
  /** Signed "I'm going" / "Not for me" pages for one event (GET shows a button, POST records). */
  feedback?: (eventId: string) => { going: string; notForMe: string };
  /** The subscriber's personal calendar feed (`/calendar/<token>.ics`). */
  calendarFeed?: string;
}

export interface Operator {
  name: string;
  postalAddress: string;
  siteUrl?: string;
}

export interface RenderInput {
  subscriber: DigestProfile & { placeName: string };
  chosen: readonly ChosenEvent[];
  windowStart: Date;
  windowDays: number;
  links: DigestLinks;
  operator: Operator;
  /** The opening line from selection (`DigestSelection.opening`). */
  opening?: string;
  /** Events the subscriber marked "I'm going" that are still ahead: one reminder line each. */
  reminders?: readonly ChosenEvent[];
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/** Everything shown for one event, worked out once for both parts. */
export interface EventView {
  id: string;
  title: string;
  url: string | null;
  when: string;
  place: string;
  cost: string | null;
  organiser: string | null;
  why: string;
  description: string;
  googleCalendar: string;
  ics: string | null;
  /**
   * For an event worked out from a schedule sentence, its pattern ("Meets every Wednesday"): the
   * card adds "— check the group's page before you go", linking `url`.
   */
  scheduleNote: string | null;
  /** "I'm going" / "Not for me" links, when the digest has a subscriber to sign them for. */
  feedback: { going: string; notForMe: string } | null;
}

export const SECTION_TITLES = { 'job-seeker': 'For your job search', professional: 'Where professionals meet' } as const;

/** The URL when it is a safe http(s) link, else null. */
export function safeLink(url: string | null | undefined): string | null {
  return typeof url === 'string' && isSafeHttpUrl(url) ? url : null;
}

/**
 * A schedule sentence gives the pattern, not a confirmed date: the digest says so, and points to
 * the group's page (the card's link) for the week's meeting.
 */
function scheduleNoteOf(event: Event): string | null {
  if (event.provenance !== 'schedule-text') return null;
  return event.scheduleText === null ? 'Meets regularly' : describeSchedule(event.scheduleText, [event.title]);
}

/** The view of one chosen event, times in the event's zone. */
export function viewOf(chosen: ChosenEvent, subscriberZone: string, links: DigestLinks): EventView {
  const event: Event = chosen.event;
  const organiser = event.organizer === null ? null : singleLine(event.organizer) || null;
  return {
    id: event.id,
    title: singleLine(event.title),
    url: safeLink(event.url) ?? safeLink(event.onlineUrl),
    when: formatWhen(event, subscriberZone),
    place: formatPlace(event, chosen.distanceMiles),
    cost: formatCost(event.cost),
    organiser,
    why: singleLine(chosen.why),
    description: truncate(singleLine(withoutControls(event.description)), DESCRIPTION_SHOWN),
    googleCalendar: googleCalendarUrl(event),
    ics: safeLink(links.eventIcs(event.id)),
    scheduleNote: scheduleNoteOf(event),
    feedback: links.feedback?.(event.id) ?? null,
  };
}

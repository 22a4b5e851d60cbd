/** What the digest shows for one event, worked out once for the HTML and the text part. */
import { isSafeHttpUrl } from '../model/common';
import type { Event } from '../model/event';
import type { Source } from '../model/source';
import { describeSchedule } from '../sources/schedule-text/describe';
import { calendarFileName, googleCalendarUrl } from './calendar-links';
import { singleLine, truncate, withoutControls } from './escape';
import { formatCost, formatPlace, formatReminderWhen, formatWhen } from './format';
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
  /**
   * What the digest knows of each source by id (its page, its usual place): the details link and
   * the street of an event that names neither. Additive: without it, events show their own fields.
   */
  sources?: ReadonlyMap<string, SourceFacts>;
}

/** The parts of a source a card falls back on. */
export type SourceFacts = Pick<Source, 'url'> & Partial<Pick<Source, 'place'>>;

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
  /** Always a phrase: `Cost not listed` when the source gives none. */
  cost: string;
  /** The event's organiser, else the name of the source that lists it. */
  organiser: string;
  why: string;
  description: string;
  googleCalendar: string;
  ics: string | null;
  /** The calendar file's name (`job-seekers-networking-2026-12-02.ics`), shown as the link text. */
  icsFileName: string;
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

/** The first listing source the digest knows facts of. */
function sourceFactsOf(event: Event, sources: ReadonlyMap<string, SourceFacts> | undefined): SourceFacts | undefined {
  if (sources === undefined) return undefined;
  for (const ref of event.sources) {
    const facts = sources.get(ref.id);
    if (facts !== undefined) return facts;
  }
  return undefined;
}

/** The view of one chosen event, times in the event's zone; `sources` fills what the event leaves out. */
export function viewOf(chosen: ChosenEvent, subscriberZone: string, links: DigestLinks, sources?: ReadonlyMap<string, SourceFacts>): EventView {
  const event: Event = chosen.event;
  const source = sourceFactsOf(event, sources);
  // The schema guarantees one source; its name stands in for an organiser the feed did not give.
  const organiser = singleLine(event.organizer ?? '') || singleLine(event.sources[0]?.name ?? '') || 'the organiser (see details)';
  return {
    id: event.id,
    title: singleLine(event.title),
    url: safeLink(event.url) ?? safeLink(event.onlineUrl) ?? safeLink(source?.url),
    when: formatWhen(event, subscriberZone),
    place: formatPlace(event, chosen.distanceMiles, source?.place),
    cost: formatCost(event.cost),
    organiser,
    why: singleLine(chosen.why),
    description: truncate(singleLine(withoutControls(event.description)), DESCRIPTION_SHOWN),
    googleCalendar: googleCalendarUrl(event),
    ics: safeLink(links.eventIcs(event.id)),
    icsFileName: calendarFileName(event),
    scheduleNote: scheduleNoteOf(event),
    feedback: feedbackOf(links, event.id),
  };
}

/** Both feedback links, or neither: a button that leads nowhere safe is not shown. */
function feedbackOf(links: DigestLinks, eventId: string): EventView['feedback'] {
  const pair = links.feedback?.(eventId);
  if (pair === undefined) return null;
  const going = safeLink(pair.going);
  const notForMe = safeLink(pair.notForMe);
  return going === null || notForMe === null ? null : { going, notForMe };
}

/** `Reminder: you said you're going to Job Club on Tue Dec 8, 6 p.m.` (the event's local time). */
export function reminderLine(event: Event): string {
  const line = `Reminder: you said you're going to ${singleLine(event.title)} on ${formatReminderWhen(event)}`;
  // "6 p.m." already ends the sentence.
  return line.endsWith('.') ? line : `${line}.`;
}

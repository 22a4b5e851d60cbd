/**
 * The personal calendar feed (`/calendar/<token>.ics`, issue 7 part 4): the events the subscriber's
 * preferences select for the next four weeks, plus every event they said they are going to that is
 * still ahead. Selection runs as four weekly digests (`selectDigest`, windowDays 7, windows starting
 * at local midnight today, +7, +14, +21 days in the subscriber's zone), so the feed holds what four
 * digests would offer rather than one long list that a 28-day window would fill from one week.
 * Events the subscriber marked "Not for me" are left out.
 */
import { ICalCalendar } from 'ical-generator';
import type { Event } from '../model/event';
import type { Subscriber } from '../model/subscriber';
import type { EventStore, FeedbackStore } from '../ports';
import { selectDigest } from '../digest/select';
import { addDays, localDateOf, startOfLocalDay } from '../time/zoned';
import { icsEventData } from './event-ics';

/** Weeks the feed looks ahead. */
export const CALENDAR_FEED_WEEKS = 4;
/** How often calendar apps are asked to refresh (REFRESH-INTERVAL and X-PUBLISHED-TTL), in seconds. */
export const CALENDAR_FEED_TTL_SECONDS = 12 * 3600;

/** What the feed reads. */
export interface CalendarFeedDeps {
  events: EventStore;
  feedback?: FeedbackStore | undefined;
}

/** The events of the feed, in start order (then id): selected ones and "going" ones, each once. */
export async function calendarFeedEvents(subscriber: Subscriber, deps: CalendarFeedDeps, now: Date): Promise<Event[]> {
  const zone = subscriber.timeZone;
  const today = localDateOf(now, zone);
  const feedback = deps.feedback ? await deps.feedback.forSubscriber(subscriber.id) : [];
  const notForMe = new Set(feedback.filter((entry) => entry.kind === 'not-for-me').map((entry) => entry.eventId));
  const nowIso = now.toISOString();
  const stored = await deps.events.listStartingBetween(today, addDays(today, CALENDAR_FEED_WEEKS * 7 - 1));
  const candidates = stored.filter((event) => event.start >= nowIso && !notForMe.has(event.id) && event.status !== 'cancelled');
  const chosen = new Map<string, Event>();
  for (let week = 0; week < CALENDAR_FEED_WEEKS; week += 1) {
    const windowStart = startOfLocalDay(addDays(today, week * 7), zone);
    for (const { event } of selectDigest(candidates, subscriber, { windowStart, windowDays: 7, timeZone: zone }).chosen) chosen.set(event.id, event);
  }
  // A "going" event stays in the calendar wherever it is, until it has ended.
  const going = feedback.filter((entry) => entry.kind === 'going' && !chosen.has(entry.eventId));
  const goingEvents = await Promise.all(going.map((entry) => deps.events.get(entry.eventId)));
  for (const event of goingEvents) if (event && event.end >= nowIso) chosen.set(event.id, event);
  return [...chosen.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id.localeCompare(b.id)));
}

/**
 * The feed's `.ics` text: times in UTC, UIDs `<event id>@<uidDomain>` (the deployment's host, so
 * a refresh updates events in place), a calendar name and a 12-hour refresh interval.
 */
export async function buildCalendarFeed(subscriber: Subscriber, deps: CalendarFeedDeps, now: Date, uidDomain: string): Promise<string> {
  const events = await calendarFeedEvents(subscriber, deps, now);
  const calendar = new ICalCalendar({
    prodId: { company: 'Netmix', product: 'Netmix' },
    name: `Networking events near ${subscriber.placeName || subscriber.zip}`,
    description: 'Picked for you by the weekly Netmix digest, and the events you said you are going to.',
    ttl: CALENDAR_FEED_TTL_SECONDS,
  });
  for (const event of events) calendar.createEvent(icsEventData(event, now, uidDomain));
  return calendar.toString();
}

/**
 * The add-to-calendar file for one stored event: a one-event VCALENDAR with UTC times (or dates for
 * all-day events), so every calendar shows the event at the right hour whatever its own zone.
 * ical-generator escapes text and folds lines (UC-07).
 */
import { ICalCalendar, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { calendarFileName } from '../digest/calendar-links';
import type { Event } from '../model/event';
import { localDateOf } from '../time/zoned';

/**
 * The download's `Content-Disposition`: the file named after the event
 * (`attachment; filename="job-seekers-networking-2026-12-02.ics"`), not `event.ics` for every one.
 */
export function icsContentDisposition(event: Pick<Event, 'title' | 'startDate'>): string {
  return `attachment; filename="${calendarFileName(event)}"`;
}

/** Builds the `.ics` text for `event`; `now` is the DTSTAMP. */
export function buildEventIcs(event: Event, now: Date, prodId = { company: 'Netmix', product: 'Netmix' }): string {
  const calendar = new ICalCalendar({ prodId });
  calendar.createEvent(icsEventData(event, now));
  return calendar.toString();
}

/**
 * One event as ical-generator data: UTC instants (or dates when all-day), UID `<event id>@<uidDomain>`
 * (stable across downloads and feed refreshes, so calendars update the event rather than copy it).
 */
export function icsEventData(event: Event, now: Date, uidDomain = 'netmix'): ICalEventData {
  const dates = event.allDay
    ? {
        // All-day events are dates, not instants: a UTC-midnight Date renders as that calendar date.
        start: new Date(`${event.startDate}T00:00:00Z`),
        end: new Date(`${localDateOf(new Date(event.end), event.timeZone)}T00:00:00Z`),
        allDay: true,
      }
    : { start: new Date(event.start), end: new Date(event.end), allDay: false };
  return {
    id: `${event.id}@${uidDomain}`,
    stamp: now,
    ...dates,
    summary: event.title,
    location: locationOf(event),
    url: event.url ?? event.onlineUrl,
    description: descriptionOf(event),
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

function locationOf(event: Event): string | null {
  const venue = event.venue;
  const parts = venue ? [venue.name, venue.address, venue.city, [venue.region, venue.postalCode].filter(Boolean).join(' ')] : [];
  const place = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(', ');
  if (place !== '') return place;
  return event.online ? 'Online' : null;
}

function descriptionOf(event: Event): string {
  const lines = [event.description];
  if (event.online && event.onlineUrl) lines.push(`Online: ${event.onlineUrl}`);
  if (event.organizer) lines.push(`Organizer: ${event.organizer}`);
  return lines.filter((line) => line !== '').join('\n\n');
}

/** Add-to-calendar links for an event (Google Calendar's template URL). */
import { isSafeHttpUrl } from '../model/common';
import type { Event } from '../model/event';
import { localDateOf } from '../time/zoned';
import { singleLine, truncate, withoutControls } from './escape';

/** Description characters carried in the link: long ones would bloat the mail past Gmail's clip. */
const DETAILS_MAX = 300;

function utcStamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Where the event is, as one line for a calendar's location field. */
export function locationLine(event: Event): string {
  const venue = event.venue;
  const parts = [venue?.name, venue?.address, venue?.city, venue?.region].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  if (parts.length > 0) return singleLine(parts.join(', '));
  return event.onlineUrl !== null && isSafeHttpUrl(event.onlineUrl) ? event.onlineUrl : event.online ? 'Online' : '';
}

/**
 * `https://calendar.google.com/calendar/render?action=TEMPLATE&text=…&dates=…&details=…&location=…`;
 * timed events as UTC stamps (`20261201T230000Z/20261202T010000Z`), all-day as dates with an
 * exclusive end (`20261201/20261202`).
 */
export function googleCalendarUrl(event: Event): string {
  const dates = event.allDay
    ? `${event.startDate.replace(/-/g, '')}/${localDateOf(new Date(event.end), event.timeZone).replace(/-/g, '')}`
    : `${utcStamp(event.start)}/${utcStamp(event.end)}`;
  const details = [truncate(withoutControls(event.description).trim(), DETAILS_MAX), event.url !== null && isSafeHttpUrl(event.url) ? event.url : ''].filter((part) => part !== '').join('\n\n');
  return (
    'https://calendar.google.com/calendar/render?action=TEMPLATE' +
    `&text=${encodeURIComponent(singleLine(event.title))}` +
    `&dates=${dates}` +
    `&details=${encodeURIComponent(details)}` +
    `&location=${encodeURIComponent(locationLine(event))}` +
    `&ctz=${encodeURIComponent(event.timeZone)}`
  );
}

/** Longest title part of a calendar file's name, so a long title still gives a readable name. */
const FILE_TITLE_MAX = 60;

/**
 * `job-seekers-networking-2026-12-02.ics`: the event's title in lower-case ASCII words and its
 * local start date, so a downloaded file says what it is (not `event.ics`). Safe in a
 * Content-Disposition filename: only `[a-z0-9-.]`.
 */
export function calendarFileName(event: Pick<Event, 'title' | 'startDate'>): string {
  const words = event.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = words.length <= FILE_TITLE_MAX ? words : words.slice(0, FILE_TITLE_MAX).replace(/-[^-]*$/, '');
  return `${cut === '' ? 'event' : cut}-${event.startDate}.ics`;
}

/**
 * Google Calendar embeds: `<iframe src="https://calendar.google.com/calendar/embed?src=ID&…">`.
 * `ID` is the calendar's id, plain (`abc@group.calendar.google.com`, percent-encoded) or, in the
 * embed code Google has produced since 2020, base64url-encoded; every `src` is one calendar. Its
 * public feed is `https://calendar.google.com/calendar/ical/<ID>/public/basic.ics`.
 */

const CALENDAR_ID = /^[\w.+#-]+@[\w.-]+\.[a-z]{2,}$/i;

/** The calendar id a `src` (or `cid`) parameter stands for, or null when it is neither form. */
export function decodeCalendarId(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (CALENDAR_ID.test(value)) return value;
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(value)) return null;
  const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return CALENDAR_ID.test(decoded) ? decoded : null;
}

/** The public iCal feed of calendar `id`. */
export function googleCalendarFeed(id: string): string {
  return `https://calendar.google.com/calendar/ical/${encodeURIComponent(id)}/public/basic.ics`;
}

/** Every calendar a Google Calendar embed or subscribe URL names, as public feed URLs. */
export function googleCalendarFeeds(href: string): string[] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return [];
  }
  if (url.hostname !== 'calendar.google.com' && url.hostname !== 'www.google.com') return [];
  if (!url.pathname.startsWith('/calendar')) return [];
  const ids = [...url.searchParams.getAll('src'), ...url.searchParams.getAll('cid')]
    .map(decodeCalendarId)
    .filter((id): id is string => id !== null);
  return [...new Set(ids)].map(googleCalendarFeed);
}

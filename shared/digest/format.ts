/** Human wording of an event's time, place and cost, as the digest shows them. */
import type { Cost, Event } from '../model/event';
import { addDays, localDateOf } from '../time/zoned';
import { singleLine } from './escape';

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    formatterCache.set(key, cached);
  }
  return cached;
}

const DAY = { weekday: 'short', month: 'short', day: 'numeric' } as const;
const MONTH_DAY = { month: 'short', day: 'numeric' } as const;

/** `Tue, Dec 1` for a calendar date (`YYYY-MM-DD`), independent of any zone. */
export function formatLocalDate(date: string, withWeekday = true): string {
  const [year, month, day] = date.split('-').map(Number);
  const noon = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
  return formatter('UTC', withWeekday ? DAY : MONTH_DAY).format(noon);
}

/** `6:00 PM` style parts of an instant in a zone. */
function clock(instant: Date, timeZone: string): { time: string; period: string } {
  let time = '';
  let period = '';
  for (const part of formatter(timeZone, { hour: 'numeric', minute: '2-digit', hour12: true }).formatToParts(instant)) {
    if (part.type === 'dayPeriod') period = part.value;
    else if (part.type === 'hour' || part.type === 'minute' || part.type === 'literal') time += part.value;
  }
  return { time: time.trim(), period };
}

/** The zone's short name at `instant` (`EST`, `PDT`, or `GMT+1` where no abbreviation exists). */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = formatter(timeZone, { timeZoneName: 'short' })
    .formatToParts(instant)
    .find((candidate) => candidate.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * When an event happens, in the event's own zone: `Tue, Dec 1 · 6:00–8:00 PM`, with the zone's
 * abbreviation when the subscriber's clocks read differently; all-day `Tue, Dec 1 (all day)`.
 */
export function formatWhen(event: Event, subscriberZone: string): string {
  const start = new Date(event.start);
  const end = new Date(event.end);
  if (event.allDay) {
    const lastDay = addDays(localDateOf(end, event.timeZone), -1);
    const first = formatLocalDate(event.startDate);
    return lastDay > event.startDate ? `${first} – ${formatLocalDate(lastDay)} (all day)` : `${first} (all day)`;
  }
  const startDate = localDateOf(start, event.timeZone);
  const endDate = localDateOf(end, event.timeZone);
  const from = clock(start, event.timeZone);
  const to = clock(end, event.timeZone);
  let text: string;
  if (end.getTime() <= start.getTime()) text = `${formatLocalDate(startDate)} · ${from.time} ${from.period}`;
  else if (endDate !== startDate) {
    text = `${formatLocalDate(startDate)} · ${from.time} ${from.period} – ${formatLocalDate(endDate)} · ${to.time} ${to.period}`;
  } else if (from.period === to.period) text = `${formatLocalDate(startDate)} · ${from.time}–${to.time} ${to.period}`;
  else text = `${formatLocalDate(startDate)} · ${from.time} ${from.period}–${to.time} ${to.period}`;
  const eventZone = zoneAbbreviation(start, event.timeZone);
  return eventZone === zoneAbbreviation(start, subscriberZone) ? text : `${text} ${eventZone}`;
}

/** `Nov 30 – Dec 6`: the first and last day of a window of `days` days starting on `firstDay`. */
export function formatRange(firstDay: string, days: number): string {
  return `${formatLocalDate(firstDay, false)} – ${formatLocalDate(addDays(firstDay, days - 1), false)}`;
}

/** `3 mi`, `under 1 mi`. */
export function formatDistance(miles: number): string {
  return miles < 0.5 ? 'under 1 mi' : `${Math.round(miles)} mi`;
}

/** `Lowell Chamber, Lowell · 3 mi`, `Online`, or both for a hybrid event. */
export function formatPlace(event: Event, distanceMiles: number | null): string {
  const venue = event.venue;
  const where = [venue?.name, venue?.city]
    .filter((part): part is string => typeof part === 'string' && singleLine(part) !== '')
    .map(singleLine)
    .filter((part, index, parts) => parts.indexOf(part) === index)
    .join(', ');
  if (distanceMiles === null) return 'Online';
  const place = `${where || singleLine(venue?.address ?? '') || 'Place on the event page'} · ${formatDistance(distanceMiles)}`;
  return event.online ? `${place} · or online` : place;
}

/** `Free`, `$25`, `Free for job seekers`, the source's words, or null when unknown. */
export function formatCost(cost: Cost): string | null {
  if (cost.kind === 'free') return 'Free';
  if (cost.kind === 'free-for-job-seekers') return 'Free for job seekers';
  if (cost.kind === 'unknown') return null;
  if (cost.amount !== null) {
    const amount = Number.isInteger(cost.amount) ? String(cost.amount) : cost.amount.toFixed(2);
    return cost.currency === 'USD' || cost.currency === null ? `$${amount}` : `${amount} ${cost.currency}`;
  }
  return cost.text === null ? null : singleLine(cost.text).slice(0, 80) || null;
}

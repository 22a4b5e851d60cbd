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

/** Where a source's events happen when they do not say (the source's configured place). */
export interface PlaceFallback {
  address?: string | undefined;
  city?: string | undefined;
}

/** Shown when nothing names a street: the card's details link is where to look. */
export const ADDRESS_NOT_LISTED = 'address not listed — see details';

// A US street address: a house number, one to five words, a street type ("40 Church St", "1 Main Street").
const STREET =
  /\b\d{1,5}[A-Z]?\s+(?:[A-Z0-9][\w'.-]*\s+){0,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Pl|Place|Sq|Square|Ct|Court|Pkwy|Parkway|Hwy|Highway|Plaza|Ter|Terrace|Cir|Circle|Tpke|Turnpike|Row|Wharf|Pike)\b\.?/;

/** The first street address written in `text` ("… meets at 40 Church St, Lowell …"), or null. */
export function findStreetAddress(text: string): string | null {
  return STREET.exec(singleLine(text))?.[0] ?? null;
}

function distinctParts(parts: readonly (string | null | undefined)[]): string[] {
  return parts
    .filter((part): part is string => typeof part === 'string' && singleLine(part) !== '')
    .map(singleLine)
    .filter((part, index, all) => all.findIndex((other) => other.toLowerCase() === part.toLowerCase()) === index)
    // "Computer Lab, Lowell" already names the town: a part that is a comma piece of another goes.
    .filter((part, index, all) => !all.some((other, at) => at !== index && other.toLowerCase().split(/,\s*/).includes(part.toLowerCase()) && other.length > part.length));
}

/**
 * `Lowell Chamber, 131 Central St, Lowell`: the venue with its street and town. A venue known only
 * by a room ("Computer Lab") takes the street from the event's own text or the source's place, and
 * says `address not listed — see details` when nothing names one.
 */
export function formatAddress(event: Event, fallback?: PlaceFallback): string {
  const venue = event.venue;
  const fromText = [venue?.name, event.title, event.description].map((text) => (text ? findStreetAddress(text) : null)).find((found) => found !== null);
  const street = singleLine(venue?.address ?? '') || fromText || singleLine(fallback?.address ?? '') || null;
  const town = singleLine(venue?.city ?? '') || singleLine(fallback?.city ?? '') || null;
  const where = distinctParts([venue?.name, street, town]).join(', ');
  if (street === null) return where === '' ? ADDRESS_NOT_LISTED : `${where} · ${ADDRESS_NOT_LISTED}`;
  return where;
}

/** `Lowell Chamber, 131 Central St, Lowell · 3 mi`, `Online`, or both for a hybrid event. */
export function formatPlace(event: Event, distanceMiles: number | null, fallback?: PlaceFallback): string {
  if (distanceMiles === null) return 'Online';
  const place = `${formatAddress(event, fallback)} · ${formatDistance(distanceMiles)}`;
  return event.online ? `${place} · or online` : place;
}

/** Shown when the source gives no price: an honest gap, not a silent one. */
export const COST_NOT_LISTED = 'Cost not listed';

type PriceGroup = 'member' | 'guest';

// Words for the price a job seeker pays: they are not a member, so a guest / non-member / public price.
const GUEST_WORDS = /\b(?:non[-\s]?members?|guests?|public|general(?:\s+admission)?|visitors?|everyone\s+else|others)\b/i;
const MEMBER_WORDS = /\bmembers?\b/i;
const AMOUNT = /\$\s?(\d{1,4}(?:,\d{3})*(?:\.\d{1,2})?)/;

function money(amount: number): string {
  return `$${Number.isInteger(amount) ? String(amount) : amount.toFixed(2)}`;
}

/**
 * Member and guest prices in the source's words ("$30 members, $40 guests", "Members: $30 /
 * Non-members: $40"): each clause with one amount and one group word. Null for a group not named.
 */
export function parseMemberPrices(text: string): Record<PriceGroup, number | null> {
  const prices: Record<PriceGroup, number | null> = { member: null, guest: null };
  const unlabelled: number[] = [];
  for (const clause of singleLine(text).split(/[,;/|]|\band\b|\bor\b|\)\s*|\s\(/i)) {
    const amount = AMOUNT.exec(clause)?.[1];
    if (amount === undefined) continue;
    const value = Number(amount.replace(/,/g, ''));
    const group: PriceGroup | null = GUEST_WORDS.test(clause) ? 'guest' : MEMBER_WORDS.test(clause) ? 'member' : null;
    if (group === null) unlabelled.push(value);
    else if (prices[group] === null) prices[group] = value;
  }
  // "$20 ($15 members)": the price without a group word is what everyone else pays.
  const general = unlabelled.find((value) => prices.member !== null && value > prices.member);
  if (prices.guest === null && general !== undefined) prices.guest = general;
  return prices;
}

/**
 * `Free`, `Free for job seekers`, `$25`, `$40 for guests (members $30)` where members pay less (a
 * job seeker is a guest: the lowest price would mislead), the source's words, or `Cost not listed`.
 */
export function formatCost(cost: Cost): string {
  if (cost.kind === 'free') return 'Free';
  if (cost.kind === 'free-for-job-seekers') return 'Free for job seekers';
  if (cost.kind === 'unknown') return COST_NOT_LISTED;
  const prices = cost.text === null ? { member: null, guest: null } : parseMemberPrices(cost.text);
  if (prices.guest !== null && prices.member !== null && prices.guest !== prices.member) {
    return `${money(prices.guest)} for guests (members ${money(prices.member)})`;
  }
  if (prices.guest !== null) return `${money(prices.guest)} for guests`;
  if (prices.member !== null) return `${money(prices.member)} for members (guest price not listed)`;
  if (cost.amount !== null) {
    const amount = money(cost.amount);
    return cost.currency === 'USD' || cost.currency === null ? amount : `${amount.slice(1)} ${cost.currency}`;
  }
  return cost.text === null ? COST_NOT_LISTED : singleLine(cost.text).slice(0, 80) || COST_NOT_LISTED;
}

/**
 * `Tue Dec 8, 6 p.m.` (or `6:30 p.m.`) in the event's zone, for a one-line reminder; all-day events
 * give the date alone.
 */
export function formatReminderWhen(event: Event): string {
  const day = formatLocalDate(event.startDate).replace(',', '');
  if (event.allDay) return day;
  const { time, period } = clock(new Date(event.start), event.timeZone);
  const short = time.endsWith(':00') ? time.slice(0, -3) : time;
  return `${day}, ${short} ${period.toLowerCase().replace('am', 'a.m.').replace('pm', 'p.m.')}`;
}

/**
 * The ways a page says it can be read: calendar links, platform markers and embeds. Pure: it reads
 * the page's HTML and URL only; verifying each candidate is `verify.ts`'s job.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { googleCalendarFeeds } from './google-calendar';
import type { FoundCandidate } from './types';

/** Meetup paths that are not a group's name. */
const MEETUP_RESERVED = new Set(['find', 'topics', 'cities', 'login', 'register', 'apps', 'pro', 'help', 'about', 'blog', 'lp', 'media', 'account', 'messages', 'notifications', 'members', 'events', 'home', 'terms', 'privacy', 'cookie-policy', 'start', 'create']);

/** At most this many links of one kind are tried: a page of 200 `.ics` links is an archive, not a feed. */
const MAX_PER_KIND = 6;

function resolve(href: string | undefined, base: string): URL | null {
  if (href === undefined || href.trim() === '') return null;
  const text = href.trim().replace(/^webcal(s?):\/\/([^/?#]*)/i, (_match, secure: string, authority: string) => {
    // webcal: names no transport. Public calendar hosts all serve https; a server on the
    // operator's own machine (a saved copy, an intranet test) often speaks only http.
    const local = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i.test(authority);
    return `${local && secure === '' ? 'http' : 'https'}://${authority}`;
  });
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function platformOfFeed(url: URL): string | null {
  if (url.hostname === 'calendar.google.com') return 'google-calendar';
  if (/(^|\.)meetup\.com$/.test(url.hostname)) return 'meetup';
  if (/\.libcal\.com$/.test(url.hostname)) return 'libcal';
  if (url.searchParams.get('ical') === '1') return 'the-events-calendar';
  return null;
}

function looksLikeIcsLink(url: URL): boolean {
  return /\.ics$/i.test(url.pathname) || url.searchParams.get('ical') === '1' || /\/ical\/?$/i.test(url.pathname) || /ical_subscribe/i.test(url.pathname);
}

function meetupGroupOf(url: URL): string | null {
  if (!/(^|\.)meetup\.com$/.test(url.hostname)) return null;
  const [group] = url.pathname.split('/').filter((part) => part !== '');
  if (group === undefined || MEETUP_RESERVED.has(group.toLowerCase()) || !/^[A-Za-z0-9-]{2,80}$/.test(group)) return null;
  return group;
}

function isEventsCalendarSite($: CheerioAPI, html: string): boolean {
  return /the-events-calendar|tribe-events|tribe_events/i.test(html) || $('[class*="tribe-events"]').length > 0;
}

function isSquarespaceSite(html: string): boolean {
  return /static1\.squarespace\.com|Static\.SQUARESPACE_CONTEXT|<!-- This is Squarespace\. -->/i.test(html);
}

/**
 * Every candidate the page at `pageUrl` points to: `<link rel="alternate" type="text/calendar">`,
 * `webcal:` and `.ics` links, The Events Calendar's iCal export and REST API, Google Calendar
 * embeds (one feed a `src`), Meetup group links, a Localist widget's API, and a Squarespace
 * events collection's JSON. Deduplicated by URL, in the order found.
 */
export function findCandidates(html: string, pageUrl: string): FoundCandidate[] {
  const $ = load(html);
  const found = new Map<string, FoundCandidate>();
  const add = (url: string, candidate: Omit<FoundCandidate, 'url'>): void => {
    if (!found.has(url)) found.set(url, { url, ...candidate });
  };
  const page = new URL(pageUrl);

  $('link[rel~="alternate"][type="text/calendar"]').each((_, element) => {
    const url = resolve($(element).attr('href'), pageUrl);
    if (url) add(url.href, { kind: 'ical', platform: platformOfFeed(url), how: '<link rel="alternate" type="text/calendar"> iCal feed' });
  });

  let icsLinks = 0;
  const meetupGroups = new Set<string>();
  $('a[href]').each((_, element) => {
    const href = $(element).attr('href') ?? '';
    const url = resolve(href, pageUrl);
    if (url === null) return;
    for (const feed of googleCalendarFeeds(url.href)) add(feed, { kind: 'ical', platform: 'google-calendar', how: 'Google Calendar link → its public iCal feed' });
    const group = meetupGroupOf(url);
    if (group !== null) meetupGroups.add(group);
    if ((/^webcals?:/i.test(href.trim()) || looksLikeIcsLink(url)) && icsLinks < MAX_PER_KIND && !url.hostname.endsWith('calendar.google.com')) {
      icsLinks += 1;
      add(url.href, { kind: 'ical', platform: platformOfFeed(url), how: /^webcals?:/i.test(href.trim()) ? 'webcal: link' : '.ics link' });
    }
  });
  const pageGroup = meetupGroupOf(page);
  if (pageGroup !== null) meetupGroups.add(pageGroup);
  for (const group of [...meetupGroups].slice(0, MAX_PER_KIND)) {
    add(`https://www.meetup.com/${group}/events/ical/`, { kind: 'ical', platform: 'meetup', how: `Meetup group "${group}" → its iCal feed` });
  }

  $('iframe[src]').each((_, element) => {
    const url = resolve($(element).attr('src'), pageUrl);
    if (url === null) return;
    for (const feed of googleCalendarFeeds(url.href)) add(feed, { kind: 'ical', platform: 'google-calendar', how: 'Google Calendar embed → its public iCal feed' });
  });

  if (isEventsCalendarSite($, html)) {
    const apiRoot = resolve($('link[rel="https://api.w.org/"]').attr('href'), pageUrl)?.href ?? `${page.origin}/wp-json/`;
    add(`${apiRoot.replace(/\/?$/, '/')}tribe/events/v1/events`, { kind: 'json', platform: 'the-events-calendar', how: 'The Events Calendar REST API' });
    add(`${page.origin}/events/?ical=1`, { kind: 'ical', platform: 'the-events-calendar', how: "The Events Calendar's iCal export" });
  }

  $('script[src]').each((_, element) => {
    const url = resolve($(element).attr('src'), pageUrl);
    if (url === null || !(/localist/i.test(url.href) || /\/widget\/view/.test(url.pathname))) return;
    // A widget served from a CDN still belongs to the page's own Localist instance.
    const origin = /cloudfront|cdn/i.test(url.hostname) ? page.origin : url.origin;
    add(`${origin}/api/2/events?days=90&pp=100`, { kind: 'json', platform: 'localist', how: 'Localist widget → its events API' });
  });

  if (isSquarespaceSite(html)) {
    const collections = new Set<string>([page.pathname]);
    $('a[href]').each((_, element) => {
      const url = resolve($(element).attr('href'), pageUrl);
      if (url !== null && url.origin === page.origin && /(^|\/)(events?|calendar|meetings?)\/?$/i.test(url.pathname)) collections.add(url.pathname);
    });
    for (const path of [...collections].slice(0, 3)) {
      add(`${page.origin}${path}?format=json`, { kind: 'json', platform: 'squarespace', how: 'Squarespace collection JSON' });
    }
  }
  return [...found.values()];
}

/** The page's own name: `og:site_name`, else the part of `<title>` that is not "Events" or "Home". */
export function pageNameOf(html: string): string | null {
  const $ = load(html);
  const site = $('meta[property="og:site_name"]').attr('content')?.trim();
  if (site) return site;
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  if (title === '') return null;
  const parts = title.split(/\s+[|–—-]\s+|\s+»\s+/).map((part) => part.trim()).filter((part) => part !== '');
  const generic = /^(?:home|events?|calendar|upcoming events|meetings?|welcome)$/i;
  return parts.find((part) => !generic.test(part)) ?? parts[0] ?? null;
}

/**
 * Issue 7 parts 3 and 4 against DynamoDB Local: the digest's feedback links (GET records nothing,
 * POST records, forged / cross-subscriber / expired / wrong-purpose tokens change nothing), the
 * personal calendar feed (parsed with ical.js, instants in UTC across both 2026–27 DST changes),
 * its revocation from the preferences page, and `netmix feedback`'s counts.
 */
import ICAL from 'ical.js';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackReport, lastIsoWeeks, weeksFromArgs } from '../../../cli/feedback';
import { seriesKeyOf } from '../../../shared/digest/series';
import type { Event } from '../../../shared/model/event';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { createLinkBuilder, type LinkBuilder } from '../../../shared/subscriptions/links';
import { signToken, type TokenKeys } from '../../../shared/subscriptions/tokens';
import { UNLIMITED } from '../../../shared/subscriptions/signup-limits';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';
import { subscriber } from '../digest/support/digest-fixtures';
import { makeEvent } from '../../unit/digest/make-event';

const BASE = 'http://netmix.test';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A professional event (each its own series and organiser, so no cadence rule drops it). */
function at(seed: string, start: string, end: string, startDate: string, overrides: Partial<Event> = {}): Event {
  return makeEvent(seed, { title: `${seed} chapter meeting`, organizer: `${seed} association`, start, end, startDate, ...overrides });
}

// Autumn: the clock reads Mon 2026-10-26 12:00Z (08:00 EDT); the feed covers Oct 26 – Nov 22.
// Tue Oct 27 18:00 EDT (−4) = 22:00Z; DST ends Sun Nov 1, so Tue Nov 3 18:00 EST (−5) = 23:00Z.
const AUTUMN_NOW = '2026-10-26T12:00:00.000Z';
const beforeFallBack = at('before-fall-back', '2026-10-27T22:00:00.000Z', '2026-10-28T00:00:00.000Z', '2026-10-27');
const afterFallBack = at('after-fall-back', '2026-11-03T23:00:00.000Z', '2026-11-04T01:00:00.000Z', '2026-11-03');
// Wed Nov 4 18:00 EST = 23:00Z: marked "Not for me", so left out of the feed.
const notForMe = at('not-for-me', '2026-11-04T23:00:00.000Z', '2026-11-05T01:00:00.000Z', '2026-11-04', { audience: 'job-seeker', category: 'job-seeker-group' });
// Tue Dec 15 18:00 EST = 23:00Z: beyond the four weeks, in the feed only once marked "going".
const goingLater = at('going-later', '2026-12-15T23:00:00.000Z', '2026-12-16T01:00:00.000Z', '2026-12-15');
// Spring: the clock reads Mon 2027-03-08 12:00Z (07:00 EST). Tue Mar 9 18:00 EST (−5) = 23:00Z;
// DST starts Sun Mar 14, so Tue Mar 16 18:00 EDT (−4) = 22:00Z.
const SPRING_NOW = '2027-03-08T12:00:00.000Z';
const beforeSpring = at('before-spring', '2027-03-09T23:00:00.000Z', '2027-03-10T01:00:00.000Z', '2027-03-09');
const afterSpring = at('after-spring', '2027-03-16T22:00:00.000Z', '2027-03-17T00:00:00.000Z', '2027-03-16');

let stores: DynamoStores;
let keys: TokenKeys;
let links: LinkBuilder;
let now = new Date(AUTUMN_NOW);
let app: ReturnType<typeof createSubscriptionApp>;
const tag = randomBytes(4).toString('hex');
const lee = subscriber(tag, 'lee');
const kim = subscriber(tag, 'kim');

const post = (url: string) => app.request(url, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
const pathOf = (url: string) => url.slice(BASE.length);

function feedEvents(text: string): { uid: string; start: string }[] {
  return ICAL.Component.fromString(text)
    .getAllSubcomponents('vevent')
    .map((vevent) => {
      const event = new ICAL.Event(vevent);
      return { uid: event.uid, start: event.startDate.toJSDate().toISOString() };
    });
}

beforeAll(async () => {
  const services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames, { clock: { now: () => now } });
  keys = { current: { id: 'fb1', secret: randomBytes(32).toString('hex') } };
  links = createLinkBuilder(BASE, keys);
  app = createSubscriptionApp({
    subscribers: stores.subscribers,
    events: stores.events,
    feedback: stores.feedback,
    deliveries: stores.deliveries,
    mailer: { sendRaw: () => Promise.resolve({ messageId: 'x' }), maxSendRate: () => Promise.resolve(1) },
    links,
    keys,
    clock: { now: () => now },
    operator: { name: 'Merrimack Valley Career Center', postalAddress: '107 Merrimack St, Lowell, MA 01852' },
    from: 'Netmix <digest@example.org>',
    siteOrigin: BASE,
    timeZone: 'America/New_York',
    formVersion: 'test',
    logger: quiet,
    limiter: UNLIMITED,
  });
  await stores.events.syncSourceEvents('src-a', [beforeFallBack, afterFallBack, notForMe, goingLater, beforeSpring, afterSpring], now);
  await stores.subscribers.put(lee);
  await stores.subscribers.put(kim);
}, LOCAL_SERVICES_TIMEOUT_MS);

describe('feedback links', () => {
  it('GET shows one button and records nothing; POST records; a later choice replaces the earlier', async () => {
    now = new Date(AUTUMN_NOW);
    const urls = links.feedbackUrls(lee.id, afterFallBack.id, now);
    const page = await app.request(urls.going);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body.match(/<button/g)).toHaveLength(1);
    expect(body).toContain(`action="${pathOf(urls.going)}"`);
    expect(await stores.feedback.forSubscriber(lee.id)).toEqual([]);

    expect((await post(urls.going)).status).toBe(200);
    expect(await stores.feedback.forSubscriber(lee.id)).toEqual([
      {
        eventId: afterFallBack.id,
        kind: 'going',
        seriesKey: seriesKeyOf(afterFallBack),
        organiser: 'after-fall-back association',
        category: 'professional-association',
        audience: 'professional',
        eventStart: '2026-11-03T23:00:00.000Z',
        at: AUTUMN_NOW,
      },
    ]);
    now = new Date('2026-10-26T13:00:00.000Z');
    expect((await post(urls.notForMe)).status).toBe(200);
    expect((await post(urls.notForMe)).status).toBe(200);
    const after = await stores.feedback.forSubscriber(lee.id);
    expect(after.map((entry) => [entry.eventId, entry.kind, entry.at])).toEqual([[afterFallBack.id, 'not-for-me', '2026-10-26T13:00:00.000Z']]);
    // Back to "going" for the calendar cases below.
    expect((await post(urls.going)).status).toBe(200);
    expect((await stores.feedback.forSubscriber(lee.id)).map((entry) => entry.kind)).toEqual(['going']);
  });

  it('forged, cross-subscriber, wrong-purpose and expired tokens change nothing', async () => {
    now = new Date(AUTUMN_NOW);
    const before = await stores.feedback.forSubscriber(lee.id);
    const token = pathOf(links.feedbackUrls(lee.id, goingLater.id, now).notForMe).slice('/f/'.length);
    const [payload = '', signature = ''] = token.split('.');
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const reencode = (change: Record<string, string>) =>
      `${Buffer.from(JSON.stringify({ ...(typeof claims === 'object' ? claims : {}), ...change })).toString('base64url')}.${signature}`;
    const flipped = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const attempts = [
      flipped,
      reencode({ s: kim.id }), // lee's link made to speak for kim
      reencode({ x: notForMe.id }), // lee's link moved to another event
      signToken(keys, lee.id, 'preferences', now), // a genuine token of another purpose
      signToken({ current: { id: 'fb1', secret: 'someone-elses-key-of-enough-length' } }, lee.id, 'not-for-me', now, { eventId: goingLater.id }),
    ];
    for (const attempt of attempts) {
      expect((await app.request(`${BASE}/f/${attempt}`)).status, attempt).toBe(404);
      expect((await post(`${BASE}/f/${attempt}`)).status, attempt).toBe(404);
    }
    // 60 days later the link has expired: 410 with the expired page, nothing recorded.
    now = new Date(Date.parse(AUTUMN_NOW) + 61 * 86_400_000);
    const expired = await post(`${BASE}/f/${token}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    expect(await stores.feedback.forSubscriber(lee.id)).toEqual(before);
    expect(await stores.feedback.forSubscriber(kim.id)).toEqual([]);
  });
});

describe('personal calendar feed', () => {
  it('serves the four weeks picked plus the going events, UTC instants across the Nov 1 2026 change', async () => {
    now = new Date(AUTUMN_NOW);
    expect((await post(links.feedbackUrls(lee.id, notForMe.id, now).notForMe)).status).toBe(200);
    expect((await post(links.feedbackUrls(lee.id, goingLater.id, now).going)).status).toBe(200);
    const response = await app.request(links.calendarFeedUrl(lee.id, 0, now));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^REFRESH-INTERVAL;VALUE=DURATION:PT12H\r$/m);
    expect(text).toMatch(/^X-PUBLISHED-TTL:PT12H\r$/m);
    expect(text).toMatch(/^X-WR-CALNAME:Networking events near Lowell\r$/m);
    expect(feedEvents(text)).toEqual([
      { uid: `${beforeFallBack.id}@netmix.test`, start: '2026-10-27T22:00:00.000Z' },
      { uid: `${afterFallBack.id}@netmix.test`, start: '2026-11-03T23:00:00.000Z' },
      { uid: `${goingLater.id}@netmix.test`, start: '2026-12-15T23:00:00.000Z' },
    ]);
    // Kim marked nothing: the picks only, and never lee's going event.
    const kims = feedEvents(await (await app.request(links.calendarFeedUrl(kim.id, 0, now))).text()).map((event) => event.uid);
    expect(kims).toEqual([`${beforeFallBack.id}@netmix.test`, `${afterFallBack.id}@netmix.test`, `${notForMe.id}@netmix.test`]);
  });

  it('has the right UTC instants across the Mar 14 2027 change, and drops what has ended', async () => {
    now = new Date(SPRING_NOW);
    const text = await (await app.request(links.calendarFeedUrl(lee.id, 0, now))).text();
    expect(feedEvents(text)).toEqual([
      { uid: `${beforeSpring.id}@netmix.test`, start: '2027-03-09T23:00:00.000Z' },
      { uid: `${afterSpring.id}@netmix.test`, start: '2027-03-16T22:00:00.000Z' },
    ]);
  });

  it('a new address from the preferences page revokes the old one; unsubscribing closes the feed', async () => {
    now = new Date(AUTUMN_NOW);
    const old = links.calendarFeedUrl(kim.id, 0, now);
    const preferences = links.preferencesUrl(kim.id, now);
    const page = await (await app.request(preferences)).text();
    expect(page).toContain(old.replaceAll('&', '&amp;'));
    expect(page).toContain(`action="${pathOf(preferences)}/calendar"`);
    const renewed = await post(`${preferences}/calendar`);
    expect(renewed.status).toBe(200);
    const fresh = links.calendarFeedUrl(kim.id, 1, now);
    expect(await renewed.text()).toContain(fresh);
    expect((await stores.subscribers.get(kim.id))?.calendarGeneration).toBe(1);
    expect((await app.request(old)).status).toBe(404);
    expect((await app.request(fresh)).status).toBe(200);
    await stores.subscribers.setStatus(kim.id, 'unsubscribed', now);
    expect((await app.request(fresh)).status).toBe(404);
    expect((await app.request(`${BASE}/calendar/${signToken(keys, kim.id, 'preferences', now)}.ics`)).status).toBe(404);
  });
});

describe('netmix feedback', () => {
  it('counts the latest choices by category, audience and kind', async () => {
    // Lee: going to after-fall-back and going-later (professional association), not for me to the
    // job-seeker group; recorded Oct 26, ISO week 2026-W44.
    now = new Date(AUTUMN_NOW);
    const weeks = lastIsoWeeks(now, 1);
    expect(weeks).toEqual(['2026-W44']);
    expect(weeksFromArgs(['--week'], now)).toEqual(['2026-W44']);
    expect(weeksFromArgs(['--weeks', '3'], now)).toEqual(['2026-W44', '2026-W43', '2026-W42']);
    expect(await stores.feedback.counts(weeks)).toEqual([
      { category: 'job-seeker-group', audience: 'job-seeker', kind: 'not-for-me', count: 1 },
      { category: 'professional-association', audience: 'professional', kind: 'going', count: 2 },
    ]);
    const report = await feedbackReport(stores.feedback, weeks);
    expect(report.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      'Feedback by category and audience (week 2026-W44, UTC weeks)',
      "category audience I'm going Not for me not for me %",
      expect.stringMatching(/^─/),
      'professional-association professional 2 0 0%',
      'job-seeker-group job-seeker 0 1 100%',
      'total 2 1 33%', // 1 of 3 choices
    ]);
    expect(await feedbackReport(stores.feedback, ['2026-W40'])).toBe('No feedback recorded (week 2026-W40).');
  });
});

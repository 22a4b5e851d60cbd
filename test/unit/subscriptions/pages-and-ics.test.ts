import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../../shared/model/event';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { CONTENT_SECURITY_POLICY } from '../../../shared/subscriptions/security-headers';
import { createHarness, SITE_ORIGIN } from './support/memory-ports';

const TIMED: Event = {
  id: '1234567890abcdef1234567890abcdef',
  title: 'Wednesday Is Networking Day; Lowell, MA',
  // 18:00 EST (−5) on 2 Dec 2026 = 23:00Z; 20:00 EST = 01:00Z on 3 Dec.
  start: '2026-12-02T23:00:00.000Z',
  end: '2026-12-03T01:00:00.000Z',
  allDay: false,
  startDate: '2026-12-02',
  timeZone: 'America/New_York',
  status: 'confirmed',
  online: false,
  onlineUrl: null,
  venue: { name: 'Pollard Library', address: '401 Merrimack St', city: 'Lowell', region: 'MA', postalCode: '01852', lat: 42.64, lon: -71.31 },
  url: 'https://example.org/events/wind',
  organizer: 'WIND Lowell',
  description: 'Bring résumés.\nFree for job seekers.',
  cost: { kind: 'free', amount: null, currency: null, text: null },
  audience: 'job-seeker',
  audienceReason: 'title mentions networking day',
  category: 'job-seeker-group',
  fields: [],
  provenance: 'ical',
  scheduleText: null,
  sources: [{ id: 'wind', name: 'WIND', uid: 'wind-1' }],
  contentHash: 'abcdefabcdefabcdefabcdefabcdefab',
};

const ALL_DAY: Event = {
  ...TIMED,
  id: 'fedcba0987654321fedcba0987654321',
  title: 'Regional job fair',
  allDay: true,
  startDate: '2026-12-05',
  // Local midnights: 5 Dec 00:00 EST (−5) = 05:00Z; the exclusive end 6 Dec 00:00 EST = 05:00Z on 6 Dec.
  start: '2026-12-05T05:00:00.000Z',
  end: '2026-12-06T05:00:00.000Z',
  category: 'job-fair',
  fields: [],
};

describe('security headers', () => {
  it('sets CSP, nosniff, no-referrer and frame-ancestors none on pages, errors, JSON and .ics', async () => {
    const h = createHarness([TIMED]);
    const app = createSubscriptionApp(h.deps);
    const responses = await Promise.all([
      app.request('/'),
      app.request('/health'),
      app.request('/nowhere'),
      app.request('/u/bad-token'),
      app.request(`/events/${TIMED.id}.ics`),
      app.request('/subscribe', { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE_ORIGIN }, body: '{' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 404, 200, 400]);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('serves a signup page with a labelled field for every input and no script or external asset', async () => {
    const html = await (await createSubscriptionApp(createHarness().deps).request('/')).text();
    expect(html).not.toMatch(/<script|src="http|href="http/);
    for (const id of ['email', 'zip', 'radiusMiles', 'targetEmployers', 'digestSize']) {
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('name="viewport"');
  });

  it('answers /health with JSON', async () => {
    const response = await createSubscriptionApp(createHarness().deps).request('/health');
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /events/:id.ics', () => {
  const app = createSubscriptionApp(createHarness([TIMED, ALL_DAY]).deps);

  it('serves a timed event in UTC with summary, location, URL and description that round-trip', async () => {
    const response = await app.request(`/events/${TIMED.id}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    // Named after the event and its local date, not `event.ics` for every download.
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="wednesday-is-networking-day-lowell-ma-2026-12-02.ics"');
    const text = await response.text();
    expect(text).toContain('DTSTART:20261202T230000Z');
    expect(text).toContain('DTEND:20261203T010000Z');
    const vevent = ICAL.Component.fromString(text).getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Wednesday Is Networking Day; Lowell, MA');
    expect(event.location).toBe('Pollard Library, 401 Merrimack St, Lowell, MA 01852');
    expect(event.description).toBe('Bring résumés.\nFree for job seekers.\n\nOrganizer: WIND Lowell');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://example.org/events/wind');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-02T23:00:00.000Z');
  });

  it('serves an all-day event as dates: 5 Dec with the exclusive end 6 Dec', async () => {
    const text = await (await app.request(`/events/${ALL_DAY.id}.ics`)).text();
    expect(text).toContain('DTSTART;VALUE=DATE:20261205');
    expect(text).toContain('DTEND;VALUE=DATE:20261206');
  });

  it('answers 404 for an unknown id and for a malformed one', async () => {
    expect((await app.request(`/events/${'0'.repeat(32)}.ics`)).status).toBe(404);
    expect((await app.request('/events/..%2F..%2Fetc.ics')).status).toBe(404);
    expect((await app.request(`/events/${TIMED.id}`)).status).toBe(404);
  });
});

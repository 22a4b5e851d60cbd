/** `discoverSources` against a real HTTP server on 127.0.0.1 serving a homepage with five candidates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSources, type Discovery } from '../../../shared/discover';
import type { Fetcher } from '../../../shared/fetch';
import { SourceSchema } from '../../../shared/model/source';
import type { HttpFixture } from '../../support/http-fixtures';
import { DISCOVERY_NOW, localOnlyFetcher, startJobSeekerSite } from './site';

describe('sources discover on a homepage with five candidates', () => {
  let server: HttpFixture;
  let fetcher: Fetcher;
  let discovery: Discovery;

  beforeAll(async () => {
    server = await startJobSeekerSite();
    fetcher = localOnlyFetcher(server);
    discovery = await discoverSources(server.url('/'), { fetcher, now: DISCOVERY_NOW, timeZone: 'America/New_York' });
  });

  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  it('finds all five, verifies the four it can reach, and ranks the platform API, then feeds, then the page', () => {
    // Window Oct 15 2026 – Jan 13 2027. REST page 1: Oct 29 22:00Z and Nov 5 14:00Z (2 events);
    // iCal export: Oct 29, Nov 5, Nov 12 (3); job club: Oct 21 (1); JSON-LD: Nov 4 08:00 EST (1).
    const google = 'https://calendar.google.com/calendar/ical/c_0a1b2c3d4e5f%40group.calendar.google.com/public/basic.ics';
    expect(discovery.candidates.map((candidate) => [candidate.url, candidate.kind, candidate.platform, candidate.verified, candidate.events])).toEqual([
      [server.url('/wp-json/tribe/events/v1/events'), 'json', 'the-events-calendar', true, 2],
      [server.url('/events/?ical=1'), 'ical', 'the-events-calendar', true, 3],
      [server.url('/club/job-club.ics'), 'ical', null, true, 1],
      [server.url('/'), 'html', null, true, 1],
      [google, 'ical', 'google-calendar', false, null],
    ]);
    expect(discovery.candidates[0]?.note).toMatch(/more pages follow/);
    expect(discovery.candidates[3]?.note).toMatch(/marked up on the page/);
    // Offline, Google's host does not resolve: the note says what failed, not just "no".
    expect(discovery.candidates[4]?.note).toMatch(/Google Calendar embed.*(robots|network|ENOTFOUND)/);
  });

  it('fetched politely: robots.txt asked first, one request at a time, each candidate once', () => {
    expect(server.requests[0]?.path).toBe('/robots.txt');
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
    expect(server.maxConcurrentRequests).toBe(1);
    expect(server.requestsTo('/wp-json/tribe/events/v1/events')).toHaveLength(1);
    expect(server.requestsTo('/events/')).toHaveLength(1);
    expect(server.requestsTo('/')).toHaveLength(1);
  });

  it('suggests a valid sources-file entry for the best candidate, with id, kind and audience from the name', () => {
    expect(discovery.suggested).toEqual({
      id: 'merrimack-valley-job-seekers',
      name: 'Merrimack Valley Job Seekers',
      kind: 'job-seeker-group',
      audience: 'job-seeker',
      fetch: 'json',
      url: server.url('/wp-json/tribe/events/v1/events'),
    });
    expect(SourceSchema.safeParse(discovery.suggested).success).toBe(true);
  });

  it('on a page with nothing to read returns an empty list and no suggestion', async () => {
    server.route('/plain', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Contact us</title><p>Call us on weekdays.</p>');
    });
    const empty = await discoverSources(server.url('/plain'), { fetcher, now: DISCOVERY_NOW, timeZone: 'America/New_York' });
    expect(empty).toEqual({ candidates: [], suggested: null });
  });

  it('given the feed itself, lists it as the one candidate', async () => {
    const feed = await discoverSources(server.url('/club/job-club.ics'), { fetcher, now: DISCOVERY_NOW, timeZone: 'America/New_York' });
    expect(feed.candidates.map((candidate) => [candidate.url, candidate.kind, candidate.platform, candidate.verified, candidate.events])).toEqual([[server.url('/club/job-club.ics'), 'ical', null, true, 1]]);
    expect(feed.candidates[0]?.note).toMatch(/1 upcoming event\b/);
    expect(feed.suggested).toMatchObject({ name: 'Job Club', fetch: 'ical' });
  });
});

/**
 * A job-seeker group's WordPress site on 127.0.0.1: a homepage with five ways to read it, The
 * Events Calendar's iCal export and paged REST API, and a job club's webcal feed.
 */
import { readFileSync } from 'node:fs';
import { buildUserAgent, createFetcher, type Fetcher, type FetcherOptions } from '../../../shared/fetch';
import { buildIcs } from '../../support/ics-builder';
import { respond, startHttpFixture, type HttpFixture, type RouteHandler } from '../../support/http-fixtures';

/** Thu Oct 15 2026 14:00Z: the 90-day window runs to Jan 13 2027, across the November DST change. */
export const DISCOVERY_NOW = new Date('2026-10-15T14:00:00Z');

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The Events Calendar's REST API: page 2 when `?page=2`, else page 1; fixture origins rebased. */
function restApi(origin: string): RouteHandler {
  const pages = [read('test/fixtures/platforms/tribe-events-page-1.json'), read('test/fixtures/platforms/tribe-events-page-2.json')].map((text) => text.replaceAll('https://example.org', origin));
  return (request, response) => {
    const page = new URL(request.url ?? '/', origin).searchParams.get('page') === '2' ? pages[1] : pages[0];
    response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
    response.end(page);
  };
}

/** Starts the site; every path of the homepage's five candidates answers. */
export async function startJobSeekerSite(): Promise<HttpFixture> {
  const server = await startHttpFixture({ '/robots.txt': respond(404) });
  const html = read('test/fixtures/discover/homepage-five-candidates.html').replaceAll('ORIGIN', server.origin).replaceAll('HOSTPORT', `127.0.0.1:${server.port}`);
  server.route('/', respond(200, html, { 'content-type': 'text/html; charset=utf-8' }));
  server.route('/events/', respond(200, buildIcs('Merrimack Valley Job Seekers', [
    { uid: 'mvjs-1', title: 'Job Seekers Networking', start: '2026-10-29T22:00:00Z' },
    { uid: 'mvjs-2', title: 'Résumé Review', start: '2026-11-05T14:00:00Z' },
    { uid: 'mvjs-3', title: 'Career Fair', start: '2026-11-12T15:00:00Z' },
  ]), { 'content-type': 'text/calendar' }));
  server.route('/wp-json/tribe/events/v1/events', restApi(server.origin));
  server.route('/club/job-club.ics', respond(200, buildIcs('Job Club', [{ uid: 'club-1', title: 'Job Club', start: '2026-10-21T13:00:00Z' }]), { 'content-type': 'text/calendar' }));
  return server;
}

/**
 * A fetcher that may reach `server` (the test-only loopback allowance) and nothing else: every
 * other host fails to resolve at once, so no test can reach the internet even on a machine that has it.
 */
export function localOnlyFetcher(server: HttpFixture, overrides: Partial<FetcherOptions> = {}): Fetcher {
  return createFetcher({
    userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/contact' }),
    allowLoopback: { ports: [server.port] },
    perHostDelayMs: 0,
    timeouts: { connectMs: 1000, headersMs: 2000, bodyIdleMs: 2000, totalMs: 5000 },
    resolve: (hostname) => (hostname === '127.0.0.1' ? Promise.resolve(['127.0.0.1']) : Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }))),
    ...overrides,
  });
}

/**
 * The bundled sample region (eastern Massachusetts and southern New Hampshire): every feed and page
 * generated for the day it is served, so the demo always has next week's events.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  afterWorkMixersPage,
  andoverJobSeekersPage,
  biotechProfessionalsPage,
  cambridgeLibraryPage,
  greaterLowellChamberPage,
  hrSummitPage,
  merrimackCareerCenterPage,
  riverHawkAlumniPage,
  seacoastTransitionPage,
  womenInTechVirtualPage,
} from './html-pages';
import {
  actonNetworkingFeed,
  bostonHrFeed,
  bostonProductMeetupFeed,
  graniteSoftwareGuildFeed,
  nashuaTechMeetupFeed,
  natickWednesdayFeed,
} from './ics-feeds';

/** The origin `sample/sources.json` points at; the local runner serves the region there. */
export const SAMPLE_ORIGIN = 'http://127.0.0.1:4480';

const ICS = 'text/calendar; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

const routes: Record<string, { type: string; body: (today: string) => string }> = {
  '/feeds/natick-wednesday.ics': { type: ICS, body: natickWednesdayFeed },
  '/feeds/acton-networking.ics': { type: ICS, body: actonNetworkingFeed },
  '/feeds/boston-hr.ics': { type: ICS, body: bostonHrFeed },
  '/feeds/boston-product-meetup.ics': { type: ICS, body: bostonProductMeetupFeed },
  '/feeds/nashua-tech-meetup.ics': { type: ICS, body: nashuaTechMeetupFeed },
  '/feeds/granite-software-guild.ics': { type: ICS, body: graniteSoftwareGuildFeed },
  '/careers/workshops': { type: HTML, body: merrimackCareerCenterPage },
  '/seacoast/meetings': { type: HTML, body: seacoastTransitionPage },
  '/chamber/events': { type: HTML, body: greaterLowellChamberPage },
  '/biotech/events': { type: HTML, body: biotechProfessionalsPage },
  '/mixers': { type: HTML, body: afterWorkMixersPage },
  '/alumni/events': { type: HTML, body: riverHawkAlumniPage },
  '/library/careers': { type: HTML, body: cambridgeLibraryPage },
  '/wit/negotiating': { type: HTML, body: womenInTechVirtualPage },
  '/summit': { type: HTML, body: hrSummitPage },
  '/andover/job-seekers': { type: HTML, body: andoverJobSeekersPage },
};

/** Paths the sample serves, for tests. */
export const SAMPLE_PATHS = Object.keys(routes);

export interface SampleRegionServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** Requests served, by path (for tests and the summary). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Serves the sample region on 127.0.0.1 with ETags (a second fetch on the same day gets a 304) and a
 * robots.txt that allows Netmix. `today` (`YYYY-MM-DD`) is read on every request.
 */
export async function serveSampleRegion(options: { port?: number; today: () => string }): Promise<SampleRegionServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/robots.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('User-agent: *\nDisallow: /admin/\n\nUser-agent: Netmix\nAllow: /\n');
      return;
    }
    const route = routes[path];
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found\n');
      return;
    }
    const body = route.body(options.today());
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': route.type, etag, 'cache-control': 'max-age=3600' });
    response.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

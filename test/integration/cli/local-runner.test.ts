/**
 * The local runner keeps regions apart and shares its servers: `npm start` on the sample region, then
 * `npm start -- --sources my-region.json` (a smaller region with its own operator) retires the sample's
 * other sources, stops the demo subscribers and signs as the new operator; `send-digests` run beside it
 * uses its DynamoDB Local and local SES (found through `.netmix/local.json`). Real parts throughout:
 * DynamoDB Local (started by the runner, data under a temporary NETMIX_DIR), the local SES, the
 * sample region's HTTP server on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../cli/demo-subscribers';
import type { Io } from '../../../cli/io';
import { openLocalStore } from '../../../cli/local-runtime';
import { findRunningStack, readLocalRegion } from '../../../cli/local-runtime-file';
import { runSendDigests } from '../../../cli/send-digests';
import { runStart } from '../../../cli/start';
import { fetchSesStore } from '../../../shared/local/ses-local';
import { SourcesFileSchema } from '../../../shared/model/source';
import { addDays, localDateOf } from '../../../shared/time/zoned';
import { geocodeZip } from '../../../shared/subscriptions/geocode';

const KEPT = ['natick-wednesday', 'acton-networking'];
const OPERATOR = { name: 'Pioneer Valley Career Hub', postalAddress: '1 Court Sq, Springfield, MA 01103' };
const SUBSCRIBER_EMAIL = 'robin.pioneer@example.com';

function captureIo(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(line), err: (line) => lines.push(line), now: () => new Date() };
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, timeoutMs = 150_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start with another region, and send-digests beside it', () => {
  let dir: string;
  const previousDir = process.env.NETMIX_DIR;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netmix-runner-'));
    process.env.NETMIX_DIR = join(dir, '.netmix');
  });
  afterAll(async () => {
    if (previousDir === undefined) delete process.env.NETMIX_DIR;
    else process.env.NETMIX_DIR = previousDir;
    await rm(dir, { recursive: true, force: true });
  });

  it('retires the sources the new file drops, mails only its subscribers as its operator, and lets send-digests use the running store', { timeout: 300_000 }, async () => {
    // 1. The sample region, once: demo subscribers seeded, the sample operator remembered.
    const first = captureIo();
    expect(await runStart(['--once'], first)).toBe(0);
    expect(first.lines.join('\n')).toContain('Added 4 demo subscribers');
    expect((await readLocalRegion())?.operator.name).toBe('Merrimack Valley Career Center (sample operator)');

    // 2. my-region.json: two of the sample's sources under another region and operator.
    const sample = SourcesFileSchema.parse(JSON.parse(await readFile('sample/sources.json', 'utf8')));
    const mine = {
      region: { name: 'Pioneer Valley (test region)', timeZone: 'America/New_York', operator: OPERATOR },
      sources: sample.sources.filter((source) => KEPT.includes(source.id)),
    };
    expect(mine.sources).toHaveLength(2);
    const myFile = join(dir, 'my-region.json');
    await writeFile(myFile, JSON.stringify(mine));

    const controller = new AbortController();
    const second = captureIo();
    const running = runStart(['--sources', myFile], second, { signal: controller.signal });
    try {
      await until('the second start to finish its week', () => (second.lines.some((line) => line.includes('press Ctrl-C')) ? true : null));
      const stack = await until('.netmix/local.json', findRunningStack);
      expect(stack.pid).toBe(process.pid);
      expect(second.lines.join('\n')).toMatch(/Retired 15 stored sources no longer in .*my-region\.json/);
      expect(second.lines.join('\n')).toContain("Unsubscribed the sample region's 4 demo subscribers");

      // openLocalStore attaches to the running DynamoDB Local (a second one on the same data directory would fail).
      const local = await openLocalStore();
      try {
        expect(local.runningStack?.pid).toBe(process.pid);
        expect(local.endpoint).toBe(stack.dynamoEndpoint);
        const states = await local.stores.sources.list();
        expect(states).toHaveLength(17);
        for (const state of states) {
          if (KEPT.includes(state.sourceId)) expect(state.retiredAt ?? null).toBeNull();
          else expect(state.retiredAt, state.sourceId).toMatch(/^\d{4}-\d\d-\d\dT/);
        }
        // A retired source keeps its events as history, upcoming ones marked removed.
        const bostonHr = await local.stores.events.listBySource('boston-hr');
        const upcoming = bostonHr.filter((stored) => Date.parse(stored.event.start) > Date.now());
        expect(upcoming.length).toBeGreaterThan(0);
        for (const stored of upcoming) expect(stored.removedAt).not.toBeNull();
        // What a digest can pick from: only events a kept source lists. Those that have started are
        // history the retirement leaves as it was (between 00:00Z and 05:00Z an evening event of
        // "today" in New York has already started), so only the ones still ahead are compared.
        const today = localDateOf(new Date(), 'America/New_York');
        const listed = (await local.stores.events.listStartingBetween(today, addDays(today, 30))).filter((event) => Date.parse(event.start) > Date.now());
        expect(listed.length).toBeGreaterThan(0);
        for (const event of listed) expect(event.sources.some((source) => KEPT.includes(source.id)), event.id).toBe(true);
        for (const email of DEMO_EMAILS) expect((await local.stores.subscribers.getByEmail(email))?.status).toBe('unsubscribed');

        // A subscriber of the new region (as the sign-up page would leave one, confirmed).
        const place = geocodeZip('01760');
        if (!place) throw new Error('01760 is not in the gazetteer');
        const at = new Date().toISOString();
        await local.stores.subscribers.put({
          id: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5', email: SUBSCRIBER_EMAIL, status: 'active', zip: '01760', radiusMiles: 30,
          mix: 'balanced', interests: [], fields: [], targetEmployers: [], online: true, digestSize: 8, pausedUntil: null,
          calendarGeneration: 0, lat: place.lat, lon: place.lon, placeName: place.placeName, timeZone: 'America/New_York',
          consent: { at, ip: null, userAgent: 'test', formVersion: 'test' }, createdAt: at, updatedAt: at,
        });
      } finally {
        await local.stop();
      }

      // 3. send-digests beside the running start: its store, its SES, the region's operator.
      const beside = captureIo();
      expect(await runSendDigests([], beside)).toBe(0);
      expect(beside.lines.join('\n')).toContain(`Using the running \`npm start\` (pid ${process.pid})`);
      // aws-ses-v2-local keeps one store per process, and the first start ran in this one: count only
      // mail from the second start on (its record's startedAt; the first run's mail is seconds older).
      const since = Math.floor(Date.parse(stack.startedAt) / 1000);
      const mails = (await fetchSesStore(stack.sesEndpoint)).filter((mail) => mail.at >= since);
      const ours = mails.filter((mail) => mail.destination.to.includes(SUBSCRIBER_EMAIL));
      expect(ours).toHaveLength(1);
      const text = ours[0]?.body.text ?? '';
      expect(text).toContain(OPERATOR.name);
      expect(text).toContain(OPERATOR.postalAddress);
      expect(text).not.toContain('Merrimack Valley Career Center');
      expect(mails.filter((mail) => mail.destination.to.some((to) => DEMO_EMAILS.includes(to)))).toHaveLength(0);
    } finally {
      controller.abort();
      expect(await running).toBe(0);
    }
    // Stopped: the record is gone, and nothing claims to be running.
    await expect(stat(join(dir, '.netmix', 'local.json'))).rejects.toThrow(/ENOENT/);
    expect(await findRunningStack()).toBeNull();
  });

  it('ignores a record left by a process that is gone (a crash or kill -9)', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid;
    await new Promise((resolve) => child.once('exit', resolve));
    if (pid === undefined) throw new Error('no pid');
    await writeFile(
      join(dir, '.netmix', 'local.json'),
      JSON.stringify({ pid, startedAt: new Date().toISOString(), dynamoEndpoint: 'http://127.0.0.1:9', sesEndpoint: 'http://127.0.0.1:9', sesViewerUrl: 'http://127.0.0.1:9/', apiUrl: 'http://127.0.0.1:9' }),
    );
    expect(await findRunningStack()).toBeNull();
  });
});

/**
 * `netmix sources check`, `sources schema`, `preview --recipe` and `--help` as an operator runs them:
 * a real sources file, sources served by a real HTTP server on 127.0.0.1, a host that does not
 * resolve (`.invalid` never does, RFC 6761) and a port nothing listens on.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { main } from '../../../cli/main';
import type { Io } from '../../../cli/io';
import { EventSchema } from '../../../shared/model/event';
import { respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';

function capture(now = new Date('2026-11-22T15:00:00Z')): Io & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), now: () => now, text: () => stdout.join('\n') };
}

const ics = (...events: [uid: string, start: string, end: string, title: string][]) =>
  [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Netmix test//EN',
    ...events.flatMap(([uid, start, end, title]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:${title}`, 'END:VEVENT']),
    'END:VCALENDAR', '',
  ].join('\r\n');

const PLAIN_PAGE = '<!doctype html><html><head><title>Acton Group</title></head><body><h1>Acton Group</h1><p>Call the office for details.</p></body></html>';
const LIST_PAGE = `<!doctype html><html><head><title>Workshops</title></head><body><ul class="events">
  <li class="event"><h3><a href="/w/1">Resume Workshop</a></h3><span class="date">December 3, 2026</span><span class="where">Room B</span></li>
  <li class="event"><h3><a href="/w/2">Interview Practice</a></h3><span class="date">December 10, 2026</span></li>
</ul></body></html>`;

/** A port that was free a moment ago and that nothing listens on now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('netmix sources check: why a source yields nothing', () => {
  let server: HttpFixture;
  let dir: string;

  beforeAll(async () => {
    server = await startHttpFixture({
      '/robots.txt': respond(404),
      // June 12 2025 19:00 EDT (−4) = 23:00Z: the latest of two past meetings.
      '/past.ics': respond(200, ics(['a@t', '20250515T230000Z', '20250516T010000Z', 'May meeting'], ['b@t', '20250612T230000Z', '20250613T010000Z', 'June meeting']), { 'content-type': 'text/calendar' }),
      // Dec 3 2026 19:00 EST (−5) = Dec 4 00:00Z.
      '/calendar': respond(200, ics(['c@t', '20261204T000000Z', '20261204T020000Z', 'Chapter Dinner']), { 'content-type': 'text/plain' }),
      '/about': respond(200, PLAIN_PAGE, { 'content-type': 'text/html' }),
      '/workshops': respond(200, LIST_PAGE, { 'content-type': 'text/html' }),
    });
    dir = await mkdtemp(join(tmpdir(), 'netmix-check-'));
  });

  afterAll(async () => {
    await server.close();
  });

  it('names each reason: past events, no markup, a recipe that matches nothing, a missing page, DNS and connection failures, a kind mismatch', async () => {
    const base = { kind: 'other', audience: 'professional' };
    const refused = await closedPort();
    const file = join(dir, 'sources.json');
    await writeFile(
      file,
      JSON.stringify({
        region: { name: 'Test', timeZone: 'America/New_York' },
        sources: [
          { ...base, id: 'past-feed', name: 'Past', fetch: 'ical', url: server.url('/past.ics') },
          { ...base, id: 'plain-page', name: 'Plain', fetch: 'html', url: server.url('/about') },
          { ...base, id: 'bad-recipe', name: 'Recipe', fetch: 'html', url: server.url('/workshops'), selectors: { item: 'li.workshop', title: 'h3', date: '.date' } },
          { ...base, id: 'moved-page', name: 'Moved', fetch: 'ical', url: server.url('/old/events.ics?x=1') },
          { ...base, id: 'no-such-host', name: 'Typo', fetch: 'ical', url: 'http://netmix-check.invalid/feed.ics' },
          { ...base, id: 'nobody-home', name: 'Down', fetch: 'ical', url: `http://127.0.0.1:${refused}/feed.ics` },
          { ...base, id: 'really-ical', name: 'Declared html', fetch: 'html', url: server.url('/calendar') },
        ],
      }),
    );
    const io = capture();
    expect(await main(['sources', 'check', file, '--allow-local'], io)).toBe(1);
    const out = io.text();
    expect(out).toMatch(/EMPTY\s+past-feed: ical, 0 upcoming events/);
    expect(out).toContain('why: all 2 events found are in the past; the latest is on 2025-06-12');
    expect(out).toMatch(/EMPTY\s+plain-page: html/);
    expect(out).toContain('why: no event markup (JSON-LD, microdata, h-event) and no schedule sentence on the page: add a `selectors` recipe, e.g. "selectors": {');
    expect(out).toContain(`why: the recipe's item selector "li.workshop" matched 0 elements on the page`);
    expect(out).toContain(`FAILED moved-page: page not found: 127.0.0.1:${server.port} answered HTTP 404 for /old/events.ics?x=1; check the path`);
    expect(out).toContain('FAILED no-such-host: DNS lookup failed: the host netmix-check.invalid cannot be found');
    expect(out).toContain(`FAILED nobody-home: connection refused: nothing answers at 127.0.0.1 on port ${refused}`);
    expect(out).not.toMatch(/(no-such-host|nobody-home): .*robots/);
    expect(out).toMatch(/ok\s+really-ical: ical, 1 upcoming events/);
    expect(out).toContain('warning: declared "fetch": "html" but the content is an iCalendar feed');
    expect(out).toContain('Thu, Dec 3, 2026, 7:00 PM EST  Chapter Dinner');
    expect(out).toContain('1 of 7 sources yield events');
  });

  it('without --allow-local, a source on this machine is refused with the flag named', async () => {
    const file = join(dir, 'local.json');
    await writeFile(file, JSON.stringify({ region: { name: 'Test', timeZone: 'America/New_York' }, sources: [{ id: 'local', name: 'Local', kind: 'other', audience: 'professional', fetch: 'ical', url: server.url('/past.ics') }] }));
    const io = capture();
    expect(await main(['sources', 'check', file], io)).toBe(1);
    expect(io.text()).toMatch(/FAILED local: forbidden-address: .*run with --allow-local/);
  });

  it('lists every mistake of a bad sources file at once', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ region: { name: 'Test', timeZone: 'America/New_York' }, sources: [{ id: 'x1', name: 'X', kind: 'other', audiance: 'professional', fetch: 'ical', url: 'https://example.org/x.ics' }] }));
    const io = capture();
    expect(await main(['sources', 'check', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('sources[0] (x1): `audiance`: did you mean `audience`? (unknown key)');
  });
});

describe('netmix preview --recipe', () => {
  let server: HttpFixture;
  let dir: string;

  beforeAll(async () => {
    server = await startHttpFixture({ '/robots.txt': respond(404), '/workshops': respond(200, LIST_PAGE, { 'content-type': 'text/html' }) });
    dir = await mkdtemp(join(tmpdir(), 'netmix-recipe-'));
  });

  afterAll(async () => {
    await server.close();
  });

  it('shows what each selector matched, warns that a recipe without `time` gives all-day events, and yields them', async () => {
    const recipe = join(dir, 'recipe.json');
    await writeFile(recipe, JSON.stringify({ item: 'li.event', title: 'h3', date: '.date', place: '.where' }));
    const io = capture();
    expect(await main(['preview', server.url('/workshops'), '--recipe', recipe, '--from', '2026-11-22', '--to', '2026-12-31'], io)).toBe(0);
    const out = io.text();
    expect(out).toContain('  item        "li.event" → 2 elements');
    expect(out).toContain('  title       "h3" → found in 2 of 2 items: "Resume Workshop", "Interview Practice"');
    expect(out).toContain('  place       ".where" → found in 1 of 2 items: "Room B"');
    expect(out).toContain('note: the recipe has no `time` selector: its events will be all-day');
    const json = capture();
    expect(await main(['preview', server.url('/workshops'), '--recipe', recipe, '--from', '2026-11-22', '--to', '2026-12-31', '--json'], json)).toBe(0);
    const { events } = z.object({ events: z.array(EventSchema) }).parse(JSON.parse(json.stdout[0] ?? ''));
    expect(events.map((event) => [event.title, event.startDate, event.allDay])).toEqual([
      ['Resume Workshop', '2026-12-03', true],
      ['Interview Practice', '2026-12-10', true],
    ]);
    expect(json.stderr.join('\n')).toContain('"li.event" → 2 elements');
  });

  it('says which line of a recipe file is not JSON, and which field is missing', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{\n  "item": "li",\n  title: "h3"\n}');
    const io = capture();
    expect(await main(['preview', server.url('/workshops'), '--recipe', broken], io)).toBe(1);
    expect(io.stderr[0]).toContain('not valid JSON at line 3, column 3');
    const partial = join(dir, 'partial.json');
    await writeFile(partial, JSON.stringify({ item: 'li', title: 'h3' }));
    const missing = capture();
    expect(await main(['preview', server.url('/workshops'), '--recipe', partial], missing)).toBe(1);
    expect(missing.stderr[0]).toMatch(/not a selector recipe: date: /);
  });
});

describe('netmix --help and sources schema', () => {
  it.each([
    [['preview', '--help'], /^usage: netmix preview /],
    [['digest', '--help'], /^usage: netmix digest /],
    [['ingest', '-h'], /^usage: netmix ingest /],
    [['send-digests', '--help'], /^usage: netmix send-digests /],
    [['start', '--help'], /^usage: netmix start /],
    [['sources', '--help'], /^usage: netmix sources check /],
    [['sources', 'check', '--help'], /^usage: netmix sources check \[<file>\] \[--allow-local\]/],
    [['sources', 'schema', '--help'], /^usage: netmix sources schema/],
    [['sources', 'status', '--help'], /^usage: netmix sources status/],
    [['--help'], /^usage: netmix <command>/],
  ])('netmix %s prints its help and exits 0', async (argv, pattern) => {
    const io = capture();
    expect(await main(argv, io)).toBe(0);
    expect(io.text()).toMatch(pattern);
  });

  it('prints a JSON Schema an editor can use, through the installed bin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/netmix.js', 'sources', 'schema']);
    const schema = z
      .object({
        $schema: z.string(),
        title: z.string(),
        properties: z.object({ $schema: z.object({ type: z.literal('string') }), region: z.object({ required: z.array(z.string()) }) }),
      })
      .parse(JSON.parse(stdout));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.region.required).toEqual(['name', 'timeZone']);
  });
});

/** `netmix preview` and `netmix digest` as a user runs them: real files, a real HTTP server on 127.0.0.1. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { main } from '../../../cli/main';
import type { Io } from '../../../cli/io';
import { EventSchema } from '../../../shared/model/event';
import { greaterLowellChamberPage } from '../../../sample/region/html-pages';
import { bostonHrFeed, natickWednesdayFeed } from '../../../sample/region/ics-feeds';
import { respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';

const fixture = (name: string) => `test/fixtures/${name}`;

function capture(now = new Date('2026-11-22T15:00:00Z')): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), now: () => now };
}

const PreviewJsonSchema = z.object({
  events: z.array(EventSchema),
  problems: z.array(z.object({ input: z.string(), message: z.string() })),
});

describe('netmix preview', () => {
  let server: HttpFixture;
  let dir: string;

  beforeAll(async () => {
    server = await startHttpFixture({
      '/robots.txt': respond(404),
      '/meetup.ics': respond(200, await readFile(fixture('ics/meetup_export_phoenix.ics'))),
      '/page': respond(200, await readFile(fixture('html/songkick_single_musicevent.html')), { 'content-type': 'text/html' }),
    });
    dir = await mkdtemp(join(tmpdir(), 'netmix-cli-'));
  });

  afterAll(async () => {
    await server.close();
  });

  it('prints exactly one JSON object whose events pass the schema, with a cancelled occurrence kept as such', async () => {
    const io = capture();
    const code = await main(['preview', fixture('ics/thunderbird_cancelled_occurrence.ics'), '--from', '2020-01-27', '--to', '2020-01-31', '--tz', 'Europe/Berlin', '--json'], io);
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const output = PreviewJsonSchema.parse(JSON.parse(io.stdout[0] ?? ''));
    // Daily at 22:00 CET (+1) = 21:00Z on Jan 28, 29, 30; the 29th is cancelled by its override.
    expect(output.events.map((event) => [event.start, event.status])).toEqual([
      ['2020-01-28T21:00:00.000Z', 'confirmed'],
      ['2020-01-29T21:00:00.000Z', 'cancelled'],
      ['2020-01-30T21:00:00.000Z', 'confirmed'],
    ]);
  });

  it('reads a feed and a page from URLs on 127.0.0.1, detecting each kind from its content', async () => {
    const io = capture();
    const code = await main(['preview', server.url('/meetup.ics'), server.url('/page'), '--from', '2011-11-01', '--to', '2015-11-30', '--tz', 'America/New_York', '--json'], io);
    expect(code).toBe(0);
    const { events } = PreviewJsonSchema.parse(JSON.parse(io.stdout[0] ?? ''));
    // 19:00 MST (−7, Arizona keeps no DST) = 02:00Z the next day; 19:30 −04:00 = 23:30Z.
    expect(events.map((event) => [event.title, event.start])).toEqual([
      ['Phoenix Drupal User Group Monthly Meetup', '2011-11-10T02:00:00.000Z'],
      ['Elysian Fields', '2015-10-31T23:30:00.000Z'],
    ]);
    expect(server.requestsTo('/meetup.ics')[0]?.headers['user-agent']).toMatch(/^Netmix\/\d.+\(.+(https?:|@).+\)/);
  });

  it('lists an event two sources share once, naming both sources', async () => {
    const ics = join(dir, 'boston-hr.ics');
    const page = join(dir, 'chamber.html');
    await writeFile(ics, bostonHrFeed('2026-11-22'));
    await writeFile(page, greaterLowellChamberPage('2026-11-22'));
    const io = capture();
    expect(await main(['preview', ics, page, '--from', '2026-11-27', '--to', '2026-11-27', '--json'], io)).toBe(0);
    const { events } = PreviewJsonSchema.parse(JSON.parse(io.stdout[0] ?? ''));
    // Friday 07:30 EST (−5) = 12:30Z, listed as "HR Breakfast Roundtable (Boston Area HR Association)" and "Boston HR Breakfast Roundtable".
    expect(events).toHaveLength(1);
    expect(events[0]?.start).toBe('2026-11-27T12:30:00.000Z');
    expect(events[0]?.sources.map((source) => source.name).sort()).toEqual(['Boston Area HR Association', 'Greater Lowell Chamber — Events']);
  });

  it('prints a readable table by default', async () => {
    const io = capture();
    expect(await main(['preview', fixture('ics/meetup_export_phoenix.ics'), '--from', '2011-11-01', '--to', '2011-11-30', '--tz', 'America/Phoenix'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Wed, Nov 9, 2011, 7:00 PM MST');
    expect(io.stdout.join('\n')).toContain('1 events from 2011-11-01 to 2011-11-30 (America/Phoenix)');
  });

  it('exits 1 with one line on stderr for an input that cannot be read or is neither kind', async () => {
    const missing = capture();
    expect(await main(['preview', join(dir, 'nope.ics')], missing)).toBe(1);
    expect(missing.stderr).toHaveLength(1);
    expect(missing.stderr[0]).toMatch(/cannot read file \(ENOENT\)/);
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'just some notes\n');
    const neither = capture();
    expect(await main(['preview', text], neither)).toBe(1);
    expect(neither.stderr).toEqual([`netmix preview: ${text}: neither an iCalendar feed nor an HTML page`]);
    const refused = capture();
    expect(await main(['preview', 'http://169.254.169.254/latest/meta-data/'], refused)).toBe(1);
    expect(refused.stderr[0]).toMatch(/forbidden-address/);
  });

  it('reports problems inside an input without failing it', async () => {
    const io = capture();
    expect(await main(['preview', fixture('ics/large_synthetic_401_late_error.ics'), '--from', '2024-01-01', '--to', '2024-12-31', '--tz', 'UTC', '--json'], io)).toBe(0);
    const output = PreviewJsonSchema.parse(JSON.parse(io.stdout[0] ?? ''));
    // 400 good-looking events, of which six name days that do not exist (Feb 30 …), skipped with a problem.
    expect(output.events.length).toBe(394);
    expect(output.problems.length).toBeGreaterThan(0);
    expect(output.problems[0]?.input).toBe(fixture('ics/large_synthetic_401_late_error.ics'));
  });

  it('works through the installed bin with no build step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/netmix.js', 'preview', fixture('ics/meetup_export_phoenix.ics'), '--from', '2011-11-09', '--to', '2011-11-09', '--tz', 'America/Phoenix', '--json']);
    expect(PreviewJsonSchema.parse(JSON.parse(stdout)).events).toHaveLength(1);
  });
});

describe('netmix digest', () => {
  it('previews a balanced digest near Lowell with distances, reasons and both audiences', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netmix-digest-'));
    const files = [
      [join(dir, 'natick.ics'), natickWednesdayFeed('2026-11-22')],
      [join(dir, 'hr.ics'), bostonHrFeed('2026-11-22')],
      [join(dir, 'chamber.html'), greaterLowellChamberPage('2026-11-22')],
    ] as const;
    for (const [path, text] of files) await writeFile(path, text);
    const html = join(dir, 'digest.html');
    const io = capture();
    const code = await main(['digest', '--events', ...files.map(([path]) => path), '--zip', '01852', '--radius', '30', '--date', '2026-11-23', '--html', html, '--json'], io);
    expect(code).toBe(0);
    const output = z
      .object({
        subject: z.string(),
        events: z.array(EventSchema.extend({ distanceMiles: z.number().nullable(), why: z.string().min(1) })),
        counts: z.object({ 'job-seeker': z.number(), professional: z.number() }),
      })
      .parse(JSON.parse(io.stdout[0] ?? ''));
    expect(output.subject).toMatch(/^\d+ networking events? near Lowell, Nov 23 – Nov 29$/);
    expect(output.counts['job-seeker']).toBeGreaterThan(0);
    expect(output.counts.professional).toBeGreaterThan(0);
    // Natick is ~26 mi from Lowell's ZIP centroid: inside 30 miles.
    const natick = output.events.find((event) => event.title.startsWith('Wednesday Is Networking Day'));
    expect(natick?.distanceMiles).toBeGreaterThan(20);
    expect(natick?.distanceMiles).toBeLessThan(30);
    expect(output.events.filter((event) => event.title.includes('Breakfast Roundtable'))).toHaveLength(1);
    expect(await readFile(html, 'utf8')).toContain('Lowell');
  });

  it('says which argument is wrong', async () => {
    const io = capture();
    expect(await main(['digest', '--events', fixture('ics/meetup_export_phoenix.ics'), '--zip', '99999'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/--zip 99999 is not a known US ZIP code/);
  });
});

/** `netmix sources discover` and `netmix sources add` as an operator runs them, against 127.0.0.1. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { main } from '../../../cli/main';
import type { Io } from '../../../cli/io';
import { parseSourcesFile } from '../../../shared/sources/sources-file';
import type { HttpFixture } from '../../support/http-fixtures';
import { DISCOVERY_NOW, startJobSeekerSite } from './site';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), now: () => DISCOVERY_NOW };
}

/** The JSON shape, exactly: nothing more on a candidate. */
const DiscoverJsonSchema = z
  .object({
    candidates: z.array(
      z.object({ url: z.string(), kind: z.enum(['ical', 'html', 'json']), platform: z.string().nullable(), verified: z.boolean(), events: z.number().nullable(), note: z.string() }).strict(),
    ),
    suggested: z.object({ id: z.string(), name: z.string(), kind: z.string(), audience: z.string(), fetch: z.string(), url: z.string() }).strict().nullable(),
  })
  .strict();

describe('netmix sources discover / add', () => {
  let server: HttpFixture;
  let dir: string;

  beforeAll(async () => {
    server = await startJobSeekerSite();
    // The CLI's fetcher uses the real resolver, so this page names only this server's candidates.
    const page = `<!doctype html><html><head><title>Andover Library Job Club</title>
      <link rel="alternate" type="text/calendar" href="${server.origin}/club/job-club.ics"></head>
      <body><a href="${server.origin}/events/?ical=1">All events (iCal)</a></body></html>`;
    server.route('/local', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(page);
    });
    server.route('/nothing', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Hours</title><p>Open Monday to Friday.</p>');
    });
    dir = await mkdtemp(join(tmpdir(), 'netmix-discover-'));
  });

  afterAll(async () => {
    await server.close();
  });

  it('refuses 127.0.0.1 without --allow-local, saying why and what to do', async () => {
    const io = capture();
    expect(await main(['sources', 'discover', server.url('/local')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/on this machine or a private network.*refuses such addresses.*--allow-local/s);
    expect(server.requestsTo('/local')).toHaveLength(0);
  });

  it('with --allow-local --json prints one object of exactly the documented shape, best first', async () => {
    const io = capture();
    expect(await main(['sources', 'discover', server.url('/local'), '--json', '--allow-local', '--tz', 'America/New_York'], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const output = DiscoverJsonSchema.parse(JSON.parse(io.stdout[0] ?? ''));
    // iCal export: 3 events in the window (Oct 29, Nov 5, Nov 12); the job club: 1 (Oct 21).
    expect(output.candidates.map((candidate) => [candidate.url, candidate.verified, candidate.events])).toEqual([
      [server.url('/events/?ical=1'), true, 3],
      [server.url('/club/job-club.ics'), true, 1],
    ]);
    expect(output.suggested).toMatchObject({ id: 'andover-library-job-club', kind: 'job-seeker-group', audience: 'job-seeker', fetch: 'ical' });
    expect(io.stderr).toEqual([]);
  });

  it('finding nothing prints an empty list, exits 0 and says so in one line on stderr', async () => {
    const io = capture();
    expect(await main(['sources', 'discover', server.url('/nothing'), '--json', '--allow-local'], io)).toBe(0);
    expect(JSON.parse(io.stdout[0] ?? '')).toEqual({ candidates: [], suggested: null });
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/found no feed/);
  });

  it('sources add appends the suggested entry under a free id, keeps the rest, and the file validates', async () => {
    const file = join(dir, 'sources.json');
    const original = {
      region: { name: 'Merrimack Valley', timeZone: 'America/New_York' },
      sources: [{ id: 'andover-library-job-club', name: 'Someone else', kind: 'other', audience: 'professional', fetch: 'ical', url: 'https://example.org/a.ics', tags: ['kept'] }],
    };
    await writeFile(file, JSON.stringify(original, null, 2));
    const io = capture();
    expect(await main(['sources', 'add', server.url('/local'), '--to', file, '--allow-local'], io)).toBe(0);
    const text = await readFile(file, 'utf8');
    const parsed = parseSourcesFile(text, file);
    expect(parsed.sources.map((source) => [source.id, source.fetch, source.url])).toEqual([
      ['andover-library-job-club', 'ical', 'https://example.org/a.ics'],
      ['andover-library-job-club-2', 'ical', server.url('/events/?ical=1')],
    ]);
    expect(parsed.sources[0]?.tags).toEqual(['kept']);
    expect(io.stdout.join('\n')).toMatch(/Review its name, kind and audience/);

    const again = capture();
    expect(await main(['sources', 'add', server.url('/local'), '--to', file, '--allow-local'], again)).toBe(1);
    expect(again.stderr.join('\n')).toMatch(/already reads .* nothing was added/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('sources add with nothing to read leaves the file untouched and exits 1', async () => {
    const file = join(dir, 'untouched.json');
    const text = JSON.stringify({ region: { name: 'R', timeZone: 'America/New_York' }, sources: [{ id: 'one', name: 'One', kind: 'other', audience: 'professional', fetch: 'ical', url: 'https://example.org/a.ics' }] });
    await writeFile(file, text);
    const io = capture();
    expect(await main(['sources', 'add', server.url('/nothing'), '--to', file, '--allow-local'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/found no way to read it; nothing was added/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

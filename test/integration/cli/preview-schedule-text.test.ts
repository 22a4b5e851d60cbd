/**
 * `netmix preview` on a page of schedule sentences, as an operator runs it on a saved copy, and
 * `netmix sources check` on an entry that carries its own schedule.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Io } from '../../../cli/io';
import { main } from '../../../cli/main';
import { EventSchema } from '../../../shared/model/event';

const PAGE = 'test/fixtures/schedule-text/volunteer-list.html';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), now: () => new Date('2027-03-01T15:00:00Z') };
}

describe('netmix preview on schedule sentences', () => {
  it('lists each group’s meetings with the pattern it read, and the unreadable sentences as problems', async () => {
    const io = capture();
    expect(await main(['preview', PAGE, '--from', '2027-03-15', '--to', '2027-03-21', '--tz', 'America/New_York'], io)).toBe(0);
    const table = io.stdout.join('\n');
    // Thu Mar 18 08:30 EDT, the first Thursday after DST starts.
    expect(table).toMatch(/Thu, Mar 18, 2027, 8:30 AM EDT +Wednesday Is Networking Day — Burlington/);
    expect(table).toContain(
      "Read from schedule sentences (check each group's page):\n  Over-50 Job Search Circle: Meets every Monday and Wednesday (\"every Monday and Wednesday, 12–1 pm, online via Google Meet.\")",
    );
    expect(table).toContain('  Wednesday Is Networking Day — Burlington: Meets every Thursday (');
    expect(io.stderr.join('\n')).toContain('cannot read "Meets Wednesday mornings at 9:00."');
  });

  it('prints them in --json with provenance and sentence', async () => {
    const io = capture();
    expect(await main(['preview', PAGE, '--from', '2027-03-15', '--to', '2027-03-21', '--tz', 'America/New_York', '--json'], io)).toBe(0);
    const { events } = z.object({ events: z.array(EventSchema) }).parse(JSON.parse(io.stdout[0] ?? ''));
    // Mon 15, Tue 16, Wed 17 (Over-50 12:00 EDT = 16:00Z, Nashua 18:30 EDT = 22:30Z), Thu 18 (Burlington 08:30 EDT =
    // 12:30Z; Andover's third Thursday is cancelled on the page).
    expect(events.map((event) => [event.title, event.start])).toEqual([
      ['Over-50 Job Search Circle', '2027-03-15T16:00:00.000Z'],
      ['Lowell Professionals in Transition', '2027-03-16T14:00:00.000Z'],
      ['Over-50 Job Search Circle', '2027-03-17T16:00:00.000Z'],
      ['Nashua Career Connections', '2027-03-17T22:30:00.000Z'],
      ['Wednesday Is Networking Day — Burlington', '2027-03-18T12:30:00.000Z'],
    ]);
    expect(events.every((event) => event.provenance === 'schedule-text')).toBe(true);
  });
});

describe('netmix sources check on a schedule-only entry', () => {
  it('reads the schedule without fetching the group\'s link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netmix-schedule-'));
    const file = join(dir, 'sources.json');
    // The link is a port nothing listens on: a fetch would fail the check.
    const entry = { id: 'chelmsford-job-club', name: 'Chelmsford Job Club', kind: 'job-seeker-group', audience: 'job-seeker', url: 'http://127.0.0.1:9/job-club', schedule: 'Meets every Wednesday, 9:00 to 10:30 a.m.' };
    await writeFile(file, JSON.stringify({ region: { name: 'Test', timeZone: 'America/New_York' }, sources: [entry] }));
    const io = capture();
    expect(await main(['sources', 'check', file], io)).toBe(0);
    const output = io.stdout.join('\n');
    expect(output).toMatch(/^ok +chelmsford-job-club: html, \d+ upcoming events, 0 problems$/m);
    // Io's clock reads Mon 2027-03-01 15:00Z; the first Wednesday is Mar 3, 09:00 EST.
    expect(output).toContain('Wed, Mar 3, 2027, 9:00 AM EST  Chelmsford Job Club');
  });
});

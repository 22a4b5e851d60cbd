/** Fields of interest as the CLI shows and takes them: `preview --json` / the table, and `digest --interests`. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { readDigestPreferences } from '../../../cli/digest';
import type { Io } from '../../../cli/io';
import { main } from '../../../cli/main';
import { EventSchema } from '../../../shared/model/event';
import { bostonHrFeed } from '../../../sample/region/ics-feeds';

function capture(now = new Date('2026-11-22T15:00:00Z')): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), now: () => now };
}

const PreviewJsonSchema = z.object({ events: z.array(EventSchema) });

describe('netmix preview shows fields of interest', () => {
  it('tags the corpus Meetup export (a Drupal user group) as technology in --json', async () => {
    const io = capture();
    const code = await main(['preview', 'test/fixtures/ics/meetup_export_phoenix.ics', '--from', '2011-11-01', '--to', '2011-11-30', '--tz', 'America/Phoenix', '--json'], io);
    expect(code).toBe(0);
    const { events } = PreviewJsonSchema.parse(JSON.parse(io.stdout[0] ?? ''));
    expect(events.map((event) => [event.title, event.fields])).toEqual([['Phoenix Drupal User Group Monthly Meetup', ['technology']]]);
  });

  it('tags the sample HR association feed as human resources, and prints the fields in the table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netmix-fields-'));
    const path = join(dir, 'hr.ics');
    await writeFile(path, bostonHrFeed('2026-11-22'));
    const io = capture();
    expect(await main(['preview', path, '--from', '2026-11-22', '--to', '2026-12-06', '--tz', 'America/New_York', '--json'], io)).toBe(0);
    const { events } = PreviewJsonSchema.parse(JSON.parse(io.stdout[0] ?? ''));
    // "HR Breakfast Roundtable … HR practitioners"; "Chapter meeting: AI in recruiting … HR professionals" (AI also says technology).
    expect(events.find((event) => event.title.startsWith('HR Breakfast Roundtable'))?.fields).toEqual(['human-resources']);
    expect(events.find((event) => event.title.startsWith('Chapter meeting'))?.fields).toEqual(['technology', 'human-resources']);

    const table = capture();
    expect(await main(['preview', path, '--from', '2026-11-22', '--to', '2026-12-06', '--tz', 'America/New_York'], table)).toBe(0);
    const text = table.stdout.join('\n');
    expect(text).toMatch(/^When .* Audience +Fields +Where /m);
    expect(text).toMatch(/HR Breakfast Roundtable[^\n]* professional +human-resources +Cambridge/);
  });
});

describe('netmix digest --interests', () => {
  it('turns field ids and labels into fields and keeps other words as free words', () => {
    const preferences = readDigestPreferences({ zip: '01852', interests: 'Human resources, technology, biotech, HUMAN-RESOURCES' });
    expect(preferences.fields).toEqual(['human-resources', 'technology']);
    expect(preferences.interests).toEqual(['biotech']);
  });
});

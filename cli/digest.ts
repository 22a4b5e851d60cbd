/**
 * `netmix digest --events <file-or-url>... --zip 01852 [...]`: the digest a subscriber would get from
 * these inputs (read as `netmix preview` reads them), without storing or sending anything.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { previewDigest } from '../shared/digest/preview';
import { splitFieldWords } from '../shared/model/fields';
import { MixSchema, PreferencesSchema, type Preferences } from '../shared/model/subscriber';
import { geocodeZip } from '../shared/subscriptions/geocode';
import { UsageError } from './errors';
import type { Io } from './io';
import { LOCAL_OPERATOR } from './local-stack';
import { readEventsFromInputs } from './read-events';
import { resolveWindow, WindowArgsSchema } from './window';

const USAGE =
  'usage: netmix digest --events <file-or-url>... --zip 01852 [--radius 25] [--mix balanced] [--size 8] [--online yes|no] [--interests "human-resources, biotech"] [--employers "..."] [--date YYYY-MM-DD] [--days 7|14] [--tz ZONE] [--html FILE] [--text FILE] [--json]';

const list = (value: string | undefined) => (value ?? '').split(',').map((word) => word.trim()).filter(Boolean);

const ArgsSchema = z.object({
  zip: z.string({ error: 'is required' }),
  radius: z.coerce.number().int().optional(),
  mix: MixSchema.optional(),
  size: z.coerce.number().int().optional(),
  online: z.enum(['yes', 'no']).default('yes'),
  days: z.enum(['7', '14']).default('7'),
});

/** The preferences `netmix digest` stands for: `--interests` ids or labels become fields, other words stay free words. */
export function readDigestPreferences(values: Record<string, unknown> & { interests?: string | undefined; employers?: string | undefined }): Preferences {
  const args = ArgsSchema.parse(values);
  return PreferencesSchema.parse({
    zip: args.zip,
    ...(args.radius === undefined ? {} : { radiusMiles: args.radius }),
    ...(args.mix === undefined ? {} : { mix: args.mix }),
    ...(args.size === undefined ? {} : { digestSize: args.size }),
    online: args.online === 'yes',
    // Field ids or labels ("technology", "Human resources") become fields; other words are matched in event text.
    ...splitFieldWords(list(values.interests)),
    targetEmployers: list(values.employers),
  });
}

export async function runDigest(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      events: { type: 'string', multiple: true },
      zip: { type: 'string' },
      radius: { type: 'string' },
      mix: { type: 'string' },
      size: { type: 'string' },
      online: { type: 'string' },
      interests: { type: 'string' },
      employers: { type: 'string' },
      date: { type: 'string' },
      days: { type: 'string' },
      tz: { type: 'string' },
      html: { type: 'string' },
      text: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const inputs = [...(values.events ?? []), ...positionals];
  if (inputs.length === 0) throw new UsageError(USAGE);
  const preferences = readDigestPreferences(values);
  const place = geocodeZip(preferences.zip);
  if (!place) throw new UsageError(`--zip ${preferences.zip} is not a known US ZIP code`);
  const windowDays = values.days === '14' ? 14 : 7;
  const windowArgs = WindowArgsSchema.parse({ from: values.date, tz: values.tz });
  const window = resolveWindow(windowArgs, io.now(), windowDays - 1);
  const { events } = await readEventsFromInputs(inputs, window);
  const profile = { ...preferences, lat: place.lat, lon: place.lon, timeZone: window.timeZone };
  const digest = previewDigest(events, { ...profile, placeName: place.placeName }, { date: window.fromDate, windowDays, timeZone: window.timeZone, operator: LOCAL_OPERATOR });
  if (values.html) await writeFile(values.html, digest.html);
  if (values.text) await writeFile(values.text, digest.text);
  if (values.json) {
    io.out(
      JSON.stringify({
        subject: digest.subject,
        events: digest.chosen.map((chosen) => ({ ...chosen.event, distanceMiles: chosen.distanceMiles, why: chosen.why })),
        counts: digest.counts,
      }),
    );
    return 0;
  }
  io.out(digest.text);
  return 0;
}

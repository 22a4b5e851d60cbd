/**
 * `netmix digest --events <file-or-url>... --zip 01852 [...]`: the digest a subscriber would get from
 * these inputs (read as `netmix preview` reads them), without storing or sending anything.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { renderDigest } from '../shared/digest/render';
import { selectDigest } from '../shared/digest/select';
import { MixSchema, PreferencesSchema } from '../shared/model/subscriber';
import { geocodeZip } from '../shared/subscriptions/geocode';
import { UsageError } from './errors';
import type { Io } from './io';
import { LOCAL_OPERATOR } from './local-stack';
import { readEventsFromInputs } from './read-events';
import { resolveWindow, WindowArgsSchema } from './window';

const USAGE =
  'usage: netmix digest --events <file-or-url>... --zip 01852 [--radius 25] [--mix balanced] [--size 8] [--online yes|no] [--interests "hr, biotech"] [--employers "..."] [--date YYYY-MM-DD] [--days 7|14] [--tz ZONE] [--html FILE] [--text FILE] [--json]';

const list = (value: string | undefined) => (value ?? '').split(',').map((word) => word.trim()).filter(Boolean);

const ArgsSchema = z.object({
  zip: z.string({ error: 'is required' }),
  radius: z.coerce.number().int().optional(),
  mix: MixSchema.optional(),
  size: z.coerce.number().int().optional(),
  online: z.enum(['yes', 'no']).default('yes'),
  days: z.enum(['7', '14']).default('7'),
});

/** Where the preview's footer links point: the local subscription API (nothing real is unsubscribed). */
const PREVIEW_LINKS = {
  unsubscribe: 'http://127.0.0.1:8787/u/preview',
  preferences: 'http://127.0.0.1:8787/preferences/preview',
  eventIcs: (id: string) => `http://127.0.0.1:8787/events/${id}.ics`,
};

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
  const args = ArgsSchema.parse(values);
  const preferences = PreferencesSchema.parse({
    zip: args.zip,
    ...(args.radius === undefined ? {} : { radiusMiles: args.radius }),
    ...(args.mix === undefined ? {} : { mix: args.mix }),
    ...(args.size === undefined ? {} : { digestSize: args.size }),
    online: args.online === 'yes',
    interests: list(values.interests),
    targetEmployers: list(values.employers),
  });
  const place = geocodeZip(preferences.zip);
  if (!place) throw new UsageError(`--zip ${preferences.zip} is not a known US ZIP code`);
  const windowDays = args.days === '14' ? 14 : 7;
  const windowArgs = WindowArgsSchema.parse({ from: values.date, tz: values.tz });
  const window = resolveWindow(windowArgs, io.now(), windowDays - 1);
  const { events } = await readEventsFromInputs(inputs, window);
  const profile = { ...preferences, lat: place.lat, lon: place.lon, timeZone: window.timeZone };
  const selection = selectDigest(events, profile, { windowStart: window.from, windowDays, timeZone: window.timeZone });
  const rendered = renderDigest({
    subscriber: { ...profile, placeName: place.placeName },
    chosen: selection.chosen,
    windowStart: window.from,
    windowDays,
    links: PREVIEW_LINKS,
    operator: LOCAL_OPERATOR,
  });
  if (values.html) await writeFile(values.html, rendered.html);
  if (values.text) await writeFile(values.text, rendered.text);
  if (values.json) {
    io.out(
      JSON.stringify({
        subject: rendered.subject,
        events: selection.chosen.map((chosen) => ({ ...chosen.event, distanceMiles: chosen.distanceMiles, why: chosen.why })),
        counts: selection.counts,
      }),
    );
    return 0;
  }
  io.out(rendered.text);
  return 0;
}

/**
 * Digest figures in their own process: `tsx bench/digest-worker.ts <grouped|naive|render> [subscribers]`
 * prints one JSON line. Events and subscribers are spread over Massachusetts ZIP centroids with a
 * fixed seed, preferences weighted towards the defaults as real sign-ups are.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lookupByState } from 'zipcodes';
import * as z from 'zod';
import { buildDigestMime } from '../shared/digest/mime';
import { renderDigest } from '../shared/digest/render';
import type { DigestRecipient } from '../shared/digest/select';
import { selectForMany } from '../shared/digest/select-many';
import { seriesKeyOf } from '../shared/digest/series';
import type { FeedbackEntry, SubscriberHistory } from '../shared/digest/types';
import type { Event } from '../shared/model/event';
import { AudienceSchema } from '../shared/model/common';
import { FeedbackEntrySchema } from '../shared/store/dynamo-feedback-store';
import { shortHash } from '../shared/normalize/hash';
import { startOfLocalDay } from '../shared/time/zoned';

const ZONE = 'America/New_York';
const WINDOW_START = startOfLocalDay('2026-11-30', ZONE);

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
}

const ZipRowSchema = z.object({ zip: z.string(), latitude: z.number(), longitude: z.number(), city: z.string() });
const massZips = z.array(ZipRowSchema).parse(lookupByState('MA'));

const TITLES = ['Chapter meeting', 'Job seekers networking group', 'Resume workshop', 'Business after hours', 'Tech meetup', 'Alumni mixer', 'Career fair', 'HR roundtable', 'Biotech panel', 'Product management meetup'];
const INTERESTS = [[], [], [], ['hr'], ['biotech'], ['software', 'product']];

/** A number as letters, so it survives the series title's dropping of digits. */
function lettersOf(value: number): string {
  return value.toString(26).replace(/[0-9]/g, (digit) => 'qrstuvwxyz'.charAt(Number(digit)));
}

export function buildEvents(count: number, random = seeded(7)): Event[] {
  return Array.from({ length: count }, (_, index) => {
    const place = massZips[Math.floor(random() * massZips.length)] ?? massZips[0];
    if (!place) throw new Error('no Massachusetts ZIPs in the gazetteer');
    const start = new Date(WINDOW_START.getTime() + Math.floor(random() * 7 * 24) * 3_600_000);
    const jobSeeker = random() < 0.35;
    // Ids as ingest makes them (32 hex of a SHA-256), so they differ from their first character as real ones do.
    const hex = shortHash(`bench\u0000event\u0000${index}`);
    return {
      id: hex,
      // Series (series.ts drops digits): one-offs, except events 2,400 on that meet a second time in the week.
      title: `${TITLES[index % TITLES.length] ?? 'Meetup'} ${lettersOf(index % 2400)}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 7_200_000).toISOString(),
      allDay: false,
      startDate: start.toISOString().slice(0, 10),
      timeZone: ZONE,
      status: 'confirmed',
      online: random() < 0.1,
      onlineUrl: null,
      venue: { name: `Hall ${index}`, address: `${index} Main St`, city: place.city, region: 'MA', postalCode: place.zip, lat: place.latitude, lon: place.longitude },
      url: `https://example.org/events/${index}`,
      organizer: `Organiser ${index % 400}`,
      description: 'Networking for professionals and job seekers in Massachusetts. '.repeat(8),
      cost: random() < 0.5 ? { kind: 'free', amount: null, currency: null, text: null } : { kind: 'paid', amount: 20, currency: 'USD', text: null },
      audience: jobSeeker ? 'job-seeker' : 'professional',
      audienceReason: jobSeeker ? 'title mentions job seekers' : 'source is a professional association',
      category: jobSeeker ? 'job-seeker-group' : 'professional-association',
      fields: [],
      provenance: 'ical',
      scheduleText: null,
      sources: [{ id: `source-${index % 50}`, name: `Source ${index % 50}`, uid: `uid-${index}` }],
      contentHash: hex,
    };
  });
}

export function buildRecipients(count: number, random = seeded(11)): DigestRecipient[] {
  return Array.from({ length: count }, (_, index) => {
    const place = massZips[Math.floor(random() * massZips.length)] ?? massZips[0];
    if (!place) throw new Error('no Massachusetts ZIPs in the gazetteer');
    const defaults = random() < 0.7;
    return {
      id: index.toString(16).padStart(32, '0'),
      zip: place.zip,
      lat: place.latitude,
      lon: place.longitude,
      timeZone: ZONE,
      radiusMiles: defaults ? 25 : [10, 25, 50][Math.floor(random() * 3)] ?? 25,
      mix: defaults ? 'balanced' : (['job-seeker', 'balanced', 'professional'] as const)[Math.floor(random() * 3)] ?? 'balanced',
      digestSize: defaults ? 8 : [5, 8, 12][Math.floor(random() * 3)] ?? 8,
      online: defaults ? true : random() < 0.5,
      fields: [],
      interests: defaults ? [] : [...(INTERESTS[Math.floor(random() * INTERESTS.length)] ?? [])],
      targetEmployers: [],
    };
  });
}

/**
 * History as a live list has it: most subscribers got digests in earlier weeks, and these grouped
 * subscribers got the same ones. A weekly series repeats, so the events this week's plain
 * selection picks stand in for last week's (W48, so their job-seeker series rest) and for W46;
 * one in twenty also said "Not for me" to one event's series, organiser and category.
 */
function withHistory(events: readonly Event[], recipients: DigestRecipient[], random = seeded(13)): DigestRecipient[] {
  const plain = selectForMany(events, recipients, { windowStart: WINDOW_START, windowDays: 7, timeZone: ZONE });
  return recipients.map((recipient, index) => {
    const roll = random();
    if (roll >= 0.6) return recipient;
    const chosen = plain[index]?.chosen ?? [];
    const offered = ['2026-W48', '2026-W46'].flatMap((isoWeek) => chosen.map(({ event }) => ({ id: `${event.id}-${isoWeek}`, seriesKey: seriesKeyOf(event), audience: event.audience, isoWeek })));
    const disliked = roll < 0.03 ? chosen[Math.floor(random() * chosen.length)]?.event : undefined;
    const feedback: FeedbackEntry[] =
      disliked === undefined
        ? []
        : [{ eventId: disliked.id, kind: 'not-for-me', seriesKey: seriesKeyOf(disliked), organiser: disliked.organizer, category: disliked.category, audience: disliked.audience, eventStart: disliked.start, at: '2026-11-25T12:00:00.000Z' }];
    return { ...recipient, history: storedHistory({ offered, feedback }) };
  });
}

/**
 * A history as the store hands it over: parsed from its stored form, so its texts are flat strings
 * of their own per subscriber (not the concatenations built above) — what `selectForMany` meets live.
 */
const SubscriberHistorySchema = z.object({
  offered: z.array(z.object({ id: z.string(), seriesKey: z.string(), audience: AudienceSchema, isoWeek: z.string() })),
  feedback: z.array(FeedbackEntrySchema),
});

function storedHistory(history: SubscriberHistory): SubscriberHistory {
  return SubscriberHistorySchema.parse(JSON.parse(JSON.stringify(history)));
}

/**
 * A full collection before a timed region: setting up 100,000 histories (a plain selection, JSON
 * round trips) leaves hundreds of MB of garbage whose mark-compact (~240 ms) otherwise lands in the
 * timed region by chance. Both modes get it, so the ratio stays fair; the collections the
 * selection itself causes are still timed.
 */
function collectSetupGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = z.custom<() => void>((value) => typeof value === 'function').parse(runInNewContext('gc'));
  gc();
}

function select(group: boolean, subscribers: number): Record<string, number> {
  const events = buildEvents(3000);
  const recipients = withHistory(events, buildRecipients(subscribers));
  collectSetupGarbage();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  // CPU time next to wall time: on a shared, loaded machine wall time mostly measures the neighbours.
  const cpuBefore = process.cpuUsage();
  const results = selectForMany(events, recipients, { windowStart: WINDOW_START, windowDays: 7, timeZone: ZONE, group });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  let chosen = 0;
  for (const selection of results) chosen += selection.chosen.length;
  const withPast = recipients.filter((recipient) => recipient.history !== undefined).length;
  return { subscribers, withHistory: withPast, distinctSelections: new Set(results).size, events: events.length, ms, cpuMs: (cpu.user + cpu.system) / 1000, subscribersPerSecond: subscribers / (ms / 1000), averageChosen: chosen / subscribers, rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 1e6 };
}

async function render(count: number): Promise<Record<string, number>> {
  const events = buildEvents(3000);
  const recipients = buildRecipients(count, seeded(5)).map((recipient) => ({ ...recipient, digestSize: 15, radiusMiles: 50 }));
  const selections = selectForMany(events, recipients, { windowStart: WINDOW_START, windowDays: 7, timeZone: ZONE });
  const started = performance.now();
  let bytes = 0;
  for (const [index, recipient] of recipients.entries()) {
    const chosen = selections[index]?.chosen ?? [];
    const digest = renderDigest({
      subscriber: { ...recipient, placeName: 'Lowell' },
      chosen,
      windowStart: WINDOW_START,
      windowDays: 7,
      links: { unsubscribe: 'https://netmix.example.org/u/token', preferences: 'https://netmix.example.org/preferences/token', eventIcs: (id) => `https://netmix.example.org/events/${id}.ics` },
      operator: { name: 'Career Center', postalAddress: '1 Main St, Lowell, MA 01852' },
    });
    const mime = await buildDigestMime({ from: 'digest@netmix.example.org', to: 'someone@example.org', subject: digest.subject, html: digest.html, text: digest.text, unsubscribeUrl: 'https://netmix.example.org/u/token' });
    bytes += mime.length;
  }
  const ms = performance.now() - started;
  return { digests: count, ms, digestsPerSecond: count / (ms / 1000), averageMimeKb: bytes / count / 1024 };
}

const [mode = 'grouped', countText = '100000'] = process.argv.slice(2);
const figures = mode === 'render' ? await render(Number(countText)) : select(mode === 'grouped', Number(countText));
process.stdout.write(`${JSON.stringify({ mode, ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

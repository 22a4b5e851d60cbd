/**
 * One parse measurement in its own process (so peak memory is the implementation's own):
 * `tsx bench/parse-worker.ts <netmix|icaljs|node-ical> <events>` prints one JSON line.
 */
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import type { SourceContext } from '../shared/model/source';
import { normalizeEvents } from '../shared/normalize';
import { parseIcal } from '../shared/sources/ical';
import { BENCH_WINDOW, buildBenchFeed } from './ical-feed';

const source: SourceContext = { id: 'bench', name: 'Bench region', kind: 'association', audience: 'professional', timeZone: 'America/New_York' };

/** Netmix's whole path for one feed: parse, expand, normalise into schema-checked Events. */
function netmix(text: string): number {
  const parsed = parseIcal(text, { ...BENCH_WINDOW, defaultTimeZone: 'America/New_York' });
  return normalizeEvents(parsed.events, source).events.length;
}

/** Bare ical.js used well: exceptions grouped by UID once (the plain constructor is quadratic). */
function icaljs(text: string): number {
  const jcal: unknown = ICAL.parse(text);
  if (!Array.isArray(jcal)) throw new Error('expected one VCALENDAR');
  const calendar = new ICAL.Component(jcal);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents('vevent');
  const exceptions = new Map<string, ICAL.Component[]>();
  for (const vevent of vevents) {
    if (!vevent.hasProperty('recurrence-id')) continue;
    const uid = String(vevent.getFirstPropertyValue('uid'));
    exceptions.set(uid, [...(exceptions.get(uid) ?? []), vevent]);
  }
  const from = BENCH_WINDOW.from.getTime();
  const to = BENCH_WINDOW.to.getTime();
  let occurrences = 0;
  for (const vevent of vevents) {
    if (vevent.hasProperty('recurrence-id')) continue;
    const event = new ICAL.Event(vevent, { exceptions: exceptions.get(String(vevent.getFirstPropertyValue('uid'))) ?? [] });
    if (!event.isRecurring()) {
      const start = event.startDate.toJSDate().getTime();
      if (start >= from && start <= to) occurrences += 1;
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const start = next.toJSDate().getTime();
      if (start > to + 7 * 86_400_000) break;
      const details = event.getOccurrenceDetails(next);
      const instant = details.startDate.toJSDate().getTime();
      if (instant >= from && instant <= to) occurrences += 1;
    }
  }
  return occurrences;
}

/** node-ical's documented path: parseICS, then expandRecurringEvent for every VEVENT. */
function nodeIcalParse(text: string): number {
  const calendar = nodeIcal.sync.parseICS(text);
  let occurrences = 0;
  for (const component of Object.values(calendar)) {
    if (!component || component.type !== 'VEVENT') continue;
    occurrences += nodeIcal.expandRecurringEvent(component, { from: BENCH_WINDOW.from, to: BENCH_WINDOW.to }).length;
  }
  return occurrences;
}

const implementations: Record<string, (text: string) => number> = { netmix, icaljs, 'node-ical': nodeIcalParse };

const [name = 'netmix', countText = '5000', runsText = '3'] = process.argv.slice(2);
const run = implementations[name];
if (!run) throw new Error(`unknown implementation ${name}`);
const text = buildBenchFeed(Number(countText));
const times: number[] = [];
let occurrences = 0;
for (let index = 0; index < Number(runsText); index += 1) {
  const started = performance.now();
  occurrences = run(text);
  times.push(performance.now() - started);
}
const firstMs = times[0] ?? Number.NaN;
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    name,
    vevents: Number(countText),
    bytes: Buffer.byteLength(text),
    occurrences,
    firstMs,
    medianMs: times[Math.floor(times.length / 2)],
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);

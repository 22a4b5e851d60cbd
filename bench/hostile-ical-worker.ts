/**
 * One hostile-feed parse in its own process (peak memory is its own):
 * `tsx bench/hostile-ical-worker.ts <secondly|flood|benign>` prints one JSON line. `benign` is the
 * baseline: the ordinary 1,000-VEVENT bench feed over the same kind of window.
 */
import { parseIcal } from '../shared/sources/ical';
import { BENCH_WINDOW, buildBenchFeed } from './ical-feed';

function wrap(events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//netmix//bench//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

/** 1,000 endless FREQ=SECONDLY series (~156 KB), the probe's 1.6 GB feed. */
function secondly(): string {
  const events: string[] = [];
  for (let i = 0; i < 1_000; i += 1) {
    events.push(['BEGIN:VEVENT', `UID:tick-${String(i).padStart(4, '0')}@hostile.example`, `SUMMARY:Tick ${i}`, `DTSTART:20${String(i % 26).padStart(2, '0')}0101T000000Z`, 'RRULE:FREQ=SECONDLY', 'DURATION:PT1S', 'LOCATION:Anywhere', 'END:VEVENT'].join('\r\n'));
  }
  return wrap(events);
}

/** Five endless MINUTELY series (~0.9 KB) that expand to tens of thousands of occurrences. */
function flood(): string {
  const events: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    events.push(['BEGIN:VEVENT', `UID:flood-${i}@hostile.example`, `SUMMARY:Flood ${i}`, `DTSTART:2027022${i + 1}T000000Z`, 'RRULE:FREQ=MINUTELY;INTERVAL=10', 'DURATION:PT10M', 'LOCATION:Town Hall', 'END:VEVENT'].join('\r\n'));
  }
  return wrap(events);
}

const feeds: Record<string, () => string> = { secondly, flood, benign: () => buildBenchFeed(1_000) };
const [name = 'benign'] = process.argv.slice(2);
const build = feeds[name];
if (!build) throw new Error(`unknown feed ${name}`);
const text = build();
const started = performance.now();
const result = parseIcal(text, { ...BENCH_WINDOW, defaultTimeZone: 'America/New_York' });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ name, bytes: Buffer.byteLength(text), events: result.events.length, budgetExceeded: result.budgetExceeded ?? null, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`)

/**
 * One HTML parse measurement in its own process: `tsx bench/html-worker.ts <page> <size>` prints one
 * JSON line. Pages: the hostile ones of issue 8 §4 and a flat page of the same byte size (baseline).
 */
import { DEFAULT_PARSE_BUDGET } from '../shared/model/raw-event';
import { parseHtml } from '../shared/sources/html';
import { flatPage, nestedBareItems, nestedDivs, nestedHEvents, nestedNamedItems } from '../test/support/hostile-pages';

const pages: Record<string, (size: number) => string> = {
  'nested-itemscope': nestedBareItems,
  'nested-named-items': nestedNamedItems,
  'nested-h-events': nestedHEvents,
  'nested-divs': nestedDivs,
};

const [name = 'nested-divs', sizeText = '1000', baselineText = 'no'] = process.argv.slice(2);
const build = pages[name];
if (!build) throw new Error(`unknown page ${name}`);
const hostile = build(Number(sizeText));
const html = baselineText === 'baseline' ? flatPage(hostile.length) : hostile;
const started = performance.now();
const result = parseHtml(html, {
  from: new Date('2000-01-01T00:00:00Z'),
  to: new Date('2100-01-01T00:00:00Z'),
  defaultTimeZone: 'America/New_York',
  budget: { ...DEFAULT_PARSE_BUDGET, maxOccurrences: 1_000_000 },
});
const ms = performance.now() - started;
console.log(JSON.stringify({ name, size: Number(sizeText), bytes: html.length, ms, events: result.events.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));

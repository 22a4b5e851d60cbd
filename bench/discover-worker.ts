/**
 * Discovery of a homepage with five candidates (The Events Calendar's REST API and iCal export, a
 * webcal feed, a Google Calendar embed that cannot resolve offline, the page's own JSON-LD), on
 * 127.0.0.1, in its own process. Baseline: one fetch and read of the homepage alone, same run.
 * Prints one JSON line.
 */
import { discoverSources } from '../shared/discover';
import { readDocument } from '../shared/sources';
import { DISCOVERY_NOW, localOnlyFetcher, startJobSeekerSite } from '../test/integration/discover/site';

const RUNS = 7;
const server = await startJobSeekerSite();
const zone = 'America/New_York';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const baseline: number[] = [];
const discovery: number[] = [];
let candidates = 0;
for (let run = 0; run < RUNS; run += 1) {
  // A fresh fetcher each run, so robots.txt is fetched each time as on a first visit.
  const single = localOnlyFetcher(server);
  baseline.push(
    await timed(async () => {
      const outcome = await single.fetch(server.url('/'));
      if (outcome.kind === 'ok') readDocument(outcome.body, { id: 'b', name: 'b', kind: 'other', audience: 'professional', timeZone: zone }, { from: DISCOVERY_NOW, to: new Date(DISCOVERY_NOW.getTime() + 90 * 86_400_000), defaultTimeZone: zone, baseUrl: outcome.finalUrl });
    }),
  );
  await single.close();
  const fetcher = localOnlyFetcher(server);
  discovery.push(
    await timed(async () => {
      candidates = (await discoverSources(server.url('/'), { fetcher, now: DISCOVERY_NOW, timeZone: zone })).candidates.length;
    }),
  );
  await fetcher.close();
}
// With the fetcher's default politeness (1 s between requests to one host), as an operator runs it.
const polite = localOnlyFetcher(server, { perHostDelayMs: 1000 });
const politeMs = await timed(() => discoverSources(server.url('/'), { fetcher: polite, now: DISCOVERY_NOW, timeZone: zone }));
await polite.close();
const requests = server.requests.length;
await server.close();
process.stdout.write(`${JSON.stringify({ candidates, runs: RUNS, baselineMs: median(baseline), discoveryMs: median(discovery), politeMs, requests })}\n`);

/**
 * `npm start [-- --once] [--sources FILE] [--date YYYY-MM-DD]`: the whole weekly job on the embedded
 * local default — DynamoDB Local, the local SES endpoint, the sample region served from 127.0.0.1 —
 * with no AWS account: ingest every source, retire the stored sources the file no longer lists, seed
 * demo subscribers (sample region only), send this week's digests as the region's operator. While it
 * runs, other commands (`send-digests`, `report`, …) use its servers (`.netmix/local.json`).
 */
import { parseArgs } from 'node:util';
import { JavaMissingError } from '../shared/local/dynamo-local';
import { LocalDateSchema } from '../shared/model/common';
import { retireMissingSources } from '../shared/ingest/retire';
import { seedDemoSubscribers, stopDemoSubscribers } from './demo-subscribers';
import { formatIngestSummary, runIngestJob } from './ingest';
import { processIo, type Io } from './io';
import { writeLocalRegion } from './local-runtime-file';
import { LocalStackBusyError, startLocalStack } from './local-stack';
import { formatDigestSummary, runDigestJob } from './send-digests';
import { DEFAULT_SOURCES_FILE, loadSources } from './sources-input';

export interface StartOptions {
  /** Stops a long-running start (tests); SIGINT and SIGTERM always do. */
  signal?: AbortSignal;
}

export async function runStart(argv: string[], io: Io, options: StartOptions = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      once: { type: 'boolean', default: false },
      sources: { type: 'string', default: DEFAULT_SOURCES_FILE },
      date: { type: 'string' },
    },
  });
  const date = values.date === undefined ? undefined : LocalDateSchema.parse(values.date);
  const started = Date.now();
  const loaded = await loadSources(values.sources, io.now);
  const timeZone = loaded.file.region.timeZone;
  io.out(`Netmix: ${loaded.sources.length} sources of "${loaded.file.region.name}"${loaded.sample ? ` (sample region served at ${loaded.sample.origin})` : ''}`);
  io.out('Starting DynamoDB Local, the local SES endpoint and the subscription API…');
  let stack;
  try {
    stack = await startLocalStack({ timeZone, io, operator: loaded.operator, publish: true });
  } catch (error) {
    await loaded.close();
    if (error instanceof JavaMissingError || error instanceof LocalStackBusyError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  try {
    if (loaded.operatorWarning !== null) io.err(loaded.operatorWarning);
    const { region } = loaded.file;
    await writeLocalRegion({ name: region.name, timeZone, operator: loaded.operator, sample: loaded.sampleRegion, sourceIds: loaded.sources.map((source) => source.id) });
    io.out('\n1. Ingest');
    const results = await runIngestJob({ stores: stack.local.stores, fetcher: loaded.fetcher, sources: loaded.sources, timeZone }, io, process.stderr.isTTY);
    io.out(formatIngestSummary(loaded.sources, results));
    const retired = await retireMissingSources({ events: stack.local.stores.events, sourceStates: stack.local.stores.sources }, loaded.sources.map((source) => source.id), io.now());
    if (retired.length > 0) {
      const removed = retired.reduce((sum, each) => sum + each.removedEvents, 0);
      io.out(`Retired ${retired.length} stored sources no longer in ${values.sources} (${retired.map((each) => each.sourceId).join(', ')}); ${removed} upcoming events left the digests.`);
    }

    io.out('\n2. Subscribers');
    const now = io.now();
    const subscribers = stack.local.stores.subscribers;
    if (loaded.sampleRegion) {
      const seeded = await seedDemoSubscribers(subscribers, now, timeZone);
      if (seeded > 0) io.out(`Added ${seeded} demo subscribers (Lowell, Boston, Nashua, Framingham).`);
    } else {
      const stopped = await stopDemoSubscribers(subscribers, now);
      if (stopped > 0) io.out(`Unsubscribed the sample region's ${stopped} demo subscribers: "${region.name}" mails only its own.`);
    }
    const active = (await subscribers.listActive()).length;
    io.out(`${active} active subscribers.${active === 0 ? ` Sign up at ${stack.apiUrl}/ to get a digest.` : ''}`);

    io.out('\n3. Weekly digest');
    // The cards fall back on a source's page and place when an event has no link or street.
    const sources = new Map(loaded.sources.map((source) => [source.id, { url: source.url, ...(source.place ? { place: source.place } : {}) }]));
    const summary = await runDigestJob(stack, io, { timeZone, operator: loaded.operator, sources, ...(date ? { date } : {}) });
    io.out(formatDigestSummary(summary));

    io.out(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Where to look next:`);
    io.out(`  the mail that was sent:     ${stack.ses.viewerUrl}`);
    io.out(`  each digest as a web page:  ${summary.outbox}`);
    io.out(`  sign up / preferences:      ${stack.apiUrl}/`);
    io.out('  source health:              npx netmix sources status');
    io.out('  one feed or page:           npx netmix preview <file-or-url>');
    if (values.once) return summary.failed === 0 ? 0 : 1;
    io.out('\nThe mail viewer and the subscription API keep running (`npx netmix send-digests` uses them); press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      const done = () => {
        process.off('SIGINT', done);
        process.off('SIGTERM', done);
        options.signal?.removeEventListener('abort', done);
        resolve();
      };
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      if (options.signal?.aborted === true) done();
      else options.signal?.addEventListener('abort', done);
    });
    return 0;
  } finally {
    await loaded.close();
    await stack.stop();
  }
}

// `npm start` runs this file directly; `netmix start` imports runStart.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  // Node 20 is supported here (Lambdas run 22); the SDK's reminder about future releases is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.exitCode = await runStart(process.argv.slice(2), processIo);
}

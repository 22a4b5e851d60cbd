/**
 * `npm start [-- --once] [--sources FILE] [--date YYYY-MM-DD]`: the whole weekly job on the embedded
 * local default — DynamoDB Local, the local SES endpoint, the sample region served from 127.0.0.1 —
 * with no AWS account: ingest every source, seed demo subscribers, send this week's digests.
 */
import { parseArgs } from 'node:util';
import { JavaMissingError } from '../shared/local/dynamo-local';
import { LocalDateSchema } from '../shared/model/common';
import { seedDemoSubscribers } from './demo-subscribers';
import { formatIngestSummary, runIngestJob } from './ingest';
import { processIo, type Io } from './io';
import { startLocalStack } from './local-stack';
import { formatDigestSummary, runDigestJob } from './send-digests';
import { DEFAULT_SOURCES_FILE, loadSources } from './sources-input';

export async function runStart(argv: string[], io: Io): Promise<number> {
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
    stack = await startLocalStack({ timeZone, io });
  } catch (error) {
    await loaded.close();
    if (error instanceof JavaMissingError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  try {
    io.out('\n1. Ingest');
    const results = await runIngestJob({ stores: stack.local.stores, fetcher: loaded.fetcher, sources: loaded.sources, timeZone }, io, process.stderr.isTTY);
    io.out(formatIngestSummary(loaded.sources, results));

    io.out('\n2. Subscribers');
    const seeded = await seedDemoSubscribers(stack.local.stores.subscribers, io.now(), timeZone);
    const active = (await stack.local.stores.subscribers.listActive()).length;
    io.out(seeded > 0 ? `Added ${seeded} demo subscribers (Lowell, Boston, Nashua, Framingham).` : `${active} active subscribers.`);

    io.out('\n3. Weekly digest');
    const summary = await runDigestJob(stack, io, { timeZone, ...(date ? { date } : {}) });
    io.out(formatDigestSummary(summary));

    io.out(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Where to look next:`);
    io.out(`  the mail that was sent:     ${stack.ses.viewerUrl}`);
    io.out(`  each digest as a web page:  ${summary.outbox}`);
    io.out(`  sign up / preferences:      ${stack.api.url}/`);
    io.out('  source health:              npx netmix sources status');
    io.out('  one feed or page:           npx netmix preview <file-or-url>');
    if (values.once) return summary.failed === 0 ? 0 : 1;
    io.out('\nThe mail viewer and the subscription API keep running; press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => {
        resolve();
      });
      process.once('SIGTERM', () => {
        resolve();
      });
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

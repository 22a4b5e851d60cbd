/**
 * `netmix send-digests [--date YYYY-MM-DD] [--dry-run] [--tz ZONE]`: this week's digests from the
 * local store, through a running `npm start`'s DynamoDB Local and SES when there is one, signed by
 * the operator of the region `npm start` last ran (`.netmix/region.json`).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sendDigests, type DigestRunSummary } from '../shared/digest/send-digests';
import { isoWeekOf } from '../shared/digest/iso-week';
import { LocalDateSchema } from '../shared/model/common';
import { createDynamoWeekTallyStore } from '../shared/store/dynamo-week-tally';
import { localDateOf } from '../shared/time/zoned';
import { formatTable } from './format';
import type { Io } from './io';
import type { Operator, SourceFacts } from '../shared/digest/view';
import { localDir, readLocalRegion } from './local-runtime-file';
import { LOCAL_FROM, LOCAL_OPERATOR, startLocalStack, type LocalStack } from './local-stack';
import { writeOutboxDigest, writeOutboxIndex } from './outbox';

/**
 * Sends (or, dry, renders) the week's digests and writes each one's HTML under
 * `.netmix/outbox/<ISO week>/<subscriber id>.html`, with `.netmix/outbox/index.html` listing them.
 */
export async function runDigestJob(
  stack: LocalStack,
  io: Io,
  options: { timeZone: string; operator: Operator; date?: string; dryRun?: boolean; outboxRoot?: string; sources?: ReadonlyMap<string, SourceFacts> },
): Promise<DigestRunSummary & { outbox: string }> {
  const outbox = options.outboxRoot ?? join(localDir(), 'outbox');
  const week = isoWeekOf(options.date ?? localDateOf(io.now(), options.timeZone)).key;
  const summary = await sendDigests(
    {
      events: stack.local.stores.events,
      subscribers: stack.local.stores.subscribers,
      deliveries: stack.local.stores.deliveries,
      feedback: stack.local.stores.feedback,
      tally: createDynamoWeekTallyStore(stack.local.client, stack.local.tableNames.deliveries),
      mailer: stack.mailer,
      links: stack.links,
      clock: { now: io.now },
      outbox: (subscriberId, html) => writeOutboxDigest(outbox, week, subscriberId, html),
    },
    {
      from: LOCAL_FROM,
      operator: options.operator,
      windowDays: 7,
      timeZone: options.timeZone,
      ...(options.date ? { date: options.date } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.sources ? { sources: options.sources } : {}),
    },
  );
  return { ...summary, outbox: await writeOutboxIndex(outbox) };
}

export function formatDigestSummary(summary: DigestRunSummary): string {
  const rows = [
    ['sent', String(summary.sent)],
    ...summary.skipped.map((skip) => [`skipped: ${skip.reason}`, String(skip.count)]),
    ['failed', String(summary.failed)],
  ];
  return `Digests for ISO week ${summary.isoWeek}, ${summary.subscribers} active subscribers\n${formatTable(['outcome', 'subscribers'], rows)}`;
}

export async function runSendDigests(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { date: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, tz: { type: 'string' } },
  });
  const date = values.date === undefined ? undefined : LocalDateSchema.parse(values.date);
  const region = await readLocalRegion();
  const timeZone = values.tz ?? region?.timeZone ?? 'America/New_York';
  const operator = region?.operator ?? LOCAL_OPERATOR;
  const stack = await startLocalStack({ timeZone, io, operator });
  try {
    if (stack.attached) io.out(`Using the running \`npm start\` (pid ${stack.local.runningStack?.pid ?? '?'}): its store and mail viewer.`);
    const summary = await runDigestJob(stack, io, { timeZone, operator, ...(date ? { date } : {}), dryRun: values['dry-run'] });
    io.out(formatDigestSummary(summary));
    io.out(`\nMail viewer: ${stack.ses.viewerUrl}   HTML copies: ${summary.outbox}`);
    return summary.failed === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

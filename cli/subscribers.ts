/**
 * `netmix subscribers [count] [--list]`: the list by status, without addresses unless `--list`.
 * A command of subcommands (`count` is the default); another adds `migrate` in SUBCOMMANDS.
 */
import { parseArgs } from 'node:util';
import { SubscriberStatusSchema } from '../shared/model/subscriber';
import { mondayOfIsoWeek } from '../shared/ops/report';
import { addDays, startOfLocalDay } from '../shared/time/zoned';
import { UsageError } from './errors';
import { formatTable } from './format';
import type { Io } from './io';
import { openOpsTarget, TARGET_HELP, TARGET_OPTIONS, wantsHelp } from './ops-target';
import { weekOf, zoneOf } from './report';

export const SUBSCRIBERS_HELP = `usage: netmix subscribers [count] [--list] [--status S] [--week W] [--aws ...]

  Subscribers by status (pending, active, unsubscribed, suppressed) and how many are new this week.
  Prints no address unless --list is given.
  --list           also list each subscriber: id, status, address, ZIP, created
  --status S       with --list, only this status
  --week W         the ISO week "new" counts (default this week)
${TARGET_HELP}`;

type Subcommand = (argv: string[], io: Io) => Promise<number>;

async function runCount(argv: string[], io: Io): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(SUBSCRIBERS_HELP);
    return 0;
  }
  const { values } = parseArgs({ args: argv, options: { ...TARGET_OPTIONS, list: { type: 'boolean', default: false }, status: { type: 'string' }, week: { type: 'string' } } });
  const only = values.status === undefined ? null : SubscriberStatusSchema.safeParse(values.status);
  if (only !== null && !only.success) throw new UsageError(`--status must be one of ${SubscriberStatusSchema.options.join(', ')}`);
  const target = await openOpsTarget({ aws: values.aws, outputs: values.outputs, ...(values.stack === undefined ? {} : { stack: values.stack }), ...(values.region === undefined ? {} : { region: values.region }) });
  try {
    const timeZone = zoneOf(values.tz, target);
    const week = weekOf(values.week, io.now(), timeZone);
    const monday = mondayOfIsoWeek(week);
    const from = startOfLocalDay(monday, timeZone).getTime();
    const to = startOfLocalDay(addDays(monday, 7), timeZone).getTime();
    const lists = await Promise.all(SubscriberStatusSchema.options.map(async (status) => ({ status, subscribers: await target.reads.listSubscribersByStatus(status) })));
    const isNew = (createdAt: string): boolean => Date.parse(createdAt) >= from && Date.parse(createdAt) < to;
    const rows = lists.map(({ status, subscribers }) => [status, String(subscribers.length), String(subscribers.filter((s) => isNew(s.createdAt)).length)]);
    const total = lists.reduce((sum, { subscribers }) => sum + subscribers.length, 0);
    io.out(`Subscribers in the ${target.where}; new = created in ISO week ${week} (${timeZone})`);
    io.out(formatTable(['status', 'subscribers', `new in ${week}`], [...rows, ['total', String(total), String(lists.reduce((sum, { subscribers }) => sum + subscribers.filter((s) => isNew(s.createdAt)).length, 0))]]));
    if (values.list) {
      const listed = lists.filter(({ status }) => only === null || only.data === status).flatMap(({ subscribers }) => subscribers);
      io.out('');
      io.out(formatTable(['id', 'status', 'address', 'ZIP', 'created'], listed.map((s) => [s.id, s.status, s.email, s.zip, s.createdAt]), 60));
    }
    return 0;
  } finally {
    await target.close();
  }
}

/** Subcommands by name; the first argument picks one when it is not an option. */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  count: runCount,
  // Loaded on use: the merge pulls in the store's migration code, which counting does not need.
  migrate: async (argv, io) => (await import('./subscribers-migrate')).runSubscribersMigrate(argv, io),
};

export async function runSubscribers(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) return runCount(argv, io);
  const subcommand = SUBCOMMANDS[first];
  if (subcommand === undefined) throw new UsageError(`unknown subcommand "${first}" (one of ${Object.keys(SUBCOMMANDS).join(', ')})`);
  return subcommand(rest, io);
}

/** `netmix deliveries [--week W]`: what the week's digests carried and to how many, and what was skipped or failed. */
import { parseArgs } from 'node:util';
import { formatTable } from './format';
import type { Io } from './io';
import { openOpsTarget, TARGET_HELP, TARGET_OPTIONS, wantsHelp } from './ops-target';
import { weekOf, zoneOf } from './report';

export const DELIVERIES_HELP = `usage: netmix deliveries [--week W] [--top N] [--aws ...]

  The week's digests: how many were sent, skipped (and why) and failed, and each event they carried
  with the number of subscribers it went to (most sent first).
  --week W         the ISO week (default this week)
  --top N          list at most N events (default 20; 0 lists all)
${TARGET_HELP}`;

export async function runDeliveries(argv: string[], io: Io): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(DELIVERIES_HELP);
    return 0;
  }
  const { values } = parseArgs({ args: argv, options: { ...TARGET_OPTIONS, week: { type: 'string' }, top: { type: 'string', default: '20' } } });
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`--top must be a whole number, got ${values.top}`);
  const target = await openOpsTarget({ aws: values.aws, outputs: values.outputs, ...(values.stack === undefined ? {} : { stack: values.stack }), ...(values.region === undefined ? {} : { region: values.region }) });
  try {
    const week = weekOf(values.week, io.now(), zoneOf(values.tz, target));
    const [deliveries, tally] = await Promise.all([target.reads.listDeliveriesOfWeek(week), target.tally.get(week)]);
    const sent = deliveries.filter((d) => d.messageId !== null);
    const unsent = deliveries.length - sent.length;
    const recipients = new Map<string, number>();
    for (const delivery of sent) for (const id of delivery.eventIds) recipients.set(id, (recipients.get(id) ?? 0) + 1);
    const ranked = [...recipients].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = top === 0 ? ranked : ranked.slice(0, top);
    const events = await Promise.all(shown.map(([id]) => target.events.get(id)));
    io.out(`Deliveries of ISO week ${week} in the ${target.where}`);
    io.out(
      formatTable(
        ['outcome', 'subscribers'],
        [
          ['sent', String(sent.length)],
          ...tally.skipped.map(({ reason, count }) => [`skipped: ${reason}`, String(count)]),
          ['failed sends', String(tally.failed)],
          ...(unsent > 0 ? [['claimed, not sent', String(unsent)]] : []),
        ],
      ),
    );
    io.out(`\n${sent.reduce((sum, d) => sum + d.eventIds.length, 0)} events in ${sent.length} digests, ${recipients.size} different events${shown.length < ranked.length ? ` (the ${shown.length} most sent below)` : ''}`);
    if (shown.length > 0) {
      const rows = shown.map(([id, count], index) => {
        const event = events[index];
        return [String(count), event?.startDate ?? '', event?.title ?? `(event ${id} no longer stored)`];
      });
      io.out(formatTable(['sent to', 'date', 'event'], rows, 70));
    }
    return 0;
  } finally {
    await target.close();
  }
}

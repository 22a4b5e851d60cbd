/** `netmix preview <file-or-url>... [--from] [--to] [--tz] [--json]` */
import { parseArgs } from 'node:util';
import type { Event } from '../shared/model/event';
import { describeSchedule } from '../shared/sources/schedule-text';
import { formatCost, formatPlace, formatTable, formatWhen } from './format';
import { readEventsFromInputs } from './read-events';
import { resolveWindow, WindowArgsSchema } from './window';
import { UsageError } from './errors';
import type { Io } from './io';

export const PREVIEW_USAGE = 'usage: netmix preview <file-or-url>... [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE] [--json]';

/** One line per group whose meetings were worked out from a sentence, so the operator can check the reading. */
function scheduleLines(events: readonly Event[]): string[] {
  const lines = new Map<string, string>();
  for (const event of events) {
    if (event.provenance !== 'schedule-text' || event.scheduleText === null || lines.has(event.title)) continue;
    lines.set(event.title, `  ${event.title}: ${describeSchedule(event.scheduleText, [event.title])} ("${event.scheduleText}")`);
  }
  return [...lines.values()];
}

export async function runPreview(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, tz: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError(PREVIEW_USAGE);
  const window = resolveWindow(WindowArgsSchema.parse({ from: values.from, to: values.to, tz: values.tz }), io.now());
  const { events, problems } = await readEventsFromInputs(positionals, window);
  if (values.json) {
    io.out(JSON.stringify({ events, problems }));
    return 0;
  }
  const rows = events.map((event) => [
    formatWhen(event, window.timeZone),
    event.status === 'cancelled' ? `[cancelled] ${event.title}` : event.title,
    event.audience,
    formatPlace(event),
    formatCost(event),
    event.sources.map((source) => source.name).join(', '),
  ]);
  io.out(formatTable(['When', 'Title', 'Audience', 'Where', 'Cost', 'Listed by'], rows));
  const schedules = scheduleLines(events);
  if (schedules.length > 0) io.out(`\nRead from schedule sentences (check each group's page):\n${schedules.join('\n')}`);
  io.out(`\n${events.length} events from ${window.fromDate} to ${window.toDate} (${window.timeZone}); ${problems.length} problems`);
  for (const problem of problems.slice(0, 20)) io.err(`  problem in ${problem.input}: ${problem.message}`);
  if (problems.length > 20) io.err(`  … and ${problems.length - 20} more (see --json)`);
  return 0;
}

/** `netmix preview <file-or-url>... [--from] [--to] [--tz] [--json]` */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Event } from '../shared/model/event';
import { SelectorRecipeSchema, type SelectorRecipe } from '../shared/model/source';
import { detectKind } from '../shared/sources';
import { describeSchedule } from '../shared/sources/schedule-text';
import { describeJsonError } from '../shared/sources/sources-file-problems';
import { formatCost, formatPlace, formatTable, formatWhen } from './format';
import { readEventsFromInputs } from './read-events';
import { resolveWindow, WindowArgsSchema } from './window';
import { UsageError } from './errors';
import { InputError } from './inputs';
import type { Io } from './io';
import { formatProbe, probeRecipe } from './recipe-probe';

export const PREVIEW_USAGE = 'usage: netmix preview <file-or-url>... [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE] [--recipe FILE] [--json]';

/** Reads and checks a selector recipe file (`{"item": …, "title": …, "date": …}`). */
async function readRecipe(path: string): Promise<SelectorRecipe> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read the recipe file`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: ${describeJsonError(text, error)}`, { cause: error });
  }
  const parsed = SelectorRecipeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(`${path}: not a selector recipe: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(recipe)'}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

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
    options: { from: { type: 'string' }, to: { type: 'string' }, tz: { type: 'string' }, json: { type: 'boolean', default: false }, recipe: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError(PREVIEW_USAGE);
  const window = resolveWindow(WindowArgsSchema.parse({ from: values.from, to: values.to, tz: values.tz }), io.now());
  const recipe = values.recipe === undefined ? undefined : await readRecipe(values.recipe);
  const probes: string[] = [];
  const { events, problems } = await readEventsFromInputs(positionals, window, {
    ...(recipe ? { recipe } : {}),
    onInput: (input) => {
      if (recipe === undefined || detectKind(input.text) !== 'html') return;
      probes.push(`Recipe on ${input.input}:`, ...formatProbe(probeRecipe(input.text, recipe), recipe));
    },
  });
  // With --json stdout stays one JSON object, so what the selectors matched goes to stderr.
  for (const line of probes) (values.json ? io.err : io.out)(line);
  if (probes.length > 0 && !values.json) io.out('');
  if (values.json) {
    io.out(JSON.stringify({ events, problems }));
    return 0;
  }
  const rows = events.map((event) => [
    formatWhen(event, window.timeZone),
    event.status === 'cancelled' ? `[cancelled] ${event.title}` : event.title,
    event.audience,
    event.fields.join(', '),
    formatPlace(event),
    formatCost(event),
    event.sources.map((source) => source.name).join(', '),
  ]);
  io.out(formatTable(['When', 'Title', 'Audience', 'Fields', 'Where', 'Cost', 'Listed by'], rows));
  const schedules = scheduleLines(events);
  if (schedules.length > 0) io.out(`\nRead from schedule sentences (check each group's page):\n${schedules.join('\n')}`);
  io.out(`\n${events.length} events from ${window.fromDate} to ${window.toDate} (${window.timeZone}); ${problems.length} problems`);
  for (const problem of problems.slice(0, 20)) io.err(`  problem in ${problem.input}: ${problem.message}`);
  if (problems.length > 20) io.err(`  … and ${problems.length - 20} more (see --json)`);
  return 0;
}

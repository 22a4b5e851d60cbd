/**
 * `netmix feedback [--week] [--weeks N]`: what subscribers told the digest, counted by category and
 * audience ("I'm going" / "Not for me"), from the local store: the operator's data to improve the
 * classifier (a category with many "Not for me" is probably mis-tagged).
 */
import { parseArgs } from 'node:util';
import { isoWeekOf } from '../shared/digest/iso-week';
import type { FeedbackCount, FeedbackStore } from '../shared/ports';
import { addDays } from '../shared/time/zoned';
import { UsageError } from './errors';
import { formatTable } from './format';
import type { Io } from './io';
import { openLocalStore } from './local-runtime';

/** The ISO weeks (UTC) of the `count` weeks ending with the one holding `now`, newest first. */
export function lastIsoWeeks(now: Date, count: number): string[] {
  const today = now.toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, back) => isoWeekOf(addDays(today, -7 * back)).key);
}

/** The counts as a table: one row per category × audience, with both kinds and the "Not for me" share. */
export function formatFeedbackCounts(counts: readonly FeedbackCount[], weeks: readonly string[]): string {
  const span = weeks.length === 1 ? `week ${weeks[0] ?? ''}` : `${weeks.at(-1) ?? ''} to ${weeks[0] ?? ''}`;
  if (counts.length === 0) return `No feedback recorded (${span}).`;
  const rows = new Map<string, { category: string; audience: string; going: number; notForMe: number }>();
  for (const count of counts) {
    const key = `${count.category}|${count.audience}`;
    const row = rows.get(key) ?? { category: count.category, audience: count.audience, going: 0, notForMe: 0 };
    if (count.kind === 'going') row.going += count.count;
    else row.notForMe += count.count;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => b.notForMe + b.going - (a.notForMe + a.going) || a.category.localeCompare(b.category) || a.audience.localeCompare(b.audience));
  const share = (row: { going: number; notForMe: number }) => `${Math.round((100 * row.notForMe) / (row.going + row.notForMe))}%`;
  const total = sorted.reduce((sum, row) => ({ going: sum.going + row.going, notForMe: sum.notForMe + row.notForMe }), { going: 0, notForMe: 0 });
  const table = formatTable(
    ['category', 'audience', "I'm going", 'Not for me', 'not for me %'],
    [...sorted.map((row) => [row.category, row.audience, String(row.going), String(row.notForMe), share(row)]), ['total', '', String(total.going), String(total.notForMe), share(total)]],
  );
  return `Feedback by category and audience (${span}, UTC weeks)\n${table}`;
}

/** Reads the counts of `weeks` from `store` and formats them. */
export async function feedbackReport(store: FeedbackStore, weeks: readonly string[]): Promise<string> {
  return formatFeedbackCounts(await store.counts(weeks), weeks);
}

/** The ISO weeks the options ask for. */
export function weeksFromArgs(argv: string[], now: Date): string[] {
  const { values } = parseArgs({ args: argv, options: { week: { type: 'boolean', default: false }, weeks: { type: 'string' } } });
  if (values.week && values.weeks !== undefined) throw new UsageError('give --week or --weeks, not both');
  if (values.week) return lastIsoWeeks(now, 1);
  const count = values.weeks === undefined ? 52 : Number(values.weeks);
  if (!Number.isInteger(count) || count < 1 || count > 260) throw new UsageError(`--weeks must be a whole number from 1 to 260 (got ${values.weeks ?? ''})`);
  return lastIsoWeeks(now, count);
}

export async function runFeedback(argv: string[], io: Io): Promise<number> {
  const weeks = weeksFromArgs(argv, io.now());
  const local = await openLocalStore();
  try {
    io.out(await feedbackReport(local.stores.feedback, weeks));
    return 0;
  } finally {
    await local.stop();
  }
}

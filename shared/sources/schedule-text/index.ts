/**
 * Schedules written as sentences: a job-seeker group's "Meets the first and third Thursday of each
 * month, 9:00 to 11:00 a.m., at Memorial Hall Library, …", a volunteer's page of such groups, or a
 * sources-file entry that carries the sentence itself. Each readable sentence becomes dated
 * occurrences in the window (provenance `schedule-text`, with the sentence); each one that cannot
 * be read without guessing becomes a problem that quotes it.
 */
import { load } from 'cheerio/slim';
import { isIanaTimeZone } from '../../model/common';
import { DEFAULT_PARSE_BUDGET, newRawEvent, type ParseOptions, type ParseProblem, type ParseResult, type RawEvent } from '../../model/raw-event';
import { localDateOf } from '../../time/zoned';
import { pageBlocks, type TextBlock } from './blocks';
import { budgetFrom, expandRule, type BudgetLeft } from './expand';
import { findPlace } from './place';
import { readBlock } from './read-block';
import { DEFAULT_LENGTH_MINUTES, type ScheduleRule } from './rule';

export type { ScheduleRule, DayPattern, ScheduleProblem } from './rule';
export { readBlock } from './read-block';
export { describeSchedule } from './describe';

const MAX_DESCRIPTION = 1000;

function clockText(hour: number, minute: number): string {
  const suffix = hour < 12 ? 'am' : 'pm';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${twelve} ${suffix}` : `${twelve}:${String(minute).padStart(2, '0')} ${suffix}`;
}

function descriptionOf(block: TextBlock, rule: ScheduleRule): string {
  const text = block.text.replace(/\s+/g, ' ').trim().slice(0, MAX_DESCRIPTION);
  if (!rule.endAssumed) return text;
  // The end is ours, not the group's: say so where the subscriber reads the details.
  const note = `(The page gives only a start time; the end, ${clockText(rule.end.hour, rule.end.minute)}, is assumed: about ${DEFAULT_LENGTH_MINUTES} minutes.)`;
  return `${text} ${note}`.trim();
}

function eventsOf(block: TextBlock, rule: ScheduleRule, index: number, options: ReadBlocksOptions, budget: BudgetLeft): RawEvent[] {
  const title = block.title ?? options.fallbackTitle;
  const location = findPlace(block.text, block.address);
  return expandRule(rule, options, options.timeZone, budget).map((occurrence) => newRawEvent({
    uid: `schedule-text:${title.toLowerCase()}${index === 0 ? '' : `#${index + 1}`}`,
    title,
    start: occurrence.start,
    end: occurrence.end,
    allDay: false,
    startDate: occurrence.date,
    timeZone: options.timeZone,
    location,
    url: options.pageUrl ?? null,
    description: descriptionOf(block, rule),
    attendanceMode: location === 'Online' ? 'online' : null,
    scheduleText: rule.sentence,
  }, 'schedule-text'));
}

interface ReadBlocksOptions {
  from: Date;
  to: Date;
  timeZone: string;
  pageUrl: string | undefined;
  fallbackTitle: string;
  pageTitle: string | null;
}

function readBlocks(blocks: readonly TextBlock[], options: ReadBlocksOptions, budget: BudgetLeft): ParseResult {
  const events: RawEvent[] = [];
  const problems: ParseProblem[] = [];
  const today = localDateOf(options.from, options.timeZone);
  for (const block of blocks) {
    const names = [block.title, options.pageTitle].filter((name): name is string => name !== null);
    const reading = readBlock(block.text, names, today);
    const where = `schedule text${block.title === null ? '' : ` (${block.title.slice(0, 80)})`}`;
    for (const problem of reading.problems) problems.push({ where, message: `cannot read "${problem.sentence.slice(0, 200)}": ${problem.reason}` });
    if (reading.paused !== null) problems.push({ where, message: `the group says it is paused ("${reading.paused.slice(0, 200)}"); no meetings listed` });
    reading.rules.forEach((rule, index) => {
      events.push(...eventsOf(block, rule, index, options, budget));
    });
    if (budget.exceeded !== null) break;
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  const result: ParseResult = { events, problems, meta: options.pageTitle === null ? {} : { calendarName: options.pageTitle } };
  if (budget.exceeded !== null) result.budgetExceeded = budget.exceeded;
  return result;
}

function zoneOf(options: ParseOptions, problems: ParseProblem[]): string {
  if (isIanaTimeZone(options.defaultTimeZone)) return options.defaultTimeZone;
  problems.push({ message: `default time zone "${options.defaultTimeZone.slice(0, 60)}" is not an IANA zone; reading schedule text as UTC` });
  return 'UTC';
}

/**
 * Reads the schedule sentences of an HTML page (one group, or a list of groups under their own
 * headings) into occurrences in [from, to]. Never throws: a page that cannot be read is a problem.
 */
export function parseScheduleText(html: string, options: ParseOptions): ParseResult {
  const problems: ParseProblem[] = [];
  try {
    const timeZone = zoneOf(options, problems);
    const { pageTitle, blocks } = pageBlocks(load(html));
    const read = readBlocks(
      blocks,
      { from: options.from, to: options.to, timeZone, pageUrl: options.baseUrl, fallbackTitle: pageTitle ?? 'Group meeting', pageTitle },
      budgetFrom(options.budget ?? DEFAULT_PARSE_BUDGET),
    );
    return { ...read, problems: [...problems, ...read.problems] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { events: [], problems: [...problems, { message: `schedule text could not be read (${reason.slice(0, 200)})` }], meta: {} };
  }
}

/** A sources-file entry's own schedule: the sentence, the group's name, its page if it has one. */
export interface ScheduleEntry {
  name: string;
  schedule: string;
  url?: string;
}

/** Reads a sources-file entry's `schedule` sentence into occurrences in [from, to]. Never throws. */
export function parseScheduleEntry(entry: ScheduleEntry, options: ParseOptions): ParseResult {
  const problems: ParseProblem[] = [];
  try {
    const timeZone = zoneOf(options, problems);
    const read = readBlocks(
      [{ title: entry.name, text: entry.schedule, address: null }],
      { from: options.from, to: options.to, timeZone, pageUrl: entry.url ?? options.baseUrl, fallbackTitle: entry.name, pageTitle: null },
      budgetFrom(options.budget ?? DEFAULT_PARSE_BUDGET),
    );
    return { ...read, problems: [...problems, ...read.problems] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { events: [], problems: [...problems, { message: `schedule could not be read (${reason.slice(0, 200)})` }], meta: {} };
  }
}

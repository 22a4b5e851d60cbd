import ICAL from 'ical.js';
import { DEFAULT_PARSE_BUDGET, type ParseOptions, type ParseProblem, type ParseResult, type RawEvent } from '../../model/raw-event';
import { localDateOfCached as localDateOf } from '../../time/zoned';
import { DocumentBudget } from './budget';
import { readCalendarMeta } from './calendar-meta';
import { compactProblems } from './problems';
import { type ExpandOptions, expandSeries, type Occurrence, single } from './expand';
import { groupSeries, type Series } from './group';
import { type ParsedVEvent, readVEvent, UnreadableEventError } from './read-vevent';
import { type Block, scan, whereOf } from './scan';
import { type BuildContext, toRawEvent } from './to-raw-event';
import { readVenue, type VenueEntry, venueLookup } from './venues';
import { canonicalIana, ianaForWindowsName } from './zone-names';
import { ianaZone, ZoneResolver } from './zones';

/** An RRULE that has not reached the window after this many instances is given up (with a problem). */
const MAX_ITERATIONS = 50_000;

/**
 * Reads an iCalendar feed into every occurrence that starts in [options.from, options.to], plus
 * a problem for each part that could not be read. Never throws: one bad line costs at most its
 * event, and one bad event never costs the feed.
 */
export function parseIcal(text: string, options: ParseOptions): ParseResult {
  const problems: ParseProblem[] = [];
  try {
    return parseOrThrow(text, options, problems);
  } catch (error) {
    problems.push({ message: `the feed could not be parsed: ${error instanceof Error ? error.message : String(error)}` });
    return { events: [], problems, meta: {} };
  }
}

function parseOrThrow(text: string, options: ParseOptions, problems: ParseProblem[]): ParseResult {
  const fromMs = options.from.getTime();
  const toMs = options.to.getTime();
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    problems.push({ message: 'the window is not a pair of valid dates; nothing was expanded' });
    return { events: [], problems, meta: {} };
  }
  const fallbackTimeZone = canonicalIana(options.defaultTimeZone) ?? 'UTC';
  if (fallbackTimeZone !== options.defaultTimeZone && canonicalIana(options.defaultTimeZone) === null) {
    problems.push({ message: `default time zone "${options.defaultTimeZone}" is not an IANA zone; UTC used` });
  }
  const scanned = scan(text);
  problems.push(...scanned.problems);
  const { meta, wrTimeZone } = readCalendarMeta(scanned.calendarLines, problems);

  let calendarIana = fallbackTimeZone;
  if (wrTimeZone !== null) {
    const resolved = canonicalIana(wrTimeZone) ?? ianaForWindowsName(wrTimeZone);
    if (resolved) calendarIana = resolved;
    else problems.push({ message: `X-WR-TIMEZONE "${wrTimeZone}" is not a known zone; floating times read in ${fallbackTimeZone}` });
  }
  const zones = new ZoneResolver(problems, ianaZone(calendarIana));

  const venues: VenueEntry[] = [];
  const events: ParsedVEvent[] = [];
  for (const block of scanned.blocks) {
    if (block.kind === 'VTIMEZONE') {
      const component = parseBlock(block, problems);
      if (!component) continue;
      try {
        zones.addVTimezone(component, whereOf(block));
      } catch (error) {
        problems.push({ message: `VTIMEZONE could not be read: ${messageOf(error)}`, where: whereOf(block) });
      }
    } else if (block.kind === 'VVENUE') {
      const component = parseBlock(block, problems);
      if (component) venues.push(readVenue(component, block.afterEvent));
    }
  }
  for (const block of scanned.blocks) {
    if (block.kind !== 'VEVENT') continue;
    const where = whereOf(block);
    if (block.rejected !== null) {
      problems.push({ message: `event skipped: ${block.rejected}`, where });
      continue;
    }
    const component = parseBlock(block, problems);
    if (!component) continue;
    try {
      events.push(readVEvent(component, { zones, where, index: block.index, note: (message) => problems.push({ message, where }) }));
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      problems.push({ message: `event skipped: ${error.message}`, where });
    }
  }

  const reported = new Set<string>();
  const note = (message: string, where: string) => {
    const key = `${where}\u0000${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ message, where });
  };
  const budget = new DocumentBudget(options.budget ?? DEFAULT_PARSE_BUDGET);
  const fromDate = localDateOf(options.from, fallbackTimeZone);
  const toDate = localDateOf(options.to, fallbackTimeZone);
  const expandOptions = { fromMs, toMs, fromDateKey: dateKey(fromDate), toDateKey: dateKey(toDate), maxIterations: MAX_ITERATIONS, budget, note };
  const findVenue = venueLookup(venues);
  const context = {
    calendarZone: zones.calendarZone,
    fallbackTimeZone,
    fromMs,
    toMs,
    fromDate,
    toDate,
    baseUrl: options.baseUrl,
    venueFor: (occurrence: Occurrence) => findVenue(occurrence.fields.venueUid, occurrence.source.index),
    note,
  };
  // Each series becomes RawEvents at once, so a document over its budget stops at the series that
  // crossed it and never holds more than one series' instances beyond what it keeps.
  const raw: RawEvent[] = [];
  for (const series of groupSeries(events)) {
    if (!keep(seriesOccurrences(series, expandOptions), raw, context, budget)) break;
  }
  raw.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
  const result: ParseResult = { events: raw, problems: compactProblems(problems), meta };
  if (budget.exceeded !== null) result.budgetExceeded = budget.exceeded;
  return result;
}

function seriesOccurrences(series: Series, options: ExpandOptions): Occurrence[] {
  const [first, ...others] = series.masters;
  if (!first) return series.overrides.map(single);
  const occurrences = expandSeries(first, series.overrides, options);
  for (const other of others) occurrences.push(...expandSeries(other, [], options));
  return occurrences;
}

/** Adds the in-window events of `occurrences` to `raw`; false once the document is over budget. */
function keep(occurrences: Occurrence[], raw: RawEvent[], context: BuildContext, budget: DocumentBudget): boolean {
  for (const occurrence of occurrences) {
    const event = toRawEvent(occurrence, context);
    if (event === null) continue;
    if (!budget.take()) return false;
    raw.push(event);
  }
  return budget.exceeded === null;
}

/** A `YYYY-MM-DD` date as a wall-clock key at 00:00. */
function dateKey(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * ical.js's reading of one component. If ical.js rejects it, retry without the lines it cannot
 * read, so that one odd property costs that property only.
 */
function parseBlock(block: Block, problems: ParseProblem[]): ICAL.Component | null {
  try {
    return ICAL.Component.fromString(block.text);
  } catch (error) {
    const kept = block.text.split('\r\n').filter((line) => {
      if (/^(BEGIN|END):/i.test(line)) return true;
      try {
        ICAL.Property.fromString(line);
        return true;
      } catch {
        problems.push({ message: `dropped a line ical.js cannot read: "${line.slice(0, 60)}" (${messageOf(error)})`, where: whereOf(block) });
        return false;
      }
    });
    try {
      return ICAL.Component.fromString(kept.join('\r\n'));
    } catch (retryError) {
      problems.push({ message: `${block.kind} could not be parsed: ${messageOf(retryError)}`, where: whereOf(block) });
      return null;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import ICAL from 'ical.js';
import type { ParseOptions, ParseProblem, ParseResult, RawEvent } from '../../model/raw-event';
import { readCalendarMeta } from './calendar-meta';
import { compactProblems } from './problems';
import { expandSeries, type Occurrence, single } from './expand';
import { groupSeries } from './group';
import { type ParsedVEvent, readVEvent, UnreadableEventError } from './read-vevent';
import { type Block, scan, whereOf } from './scan';
import { toRawEvent } from './to-raw-event';
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
  const occurrences: Occurrence[] = [];
  for (const series of groupSeries(events)) {
    const [first, ...others] = series.masters;
    if (!first) {
      occurrences.push(...series.overrides.map(single));
      continue;
    }
    occurrences.push(...expandSeries(first, series.overrides, { fromMs, toMs, maxIterations: MAX_ITERATIONS, note }));
    for (const other of others) occurrences.push(...expandSeries(other, [], { fromMs, toMs, maxIterations: MAX_ITERATIONS, note }));
  }

  const findVenue = venueLookup(venues);
  const context = {
    calendarZone: zones.calendarZone,
    fallbackTimeZone,
    fromMs,
    toMs,
    baseUrl: options.baseUrl,
    venueFor: (occurrence: Occurrence) => findVenue(occurrence.fields.venueUid, occurrence.source.index),
    note,
  };
  const raw: RawEvent[] = [];
  for (const occurrence of occurrences) {
    const event = toRawEvent(occurrence, context);
    if (event) raw.push(event);
  }
  raw.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
  return { events: raw, problems: compactProblems(problems), meta };
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

/**
 * One group's block of text (its heading's paragraphs, or a sources-file `schedule`) read into
 * rules: the sentences that give days and hours become rules, and every exception or pause the
 * block states applies to each of them. A sentence that looks like a schedule but cannot be read
 * without guessing becomes a problem that quotes it.
 */
import { readDays } from './read-days';
import { readExceptions, type Exceptions } from './read-exceptions';
import { readTimes } from './read-times';
import type { ScheduleProblem, ScheduleRule } from './rule';
import { DATE, cleanSentence } from './words';

export interface BlockReading {
  rules: ScheduleRule[];
  problems: ScheduleProblem[];
  /** The block says the group is paused with no date to come back. */
  paused: string | null;
}

/** Longest text read from one block: a group's paragraph is a few hundred characters. */
const MAX_BLOCK_TEXT = 4000;
const MAX_SENTENCE = 600;
/** Opening hours ("Open Monday–Friday, 9 am–5 pm", "Office hours: Tuesdays 1–3") are not meetings. */
const OPENING_HOURS = /\b(?:open|opens|opening hours|hours|office|closes|call us|phone)\b/;
/** A dated day ("on Wednesday, September 18th, 2019") makes a sentence one event's, not a schedule. */
const ONE_DAY = new RegExp(DATE);
const SCHEDULE_CUE = /\b(?:meets?|meeting|meetings|gathers?|sessions?|group|club|join us|held)\b/;
const SPLIT = /(?<=[.!?])\s+(?=[A-Z0-9"\u201c(])|\s*[\n\u2022|]\s*/;
/** Abbreviations a sentence does not end at ("2 North Main St. Andover"). */
const NO_END = /\b(?:st|ave|rd|dr|mt|no|ste|blvd|sq|rm|ft|hwy|pkwy|rev|fr|mr|mrs|ms|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i;

/** Splits a block into sentences, keeping "St." and "Dec." inside theirs. */
export function splitSentences(text: string): string[] {
  const pieces = text.slice(0, MAX_BLOCK_TEXT).split(SPLIT);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed === '') continue;
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && NO_END.test(previous)) sentences[sentences.length - 1] = `${previous} ${trimmed}`;
    else sentences.push(trimmed);
  }
  return sentences.map((sentence) => sentence.slice(0, MAX_SENTENCE));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A group's name is not its schedule: "Wednesday Is Networking Day" branches meet on other days,
 * so names and quoted titles are cut out before the days are read.
 */
export function withoutNames(sentence: string, names: readonly string[]): string {
  let text = sentence;
  for (const name of names) {
    if (name.trim().length >= 4) text = text.replace(new RegExp(escapeRegExp(name.trim()), 'gi'), ' ');
  }
  return text
    .replace(/["\u201c][^"\u201d]{1,120}["\u201d]/g, ' ')
    .replace(/\b(?:sun|mon|tues|wednes|thurs|fri|satur)day\s+is\s+(?:[a-z]+\s+){0,3}?(?:networking|job|career)\s+day\b/gi, ' ');
}

function merge(into: Exceptions, from: Exceptions): void {
  for (const date of from.skipDates) if (!into.skipDates.includes(date)) into.skipDates.push(date);
  for (const month of from.skipMonths) if (!into.skipMonths.includes(month)) into.skipMonths.push(month);
  into.skipHolidays ||= from.skipHolidays;
  if (from.notBefore !== null && (into.notBefore === null || from.notBefore > into.notBefore)) into.notBefore = from.notBefore;
  into.anchor ??= from.anchor;
  into.pausedIndefinitely ||= from.pausedIndefinitely;
}

/**
 * Reads a block's text. `names` are the group's and page's names (cut out before reading days);
 * `today` (`YYYY-MM-DD` in the source's zone) places dates written without a year.
 */
export function readBlock(text: string, names: readonly string[], today: string): BlockReading {
  const sentences = splitSentences(text);
  const all: Exceptions = { skipDates: [], skipMonths: [], skipHolidays: false, notBefore: null, anchor: null, pausedIndefinitely: false, rest: '' };
  const read = sentences.map((sentence) => {
    const exceptions = readExceptions(cleanSentence(withoutNames(sentence, names)), today);
    merge(all, exceptions);
    return { sentence, exceptions };
  });
  const rules: ScheduleRule[] = [];
  const problems: ScheduleProblem[] = [];
  for (const { sentence, exceptions } of read) {
    const rest = exceptions.rest;
    const days = readDays(rest, exceptions.anchor ?? all.anchor);
    const times = readTimes(rest);
    if (days.kind === 'none' && times.kind === 'none') continue;
    if (OPENING_HOURS.test(rest) && !/\bmeet/.test(rest)) continue;
    if (days.kind !== 'days' && ONE_DAY.test(rest)) continue;
    // A weekday in passing ("registration opens Monday") is no schedule unless the sentence says so.
    const looksLikeSchedule = times.kind !== 'none' || SCHEDULE_CUE.test(rest);
    if (!looksLikeSchedule) continue;
    if (days.kind === 'problem') problems.push({ sentence, reason: days.reason });
    else if (times.kind === 'problem') problems.push({ sentence, reason: times.reason });
    else if (days.kind === 'none') {
      // A time with no day is an event's detail ("doors open at 6 pm") unless the sentence is about meeting.
      if (SCHEDULE_CUE.test(rest)) problems.push({ sentence, reason: 'it gives a time but no day' });
    } else if (times.kind === 'none') problems.push({ sentence, reason: 'it gives no time of day' });
    else {
      rules.push({
        days: days.days,
        start: times.start,
        end: times.end,
        endAssumed: times.endAssumed,
        skipDates: [],
        skipMonths: [],
        skipHolidays: false,
        notBefore: null,
        sentence,
      });
    }
  }
  for (const rule of rules) {
    rule.skipDates = [...all.skipDates].sort();
    rule.skipMonths = [...all.skipMonths].sort((a, b) => a - b);
    rule.skipHolidays = all.skipHolidays;
    rule.notBefore = all.notBefore;
  }
  const paused = all.pausedIndefinitely && all.notBefore === null ? (read.find((item) => item.exceptions.pausedIndefinitely)?.sentence ?? null) : null;
  return { rules: paused === null ? rules : [], problems, paused };
}

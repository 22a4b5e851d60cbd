/**
 * The recurring series an occurrence belongs to: the coaches' cadence paces a series (a weekly job
 * club is offered once or twice a month), and "Not for me" lowers it. iCalendar occurrences share a
 * UID; pages list each meeting with its own URL, so the key is the first source and the title with
 * dates, times and numbers taken out ("Job Club — Dec 2" and "Job Club — Dec 9" are one series).
 */
import type { Event } from '../model/event';
import { shortHash } from '../normalize/hash';

/** Words that only date one meeting of a series. */
const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m\.|p\.m\.)\b/g;

/** The title as a series name: lower case, dates, numbers and punctuation removed. */
export function seriesTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(DATE_WORDS, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** A stable 32-hex key for the series of `event`. */
export function seriesKeyOf(event: Pick<Event, 'title' | 'sources'>): string {
  const source = event.sources[0]?.id ?? '';
  return shortHash(`series\u0000${source}\u0000${seriesTitle(event.title)}`);
}

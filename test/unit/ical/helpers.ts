import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParseResult, RawEvent } from '../../../shared/model/raw-event';
import { parseIcal } from '../../../shared/sources/ical';

const FIXTURES = fileURLToPath(new URL('../../fixtures/ics/', import.meta.url));

/** The exact text of a corpus file. */
export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** Parses `text` over [from, to] (ISO strings) with `zone` as the source's default zone. */
export function parse(text: string, from: string, to: string, zone = 'America/New_York'): ParseResult {
  return parseIcal(text, { from: new Date(from), to: new Date(to), defaultTimeZone: zone });
}

/** Start instants as ISO strings, in output order. */
export function starts(events: RawEvent[]): string[] {
  return events.map((event) => event.start.toISOString());
}

/** A VCALENDAR around `lines` (CRLF, as RFC 5545 writes it). */
export function calendar(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//netmix//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

/** A VEVENT with the given property lines. */
export function vevent(...lines: string[]): string {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
}

/** The occurrences of one UID. */
export function byUid(events: RawEvent[], uid: string): RawEvent[] {
  return events.filter((event) => event.uid === uid);
}

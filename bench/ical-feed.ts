/**
 * A synthetic feed shaped like a busy regional calendar: a VTIMEZONE, 10% weekly series with EXDATEs,
 * overrides for some of them, long folded descriptions (~1.2 KB an event), and a window that crosses
 * the March DST change.
 */
import { NEW_YORK_VTIMEZONE } from '../sample/region/ics-feeds';

export const BENCH_WINDOW = { from: new Date('2027-02-20T05:00:00Z'), to: new Date('2027-04-21T04:00:00Z') };

const WORDS = 'networking job seekers career transition resume interview association chapter meeting professionals mixer panel workshop employers hiring boston lowell cambridge waltham'.split(' ');

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function local(date: Date, hour: number): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(hour)}0000`;
}

/** Folds a content line at 75 octets as RFC 5545 §3.1 asks (ASCII text here). */
function fold(line: string): string[] {
  const out = [line.slice(0, 75)];
  for (let index = 75; index < line.length; index += 74) out.push(` ${line.slice(index, index + 74)}`);
  return out;
}

/** Builds the feed text with `count` VEVENT components (series, overrides and single events together). */
export function buildBenchFeed(count: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Netmix//bench//EN', 'X-WR-CALNAME:Bench region', ...NEW_YORK_VTIMEZONE];
  const base = Date.UTC(2027, 0, 20);
  let written = 0;
  for (let index = 0; written < count; index += 1) {
    const day = new Date(base + (index % 120) * 86_400_000);
    const hour = 8 + (index % 11);
    const uid = `bench-${index}@netmix.test`;
    const description = Array.from({ length: 95 }, (_, word) => WORDS[(index + word) % WORDS.length]).join(' ');
    const common = [
      `DTSTAMP:20270101T000000Z`,
      `UID:${uid}`,
      `SUMMARY:${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]} night ${index}`,
      ...fold(`DESCRIPTION:${description}`),
      ...fold(`LOCATION:Hall ${index % 50}\\, ${index % 400} Main St\\, Waltham\\, MA 02451`),
      `URL:https://example.org/events/${index}`,
    ];
    const recurring = index % 10 === 0;
    lines.push(
      'BEGIN:VEVENT',
      ...common,
      `DTSTART;TZID=America/New_York:${local(day, hour)}`,
      `DTEND;TZID=America/New_York:${local(day, hour + 2)}`,
      ...(recurring
        ? ['RRULE:FREQ=WEEKLY', `EXDATE;TZID=America/New_York:${local(new Date(day.getTime() + 5 * 7 * 86_400_000), hour)}`]
        : []),
      'END:VEVENT',
    );
    written += 1;
    if (recurring && index % 20 === 0 && written < count) {
      const moved = new Date(day.getTime() + 6 * 7 * 86_400_000);
      lines.push(
        'BEGIN:VEVENT',
        ...common,
        `RECURRENCE-ID;TZID=America/New_York:${local(moved, hour)}`,
        `DTSTART;TZID=America/New_York:${local(moved, hour + 1)}`,
        `DTEND;TZID=America/New_York:${local(moved, hour + 3)}`,
        'END:VEVENT',
      );
      written += 1;
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

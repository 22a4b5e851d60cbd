/**
 * The sample region's iCalendar feeds, one per real-world shape Netmix must read: Google (UTC times,
 * X-WR-TIMEZONE, a weekly series with an EXDATE and a moved occurrence), Outlook/Exchange (Windows zone
 * names), Meetup exports, and The Events Calendar (a TZID with no VTIMEZONE). Names are invented.
 */
import { addDays } from '../../shared/time/zoned';
import { icsLocal, icsUtc, nextWeekday } from './dates';

const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;

/** America/New_York as Google and Meetup write it. */
export const NEW_YORK_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const WINDOWS_EASTERN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Eastern Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

/** Google Calendar export: a weekly job-seeker meeting on Wednesdays, one week skipped, one moved. */
export function natickWednesdayFeed(today: string): string {
  const first = nextWeekday(addDays(today, -14), 3);
  const skipped = nextWeekday(today, 3, 3);
  const moved = nextWeekday(today, 3, 2);
  return crlf([
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Natick Wednesday Networking',
    'X-WR-TIMEZONE:America/New_York',
    ...NEW_YORK_VTIMEZONE,
    'BEGIN:VEVENT',
    `DTSTART;TZID=America/New_York:${icsLocal(first, '08:30')}`,
    `DTEND;TZID=America/New_York:${icsLocal(first, '10:30')}`,
    'RRULE:FREQ=WEEKLY;BYDAY=WE',
    `EXDATE;TZID=America/New_York:${icsLocal(skipped, '08:30')}`,
    `DTSTAMP:${icsUtc(today, '06:00')}`,
    'UID:natick-wind-weekly@google.com',
    'SUMMARY:Wednesday Is Networking Day – job seekers meet and trade leads',
    'DESCRIPTION:A peer group for professionals in transition. Bring 20 copies of your ',
    ' one-page marketing plan.\\nFree for job seekers\\; coffee provided.',
    'LOCATION:Morse Institute Library\\, 14 East Central St\\, Natick\\, MA 01760',
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'BEGIN:VEVENT',
    `DTSTART:${icsUtc(addDays(moved, 1), '08:30')}`,
    `DTEND:${icsUtc(addDays(moved, 1), '10:30')}`,
    `RECURRENCE-ID;TZID=America/New_York:${icsLocal(moved, '08:30')}`,
    `DTSTAMP:${icsUtc(today, '06:00')}`,
    'UID:natick-wind-weekly@google.com',
    'SUMMARY:Wednesday Is Networking Day (moved to Thursday) – job seekers meet and trade leads',
    'LOCATION:Morse Institute Library\\, 14 East Central St\\, Natick\\, MA 01760',
    'SEQUENCE:1',
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

/** Outlook/Exchange export with Windows zone names: a weekly job-seeker group and its speaker night. */
export function actonNetworkingFeed(today: string): string {
  const first = nextWeekday(addDays(today, -21), 2);
  const speaker = nextWeekday(today, 4, 1);
  return crlf([
    'BEGIN:VCALENDAR',
    'METHOD:PUBLISH',
    'PRODID:Microsoft Exchange Server 2010',
    'VERSION:2.0',
    'X-WR-CALNAME:Acton Networking Group',
    ...WINDOWS_EASTERN_VTIMEZONE,
    'BEGIN:VEVENT',
    'UID:040000008200E00074C5B7101A82E00800000000ACTON0001',
    'SUMMARY;LANGUAGE=en-US:Acton Networking Group weekly meeting',
    'DESCRIPTION;LANGUAGE=en-US:Job seekers and career changers: elevator pitch practice\\, ',
    ' target-company lists and small-group introductions.',
    `DTSTART;TZID=Eastern Standard Time:${icsLocal(first, '09:00')}`,
    `DTEND;TZID=Eastern Standard Time:${icsLocal(first, '11:00')}`,
    'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;WKST=SU',
    'LOCATION;LANGUAGE=en-US:Acton Memorial Library, 486 Main St, Acton, MA 01720',
    'STATUS:CONFIRMED',
    `DTSTAMP:${icsUtc(today, '06:00')}`,
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:040000008200E00074C5B7101A82E00800000000ACTON0002',
    'SUMMARY;LANGUAGE=en-US:Speaker night: LinkedIn profiles that get recruiter calls',
    `DTSTART;TZID="Eastern Standard Time":${icsLocal(speaker, '19:00')}`,
    `DTEND;TZID="Eastern Standard Time":${icsLocal(speaker, '20:30')}`,
    'LOCATION;LANGUAGE=en-US:Acton Town Hall, 472 Main St, Acton, MA 01720',
    `DTSTAMP:${icsUtc(today, '06:00')}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

/** Exchange export of a professional association, including the breakfast a chamber also lists. */
export function bostonHrFeed(today: string): string {
  const breakfast = nextWeekday(today, 5, 0);
  const chapter = nextWeekday(today, 2, 1);
  const cancelled = nextWeekday(today, 4, 2);
  return crlf([
    'BEGIN:VCALENDAR',
    'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
    'VERSION:2.0',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Boston Area HR Association',
    ...WINDOWS_EASTERN_VTIMEZONE,
    'BEGIN:VEVENT',
    'UID:bahra-breakfast-roundtable',
    'SUMMARY:HR Breakfast Roundtable (Boston Area HR Association)',
    'DESCRIPTION:Peer roundtable for HR practitioners: this month\\, pay transparency.',
    `DTSTART;TZID=Eastern Standard Time:${icsLocal(breakfast, '07:30')}`,
    `DTEND;TZID=Eastern Standard Time:${icsLocal(breakfast, '09:00')}`,
    'LOCATION:Cambridge Innovation Center, 1 Broadway, Cambridge, MA 02142',
    'URL:http://127.0.0.1:4480/hr/breakfast',
    `DTSTAMP:${icsUtc(today, '06:00')}`,
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:bahra-chapter-meeting',
    'SUMMARY:Chapter meeting: AI in recruiting',
    'DESCRIPTION:Members $30\\, guests $40. Open to HR professionals and those between roles.',
    `DTSTART;TZID=Eastern Standard Time:${icsLocal(chapter, '18:00')}`,
    `DTEND;TZID=Eastern Standard Time:${icsLocal(chapter, '20:00')}`,
    'LOCATION:Waltham Woods Conference Center, 860 Winter St, Waltham, MA 02451',
    `DTSTAMP:${icsUtc(today, '06:00')}`,
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:bahra-social',
    'SUMMARY:Holiday social',
    `DTSTART;TZID=Eastern Standard Time:${icsLocal(cancelled, '17:30')}`,
    `DTEND;TZID=Eastern Standard Time:${icsLocal(cancelled, '19:30')}`,
    'LOCATION:The Boston Beer Works, 61 Brookline Ave, Boston, MA 02215',
    'STATUS:CANCELLED',
    `DTSTAMP:${icsUtc(today, '06:00')}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

function meetupFeed(name: string, events: { uid: string; title: string; date: string; start: string; end: string; location: string; geo: string; url: string; description: string }[], today: string): string {
  return crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Meetup//RemoteApi//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-ORIGINAL-URL:http://127.0.0.1:4480/meetup/${name}`,
    `X-WR-CALNAME:Events - ${name}`,
    ...NEW_YORK_VTIMEZONE,
    ...events.flatMap((event) => [
      'BEGIN:VEVENT',
      `DTSTAMP:${icsUtc(today, '06:00')}`,
      `DTSTART;TZID=America/New_York:${icsLocal(event.date, event.start)}`,
      `DTEND;TZID=America/New_York:${icsLocal(event.date, event.end)}`,
      'STATUS:CONFIRMED',
      `SUMMARY:${event.title}`,
      `DESCRIPTION:${event.description}`,
      'CLASS:PUBLIC',
      `LOCATION:${event.location}`,
      `GEO:${event.geo}`,
      `URL;VALUE=URI:${event.url}`,
      `UID:${event.uid}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ]);
}

/** A Meetup export for a Boston product-management group. */
export function bostonProductMeetupFeed(today: string): string {
  const date = nextWeekday(today, 4, 0);
  const later = nextWeekday(today, 4, 2);
  return meetupFeed(
    'Boston-Product-Management',
    [
      {
        uid: 'event_301234567@meetup.com',
        title: 'Boston Product Management Meetup: roadmaps that survive contact with sales',
        date,
        start: '18:30',
        end: '20:30',
        location: 'WeWork\\, 200 Portland St\\, Boston\\, MA 02114',
        geo: '42.3632;-71.0617',
        url: 'http://127.0.0.1:4480/meetup/boston-pm/events/301234567/',
        description: 'Talks\\, pizza and networking for product managers.\\nFree.',
      },
      {
        uid: 'event_301234999@meetup.com',
        title: 'Product people happy hour',
        date: later,
        start: '17:30',
        end: '19:30',
        location: 'Lamplighter Brewing\\, 284 Broadway\\, Cambridge\\, MA 02139',
        geo: '42.3667;-71.0950',
        url: 'http://127.0.0.1:4480/meetup/boston-pm/events/301234999/',
        description: 'Casual meetup for product managers\\, designers and engineers.',
      },
    ],
    today,
  );
}

/** A Meetup export for a southern New Hampshire tech group. */
export function nashuaTechMeetupFeed(today: string): string {
  const date = nextWeekday(today, 2, 0);
  return meetupFeed(
    'Nashua-Tech',
    [
      {
        uid: 'event_305550001@meetup.com',
        title: 'Nashua Tech Meetup: intro to LLM agents',
        date,
        start: '18:00',
        end: '20:00',
        location: 'Nashua Public Library\\, 2 Court St\\, Nashua\\, NH 03060',
        geo: '42.7604;-71.4663',
        url: 'http://127.0.0.1:4480/meetup/nashua-tech/events/305550001/',
        description: 'Monthly meetup of software developers in southern New Hampshire.',
      },
    ],
    today,
  );
}

/** The Events Calendar (WordPress) export: TZID with no VTIMEZONE, as older versions write it. */
export function graniteSoftwareGuildFeed(today: string): string {
  const lunch = nextWeekday(today, 3, 0);
  const conference = nextWeekday(today, 6, 1);
  return crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Granite State Software Guild - ECPv6.2.0//NONSGML v1.0//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Granite State Software Guild',
    'X-ORIGINAL-URL:http://127.0.0.1:4480/guild',
    'X-WR-CALDESC:Events for Granite State Software Guild',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    'BEGIN:VEVENT',
    `DTSTART;TZID=America/New_York:${icsLocal(lunch, '12:00')}`,
    `DTEND;TZID=America/New_York:${icsLocal(lunch, '13:30')}`,
    `DTSTAMP:${icsLocal(today, '06:00')}`,
    `CREATED:${icsLocal(today, '06:00')}`,
    `UID:10234-${lunch.replaceAll('-', '')}-guild@127.0.0.1`,
    'SUMMARY:Lunch & Learn: platform engineering in small teams',
    'DESCRIPTION:Members free\\, non-members $15. Open to developers between jobs at no charge.',
    'URL:http://127.0.0.1:4480/guild/event/lunch-learn/',
    'LOCATION:Manchester Millyard Museum\\, 200 Bedford St\\, Manchester\\, NH\\, 03101\\, United States',
    'CATEGORIES:Professional Development',
    'END:VEVENT',
    'BEGIN:VEVENT',
    `DTSTART;VALUE=DATE:${conference.replaceAll('-', '')}`,
    `DTEND;VALUE=DATE:${addDays(conference, 1).replaceAll('-', '')}`,
    `DTSTAMP:${icsLocal(today, '06:00')}`,
    `UID:10240-${conference.replaceAll('-', '')}-guild@127.0.0.1`,
    'SUMMARY:New Hampshire Software Conference',
    'DESCRIPTION:A day of talks for software professionals. Tickets $95.',
    'URL:http://127.0.0.1:4480/guild/event/nh-software-conference/',
    'LOCATION:SNHU Arena\\, 555 Elm St\\, Manchester\\, NH 03101',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

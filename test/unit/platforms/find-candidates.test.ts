/** Finding candidates on a page (pure): Google Calendar ids, Meetup groups, Localist, Squarespace. */
import { describe, expect, it } from 'vitest';
import { decodeCalendarId, findCandidates, googleCalendarFeeds, guessKind, pageNameOf, slugOf } from '../../../shared/discover';

describe('Google Calendar embeds', () => {
  it('decodes a base64 id, keeps a plain one, and makes one public feed per src', () => {
    // base64("c_0a1b2c3d4e5f@group.calendar.google.com"), without padding as Google writes it.
    expect(decodeCalendarId('Y18wYTFiMmMzZDRlNWZAZ3JvdXAuY2FsZW5kYXIuZ29vZ2xlLmNvbQ')).toBe('c_0a1b2c3d4e5f@group.calendar.google.com');
    expect(decodeCalendarId('andover.jobseekers@gmail.com')).toBe('andover.jobseekers@gmail.com');
    expect(decodeCalendarId('bm90IGFuIGlk')).toBeNull(); // base64("not an id")
    expect(googleCalendarFeeds('https://calendar.google.com/calendar/embed?src=andover.jobseekers%40gmail.com&src=YW5kb3Zlci5qb2JzZWVrZXJzQGdtYWlsLmNvbQ&src=en.usa%23holiday%40group.v.calendar.google.com&ctz=America%2FNew_York')).toEqual([
      'https://calendar.google.com/calendar/ical/andover.jobseekers%40gmail.com/public/basic.ics',
      'https://calendar.google.com/calendar/ical/en.usa%23holiday%40group.v.calendar.google.com/public/basic.ics',
    ]);
  });
});

describe('findCandidates', () => {
  it('turns Meetup group links into the group iCal feed, skipping Meetup pages that are not groups', () => {
    const html = '<a href="https://www.meetup.com/boston-job-seekers/">Meetup</a><a href="https://www.meetup.com/find/?keywords=jobs">find</a><a href="https://meetup.com/boston-job-seekers/events/301/">next</a>';
    expect(findCandidates(html, 'https://example.org/').map((candidate) => [candidate.url, candidate.platform])).toEqual([
      ['https://www.meetup.com/boston-job-seekers/events/ical/', 'meetup'],
    ]);
  });

  it('finds webcal and .ics links, a Localist widget API and Squarespace collection JSON', () => {
    const html = `<html><head><script src="https://static1.squarespace.com/static/x.js"></script></head><body>
      <a href="webcal://calendar.example.org/feed.ics">Subscribe</a>
      <a href="/files/meetings.ics">Download</a>
      <a href="/events">Events</a>
      <script src="https://calendar.example.edu/widget/view?schools=example&days=31"></script></body></html>`;
    expect(findCandidates(html, 'https://group.example/').map((candidate) => [candidate.url, candidate.kind, candidate.platform])).toEqual([
      ['https://calendar.example.org/feed.ics', 'ical', null],
      ['https://group.example/files/meetings.ics', 'ical', null],
      ['https://calendar.example.edu/api/2/events?days=90&pp=100', 'json', 'localist'],
      ['https://group.example/?format=json', 'json', 'squarespace'],
      ['https://group.example/events?format=json', 'json', 'squarespace'],
    ]);
  });
});

describe('suggestion guesses', () => {
  it('names, ids and kinds from a page title and address', () => {
    expect(pageNameOf('<title>Upcoming Events | Greater Lowell Chamber of Commerce</title>')).toBe('Greater Lowell Chamber of Commerce');
    expect(slugOf('Société des Ingénieurs & Friends', 'x.example')).toBe('societe-des-ingenieurs-and-friends');
    expect(guessKind('Greater Lowell Chamber of Commerce', 'https://glcc.example')).toBe('chamber');
    expect(guessKind('MassHire Lowell Career Center', 'https://x.example')).toBe('career-center');
    expect(guessKind('Wednesday Is Networking Day', 'https://x.example')).toBe('job-seeker-group');
    expect(guessKind('Boston Product Managers', 'https://www.meetup.com/bpm/events/ical/')).toBe('meetup-group');
  });
});

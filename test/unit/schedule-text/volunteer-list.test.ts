/**
 * A volunteer's page of job-seeker groups read through `readDocument`, as the ingest and
 * `netmix preview` read it: each group under its own heading, with its place; ambiguous and
 * paused groups as problems. Window: March 2027 in New York (EST until Sun Mar 14, then EDT).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../../shared/model/event';
import type { SourceContext } from '../../../shared/model/source';
import { readDocument } from '../../../shared/sources';
import { WINDOWS, ZONE } from './helpers';

const PAGE = readFileSync(new URL('../../fixtures/schedule-text/volunteer-list.html', import.meta.url), 'utf8');
const SOURCE: SourceContext = { id: 'mv-groups', name: 'Merrimack Valley groups', kind: 'job-seeker-group', audience: 'job-seeker', timeZone: ZONE };
const URL_OF_PAGE = 'https://volunteers.example.org/groups';

function read(html: string) {
  return readDocument(html, SOURCE, { ...WINDOWS.march2027, defaultTimeZone: ZONE, baseUrl: URL_OF_PAGE });
}

describe('a volunteer list of groups', () => {
  const result = read(PAGE);
  const byTitle = (title: string) => result.events.filter((event) => event.title === title).map((event) => event.start);

  it('yields each group under its own name, at the hand-worked instants', () => {
    expect([...new Set(result.events.map((event) => event.title))].sort()).toEqual([
      'Andover Job Seekers Networking Group',
      'Lowell Professionals in Transition',
      'Nashua Career Connections',
      'Over-50 Job Search Circle',
      'Virtual Job Club',
      'Wednesday Is Networking Day — Burlington',
    ]);
    // 1st Thu Mar 4 09:00 EST = 14:00Z; the 3rd (Mar 18) is cancelled on the page.
    expect(byTitle('Andover Job Seekers Networking Group')).toEqual(['2027-03-04T14:00:00.000Z']);
    // Thursdays 08:30: Mar 4, 11 EST = 13:30Z; Mar 18, 25 EDT = 12:30Z. The name's "Wednesday" is not a meeting day.
    expect(byTitle('Wednesday Is Networking Day — Burlington')).toEqual([
      '2027-03-04T13:30:00.000Z', '2027-03-11T13:30:00.000Z', '2027-03-18T12:30:00.000Z', '2027-03-25T12:30:00.000Z',
    ]);
    // Tuesdays 10:00 under "When we meet": Mar 2, 9 EST = 15:00Z; Mar 16, 23, 30 EDT = 14:00Z.
    expect(byTitle('Lowell Professionals in Transition')).toEqual([
      '2027-03-02T15:00:00.000Z', '2027-03-09T15:00:00.000Z', '2027-03-16T14:00:00.000Z', '2027-03-23T14:00:00.000Z', '2027-03-30T14:00:00.000Z',
    ]);
    // Every other Wednesday from Mar 3, 18:30: Mar 3 EST = 23:30Z; Mar 17, 31 EDT = 22:30Z.
    expect(byTitle('Nashua Career Connections')).toEqual(['2027-03-03T23:30:00.000Z', '2027-03-17T22:30:00.000Z', '2027-03-31T22:30:00.000Z']);
    // Last Monday Mar 29 19:00 EDT = 23:00Z.
    expect(byTitle('Virtual Job Club')).toEqual(['2027-03-29T23:00:00.000Z']);
    // Mon and Wed 12:00: Mar 1, 3, 8, 10 EST = 17:00Z; Mar 15 … 31 EDT = 16:00Z.
    expect(byTitle('Over-50 Job Search Circle')).toEqual(
      ['01', '03', '08', '10'].map((day) => `2027-03-${day}T17:00:00.000Z`).concat(['15', '17', '22', '24', '29', '31'].map((day) => `2027-03-${day}T16:00:00.000Z`)),
    );
  });

  it('places each group from its own block, with coordinates from the ZIP', () => {
    const andover = result.events.find((event) => event.title.startsWith('Andover'));
    expect(andover?.venue).toMatchObject({ name: 'Memorial Hall Library', address: '2 North Main Street', city: 'Andover', region: 'MA', postalCode: '01810' });
    expect(andover?.venue?.lat).toBeCloseTo(42.65, 1);
    const burlington = result.events.find((event) => event.title.startsWith('Wednesday'));
    expect(burlington?.venue).toMatchObject({ name: 'Burlington Public Library', city: 'Burlington', postalCode: '01803' });
    const lowell = result.events.find((event) => event.title.startsWith('Lowell'));
    expect(lowell?.venue).toMatchObject({ name: 'Pollard Memorial Library', city: 'Lowell', postalCode: '01852' });
    const virtual = result.events.find((event) => event.title === 'Virtual Job Club');
    expect(virtual?.online).toBe(true);
    expect(virtual?.venue).toBeNull();
  });

  it('links every event to the page and keeps its sentence', () => {
    for (const event of result.events) {
      expect(EventSchema.safeParse(event).success).toBe(true);
      expect(event.provenance).toBe('schedule-text');
      expect(event.url).toBe(URL_OF_PAGE);
      expect(event.scheduleText).not.toBeNull();
    }
    expect(result.events.find((event) => event.title.startsWith('Andover'))?.scheduleText).toBe(
      'Meets the first and third Thursday of each month, 9:00 to 11:00 a.m., at Memorial Hall Library, 2 North Main Street, Andover, MA 01810.',
    );
  });

  it('names the ambiguous and the paused groups in problems, and reads nothing from the menu or footer', () => {
    expect(result.problems.map((problem) => `${problem.where ?? ''}: ${problem.message}`)).toEqual([
      'schedule text (Chelmsford Job Club): cannot read "Meets Wednesday mornings at 9:00.": "9:00" does not say am or pm',
      'schedule text (Tewksbury Transition Team): the group says it is paused ("The group is on break until further notice."); no meetings listed',
    ]);
  });

  it('keeps using a page’s structured events when it has them', () => {
    // Tue Mar 16 2027 18:00 EDT = 22:00Z.
    const jsonLd = { '@context': 'https://schema.org', '@type': 'Event', name: 'Spring job fair', startDate: '2027-03-16T18:00:00-04:00', location: 'Lowell' };
    const page = PAGE.replace('</head>', `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head>`);
    const withMarkup = read(page);
    expect(withMarkup.events.map((event) => [event.title, event.start, event.provenance])).toEqual([['Spring job fair', '2027-03-16T22:00:00.000Z', 'structured-data']]);
    expect(withMarkup.problems).toEqual([]);
  });

  it('a page with neither markup nor a schedule yields nothing and no problem', () => {
    const plain = read('<!doctype html><html><head><title>About</title></head><body><h1>About us</h1><p>We help people find work. Call us on Monday.</p></body></html>');
    expect(plain.events).toEqual([]);
    expect(plain.problems).toEqual([]);
  });
});

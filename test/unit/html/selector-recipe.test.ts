import { describe, expect, it } from 'vitest';
import type { SelectorRecipe } from '../../../shared/model/source';
import { findCalendarDate, findTimeRange } from '../../../shared/sources/html/human-dates';
import { parse } from './helpers';

const recipe: SelectorRecipe = {
  item: 'li.event',
  title: 'h3',
  date: '.date',
  time: '.time',
  place: '.where',
  link: 'h3 a',
  description: '.desc',
};

function item(title: string, date: string, time = '', extra = ''): string {
  const timeSpan = time === '' ? '' : `<span class="time">${time}</span>`;
  return `<li class="event"><h3><a href="/workshops/${title.toLowerCase().replace(/\W+/g, '-')}">${title}</a></h3>
    <span class="date">${date}</span>${timeSpan}<span class="where">Career Center, Room 101</span>
    <p class="desc">Free for job seekers &amp; alumni.</p>${extra}</li>`;
}

const careerCenter = `<!doctype html><html><head><title>Workshops | Career Center</title></head><body>
  <h1>Upcoming workshops</h1>
  <ul class="events">
    ${item('Interview Prep', '10/28/2026', '6:00 PM')}
    ${item('Networking 101', 'Wednesday, November 4, 2026 at 6:00 PM')}
    ${item('Salary Talk', '<time datetime="2026-11-18T18:00">Nov 18</time>')}
    ${item('LinkedIn Basics', '2026-12-02', '6 pm')}
    ${item('Resume Review', 'Tuesday, December 15, 2026', '18:00')}
    ${item('Career Fair Prep', 'Dec 16, 2026', '6:00 – 8:00 PM')}
    ${item('Mock Interviews', 'December 17', '6-8pm')}
    ${item('New Year Kickoff', 'January 5', 'noon')}
    ${item('Office Closed', 'December 24, 2026')}
    ${item('Mystery Session', 'TBA')}
  </ul>
  <li class="event"><h3><a href="javascript:alert(1)">Bad Link</a></h3><span class="date">2026-12-03</span></li>
</body></html>`;

describe('selector recipe: a plain career-center list', () => {
  const result = parse(careerCenter, {
    recipe,
    from: new Date('2026-10-25T00:00:00Z'),
    to: new Date('2027-03-01T00:00:00Z'),
    defaultTimeZone: 'America/New_York',
    baseUrl: 'https://careers.example.edu/events/',
  });
  const byTitle = (title: string) => result.events.find((event) => event.title === title);

  it('finds every dated item and reports the undated one', () => {
    expect(result.events).toHaveLength(10);
    expect(result.problems).toEqual([{ message: 'start date "TBA" is not a date', where: 'recipe item 10 ("Mystery Session")' }]);
    expect(result.meta.calendarName).toBe('Workshops | Career Center');
  });

  it('reads times on both sides of the November DST change', () => {
    // 2026-10-28 18:00 EDT (−4) = 22:00Z.
    expect(byTitle('Interview Prep')?.start.toISOString()).toBe('2026-10-28T22:00:00.000Z');
    // 2026-11-04 18:00 EST (−5, DST ended 2026-11-01) = 23:00Z; the time came from the date text.
    expect(byTitle('Networking 101')?.start.toISOString()).toBe('2026-11-04T23:00:00.000Z');
  });

  it('reads the common US date and time forms', () => {
    // All in EST (−5): 18:00 → 23:00Z.
    expect(byTitle('Salary Talk')?.start.toISOString()).toBe('2026-11-18T23:00:00.000Z');
    expect(byTitle('LinkedIn Basics')?.start.toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(byTitle('Resume Review')?.start.toISOString()).toBe('2026-12-15T23:00:00.000Z');
    // 6:00 – 8:00 PM: 23:00Z to 01:00Z the next day.
    expect(byTitle('Career Fair Prep')?.start.toISOString()).toBe('2026-12-16T23:00:00.000Z');
    expect(byTitle('Career Fair Prep')?.end?.toISOString()).toBe('2026-12-17T01:00:00.000Z');
  });

  it('infers the year of a year-less date from the window start', () => {
    // "December 17" seen from 2026-10-25 is 2026; 6-8pm EST = 23:00Z–01:00Z.
    expect(byTitle('Mock Interviews')?.start.toISOString()).toBe('2026-12-17T23:00:00.000Z');
    expect(byTitle('Mock Interviews')?.end?.toISOString()).toBe('2026-12-18T01:00:00.000Z');
    // "January 5" has passed in 2026, so it is 2027; noon EST = 17:00Z.
    expect(byTitle('New Year Kickoff')?.start.toISOString()).toBe('2027-01-05T17:00:00.000Z');
  });

  it('makes a date without a time all day', () => {
    const closed = byTitle('Office Closed');
    expect(closed?.allDay).toBe(true);
    expect(closed?.startDate).toBe('2026-12-24');
    // New York midnight in December, EST (−5) = 05:00Z.
    expect(closed?.start.toISOString()).toBe('2026-12-24T05:00:00.000Z');
  });

  it('resolves links, reads place and description, and drops javascript: links', () => {
    const prep = byTitle('Interview Prep');
    expect(prep?.url).toBe('https://careers.example.edu/workshops/interview-prep');
    expect(prep?.location).toBe('Career Center, Room 101');
    expect(prep?.description).toBe('Free for job seekers & alumni.');
    expect(prep?.timeZone).toBe('America/New_York');
    expect(byTitle('Bad Link')?.url).toBeNull();
  });

  it('reports an item selector cheerio cannot parse instead of throwing', () => {
    const bad = parse(careerCenter, { recipe: { ...recipe, item: 'li[' } });
    expect(bad.events).toEqual([]);
    expect(bad.problems[0]?.message).toContain('recipe item selector is invalid');
  });
});

describe('human dates and times', () => {
  const from = new Date('2026-10-25T00:00:00Z');

  it.each([
    ['6:00 PM', { start: { hour: 18, minute: 0 }, end: null }],
    ['6 p.m.', { start: { hour: 18, minute: 0 }, end: null }],
    ['18:00', { start: { hour: 18, minute: 0 }, end: null }],
    ['noon', { start: { hour: 12, minute: 0 }, end: null }],
    ['6-8pm', { start: { hour: 18, minute: 0 }, end: { hour: 20, minute: 0 } }],
    ['11-1pm', { start: { hour: 11, minute: 0 }, end: { hour: 13, minute: 0 } }],
    ['10am to noon', { start: { hour: 10, minute: 0 }, end: { hour: 12, minute: 0 } }],
    ['12:30 AM', { start: { hour: 0, minute: 30 }, end: null }],
  ])('reads the time %s', (text, expected) => {
    expect(findTimeRange(text)).toEqual(expected);
  });

  it('finds no time in a bare number or a date', () => {
    expect(findTimeRange('Room 6')).toBeNull();
    expect(findTimeRange('12/02/2026')).toBeNull();
  });

  it.each([
    ['2026-12-02', { year: 2026, month: 12, day: 2 }],
    ['12/02/2026', { year: 2026, month: 12, day: 2 }],
    ['Sept. 3rd, 2027', { year: 2027, month: 9, day: 3 }],
    ['3 March 2027', { year: 2027, month: 3, day: 3 }],
    // A week of grace before the window start keeps "October 20" in 2026.
    ['October 20', { year: 2026, month: 10, day: 20 }],
    ['October 1', { year: 2027, month: 10, day: 1 }],
  ])('reads the date %s', (text, expected) => {
    expect(findCalendarDate(text, from, 'America/New_York')?.date).toEqual(expected);
  });

  it('rejects impossible dates', () => {
    expect(findCalendarDate('February 30, 2026', from, 'America/New_York')).toBeNull();
    expect(findCalendarDate('13/45/2026', from, 'America/New_York')).toBeNull();
  });
});

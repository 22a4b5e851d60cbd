/**
 * Where schedule-text events meet the rest of the product: the digest card says the meeting is
 * worked out from a schedule and links the group's page; a sources-file entry may carry the
 * schedule itself.
 */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../shared/digest/render';
import { describeSchedule } from '../../../shared/sources/schedule-text';
import { parseSourcesFile, SourcesFileError } from '../../../shared/sources/sources-file';
import { makeEvent } from '../digest/make-event';
import { sampleInput } from '../digest/sample-digest';

const PAGE = 'https://wind.example.org/burlington';

describe('the digest card of a schedule-text event', () => {
  const chosen = {
    event: makeEvent('wind-burlington', {
      title: 'Wednesday Is Networking Day — Burlington',
      url: PAGE,
      audience: 'job-seeker',
      provenance: 'schedule-text',
      scheduleText: 'Our Burlington branch meets every Thursday, 8:30–10:30 AM, except holidays.',
    }),
    distanceMiles: 8,
    why: 'Job-seeker group',
  };
  const { html, text } = renderDigest(sampleInput([chosen]));

  it('says "Meets every Thursday — check the group\'s page before you go" with the page linked', () => {
    const $ = cheerio.load(html);
    const note = $('p').filter((_, element) => $(element).text().startsWith('Meets every Thursday'));
    expect(note.text()).toBe("Meets every Thursday — check the group's page before you go");
    expect(note.find('a').attr('href')).toBe(PAGE);
    expect(text).toContain(`Meets every Thursday — check the group's page before you go: ${PAGE}`);
  });

  it('shows no such line for other events', () => {
    const { text: other } = renderDigest(sampleInput([{ ...chosen, event: { ...chosen.event, provenance: 'ical', scheduleText: null } }]));
    expect(other).not.toContain("check the group's page");
  });

  it.each([
    ['Meets the first and third Thursday of each month, 9:00 to 11:00 a.m.', 'Meets the first and third Thursday of the month'],
    ['Tuesdays and Thursdays, 1–3 pm.', 'Meets every Tuesday and Thursday'],
    ['Every other Monday at 6 pm, starting March 1, 2027.', 'Meets every other Monday'],
    ['The job club meets every weekday, 12–1 pm.', 'Meets every weekday'],
    ['Meets the first Monday and third Wednesday of the month, 7–8:30 pm.', 'Meets the first Monday and third Wednesday of the month'],
    ['Call for times.', 'Meets regularly'],
  ])('describes "%s" as "%s"', (sentence, description) => {
    expect(describeSchedule(sentence)).toBe(description);
  });

  it('does not take the group’s name for its day', () => {
    expect(describeSchedule('Wednesday Is Networking Day of Needham meets every Tuesday at 9 am.')).toBe('Meets every Tuesday');
  });
});

describe('a sources-file entry that carries its schedule', () => {
  const region = { name: 'Test region', timeZone: 'America/New_York' };
  const entry = {
    id: 'chelmsford-job-club',
    name: 'Chelmsford Job Club',
    kind: 'job-seeker-group',
    audience: 'job-seeker',
    url: 'https://www.example.org/chelmsford-library/job-club',
    schedule: 'Meets every Wednesday, 9:00 to 10:30 a.m.',
    place: { name: 'Chelmsford Public Library', address: '25 Boston Rd', city: 'Chelmsford', region: 'MA', postalCode: '01824' },
  };

  it('is valid without a fetch kind, and keeps its schedule and place', () => {
    const file = parseSourcesFile(JSON.stringify({ region, sources: [entry] }), 'sources.json');
    expect(file.sources[0]).toMatchObject({ schedule: entry.schedule, place: entry.place, fetch: 'html' });
  });

  it('refuses an empty or over-long schedule, naming the entry', () => {
    for (const schedule of ['', 'x'.repeat(501)]) {
      let problems: string[] = [];
      try {
        parseSourcesFile(JSON.stringify({ region, sources: [{ ...entry, schedule }] }), 'sources.json');
      } catch (error) {
        if (error instanceof SourcesFileError) problems = error.problems;
      }
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^sources\[0\] \(chelmsford-job-club\)\.schedule: /);
    }
  });

  it('still needs a fetch kind when it has no schedule', () => {
    const withoutSchedule: Record<string, unknown> = { ...entry };
    delete withoutSchedule.schedule;
    expect(() => parseSourcesFile(JSON.stringify({ region, sources: [withoutSchedule] }), 'sources.json')).toThrow(/fetch/);
  });
});

/** The fields-of-interest tagger: hand-worked cases, the labelled set, and the tags normalise stores. */
import { describe, expect, it } from 'vitest';
import type { FieldId } from '../../../shared/model/fields';
import type { SourceContext } from '../../../shared/model/source';
import { normalizeEvents, tagFields } from '../../../shared/normalize';
import { readFieldSet, scoreFields } from '../../support/field-labels';
import { associationSource, rawEvent } from './raw-event-factory';

const community: Pick<SourceContext, 'name' | 'tags'> = { name: 'Community calendar' };
const tag = (title: string, description = '', organizer: string | null = null, source = community, categories: string[] = []) =>
  tagFields({ title, description, organizer, categories }, source);

describe('fields of interest: hand-worked cases', () => {
  it.each<[string, string, FieldId[]]>([
    // One field word in the title is enough: SHRM is the HR profession's society.
    ['SHRM Chapter Meeting', '', ['human-resources']],
    ['Talent Acquisition Roundtable', '', ['human-resources']],
    ['Boston Python User Group: Project Night', '', ['technology']],
    ['Nurses Networking Night', '', ['healthcare']],
    ['CPA Breakfast', '', ['finance']],
    ['Higher Ed Professionals Social', '', ['education']],
    ['ASME Section Dinner', '', ['engineering-manufacturing']],
    ['Nonprofit Leaders Breakfast', '', ['nonprofit-government']],
    ['AMA Marketing Mixer', '', ['sales-marketing']],
    ['AIGA Portfolio Night', '', ['creative-media']],
    ['CDL Hiring Event', '', ['trades-logistics']],
    // Two fields named, two tags, in FIELD_IDS order.
    ['Women in Engineering and Technology Mixer', '', ['technology', 'engineering-manufacturing']],
    // "Software engineers" are technology, not engineering-manufacturing.
    ['Software Engineers Meetup', '', ['technology']],
  ])('%s → %j', (title, description, fields) => {
    expect(tag(title, description)).toEqual(fields);
  });

  it('gives a general job club no field, even with job-search words that look like fields', () => {
    // "recruiters", "résumé writing", "social media", "marketing yourself" are job-search skills, not professions.
    expect(tag('Wednesday Job Club', 'Working with recruiters, résumé writing, social media and marketing yourself.')).toEqual([]);
    expect(tag('Marketing Yourself in a Job Search')).toEqual([]);
    expect(tag('Unemployment Insurance: What You Need to Know', 'Filing for unemployment insurance.')).toEqual([]);
  });

  it('needs two different words of a field in a description, so a passing list of industries tags nothing', () => {
    // Each field is named once: healthcare, technology, manufacturing, finance → no tag.
    expect(tag('Career Fair', 'Employers from healthcare, technology, manufacturing and finance are hiring.')).toEqual([]);
    // "clinical" and "hospitals" are two healthcare words.
    expect(tag('Evening Mixer', 'Meet clinical leaders from area hospitals.')).toEqual(['healthcare']);
    // The same word twice is still one word.
    expect(tag('Evening Mixer', 'Nurses welcome. Nurses, bring a friend.')).toEqual([]);
  });

  it('reads the organiser, the source name, the source tags and the feed categories', () => {
    expect(tag('Monthly Meeting', '', 'Merrimack Valley SHRM')).toEqual(['human-resources']);
    expect(tag('Monthly Meeting', '', null, { name: 'IEEE Boston Section' })).toEqual(['engineering-manufacturing']);
    // A sources-file tag may be a word of the vocabulary or a field's id or label.
    // Tags are typed in any case: "hr" is the acronym.
    expect(tag('Monthly Meeting', '', null, { name: 'Greater Boston Group', tags: ['hr'] })).toEqual(['human-resources']);
    expect(tagFields({ title: 'Monthly Meeting', description: '', organizer: null, categories: [] }, { name: 'Group', tags: ['recruiting professionals', 'Healthcare'] })).toEqual(['healthcare', 'human-resources']);
    expect(tag('Monthly Meeting', '', null, community, ['Technology'])).toEqual(['technology']);
  });

  it('keeps case where an acronym is a common word: "IT" and "HR" only in capitals', () => {
    expect(tag('IT Leaders Breakfast')).toEqual(['technology']);
    expect(tag("IT'S TIME TO NETWORK")).toEqual([]);
    expect(tag('HR Roundtable')).toEqual(['human-resources']);
    expect(tag('Job Club', 'A 2 hr session.')).toEqual([]);
  });

  it('tags a long hostile description in linear time (a generous bound, not a benchmark)', () => {
    const text = 'engineer '.repeat(20_000) + 'software '.repeat(20_000);
    const started = performance.now();
    tag('Meetup', text);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('fields of interest on the labelled set (test/fixtures/fields/)', () => {
  const items = readFieldSet();

  it('holds at least 100 items, half of them held out, some with no field and some with several', () => {
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(items.filter((item) => item.split === 'held-out').length).toBeGreaterThanOrEqual(50);
    expect(items.filter((item) => item.fields.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(items.filter((item) => item.fields.length > 1).length).toBeGreaterThanOrEqual(10);
  });

  it('tags the exact set of fields on at least 90% of the part it was tuned on', () => {
    expect(scoreFields(items.filter((item) => item.split === 'tune')).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('tags the exact set of fields on at least 90% of the held-out part', () => {
    expect(scoreFields(items.filter((item) => item.split === 'held-out')).accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('normalise stores the fields on every occurrence', () => {
  it('tags each occurrence of a series and takes the source tags into account', () => {
    const raws = [
      rawEvent({ title: 'Chapter Meeting: Pay Transparency', description: 'Our monthly program.' }),
      rawEvent({ title: 'Chapter Meeting: Pay Transparency', description: 'Our monthly program.', start: new Date('2026-04-14T12:30:00Z'), startDate: '2026-04-14' }),
      rawEvent({ uid: 'evt-2@example.org', title: 'Holiday Social' }),
    ];
    // The source is "Boston HR Association": "HR" in its name tags every event it lists.
    const { events, problems } = normalizeEvents(raws, associationSource);
    expect(problems).toEqual([]);
    expect(events.map((event) => event.fields)).toEqual([['human-resources'], ['human-resources'], ['human-resources']]);
    const general = normalizeEvents([rawEvent({ title: 'Holiday Social' })], { ...associationSource, name: 'Greater Lowell Chamber', tags: ['nonprofit'] });
    expect(general.events[0]?.fields).toEqual(['nonprofit-government']);
    const none = normalizeEvents([rawEvent({ title: 'Holiday Social' })], { ...associationSource, name: 'Greater Lowell Chamber' });
    expect(none.events[0]?.fields).toEqual([]);
  });
});

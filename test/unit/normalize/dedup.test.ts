import { describe, expect, it } from 'vitest';
import type { Event } from '../../../shared/model/event';
import type { RawEvent } from '../../../shared/model/raw-event';
import type { SourceContext } from '../../../shared/model/source';
import { dedupEvents, normalizeEvent, titleSimilarity } from '../../../shared/normalize';
import { rawEvent } from './raw-event-factory';

const source = (id: string, name: string, kind: SourceContext['kind'] = 'association'): SourceContext => ({
  id, name, kind, audience: 'professional', timeZone: 'America/New_York',
});
const bhra = source('boston-hr', 'Boston HR Association');
const meetup = source('meetup-boston-hr', 'Boston HR Meetup', 'meetup-group');
const chamber = source('greater-boston-chamber', 'Greater Boston Chamber', 'chamber');

const CIC = 'CIC Boston, 50 Milk St, Boston, MA 02109';
// Tue 10 Mar 2026, 08:00 EDT (−4) = 12:00Z.
const EIGHT_AM = '2026-03-10T12:00:00Z';

function event(src: SourceContext, overrides: Partial<RawEvent>): Event {
  return normalizeEvent(rawEvent({ start: new Date(EIGHT_AM), location: CIC, ...overrides }), src);
}

describe('titleSimilarity', () => {
  it('scores the organiser-suffixed variant as the same title', () => {
    expect(titleSimilarity('HR Breakfast Roundtable (Boston HR Association)', 'Boston HR Breakfast Roundtable')).toBeGreaterThanOrEqual(0.75);
  });

  it('is 1 for titles that differ only in case and punctuation, and symmetric', () => {
    expect(titleSimilarity('Job Club!', 'job club')).toBe(1);
    expect(titleSimilarity('Resume Workshop', 'LinkedIn Workshop')).toBe(titleSimilarity('LinkedIn Workshop', 'Resume Workshop'));
  });

  it('keeps different events apart', () => {
    expect(titleSimilarity('Resume Workshop', 'LinkedIn Workshop')).toBeLessThan(0.75);
    expect(titleSimilarity('Chapter Meeting', 'Board Meeting')).toBeLessThan(0.75);
  });
});

describe('dedupEvents', () => {
  it('merges the HR Breakfast listed by the association and a Meetup group', () => {
    const fromAssociation = event(bhra, { uid: 'bhra-1', title: 'HR Breakfast Roundtable (Boston HR Association)', description: 'Monthly breakfast for HR practitioners. $30 members, $40 guests.', url: 'https://bostonhr.example.org/e/1' });
    // The Meetup copy says 8:10 (doors): 12:10Z, within 15 minutes.
    const fromMeetup = event(meetup, { uid: 'meetup-77', title: 'Boston HR Breakfast Roundtable', start: new Date('2026-03-10T12:10:00Z') });
    const merged = dedupEvents([fromMeetup, fromAssociation]);
    expect(merged).toHaveLength(1);
    // The association's listing is richer (description, URL, cost), so it is the one kept.
    expect(merged[0]?.id).toBe(fromAssociation.id);
    expect(merged[0]?.title).toBe('HR Breakfast Roundtable (Boston HR Association)');
    expect(merged[0]?.sources).toEqual([
      { id: 'boston-hr', name: 'Boston HR Association', uid: 'bhra-1' },
      { id: 'meetup-boston-hr', name: 'Boston HR Meetup', uid: 'meetup-77' },
    ]);
  });

  it('merges three sources into one, whatever the input order', () => {
    const a = event(bhra, { uid: 'a', title: 'Boston HR Breakfast Roundtable' });
    const b = event(meetup, { uid: 'b', title: 'HR Breakfast Roundtable', location: 'Online' });
    const c = event(chamber, { uid: 'c', title: 'Boston HR Breakfast Roundtable', location: null });
    const forward = dedupEvents([a, b, c]);
    expect(forward).toHaveLength(1);
    expect(forward[0]?.sources.map((ref) => ref.id)).toEqual(['boston-hr', 'greater-boston-chamber', 'meetup-boston-hr']);
    expect(dedupEvents([c, b, a])).toEqual(forward);
    expect(dedupEvents([b, c, a])).toEqual(forward);
  });

  it('breaks a richness tie by source id', () => {
    const x = event(meetup, { uid: 'x', title: 'Boston HR Breakfast Roundtable' });
    const y = event(bhra, { uid: 'y', title: 'Boston HR Breakfast Roundtable' });
    expect(dedupEvents([x, y])[0]?.id).toBe(y.id);
  });

  it('keeps different events at the same place on the same day apart', () => {
    const breakfast = event(bhra, { uid: '1', title: 'HR Breakfast Roundtable' });
    const workshop = event(meetup, { uid: '2', title: 'Resume Workshop' });
    const lunch = event(chamber, { uid: '3', title: 'Chamber Business Lunch', start: new Date('2026-03-10T16:00:00Z') });
    expect(dedupEvents([breakfast, workshop, lunch])).toHaveLength(3);
  });

  it('keeps the same title at different times apart (08:00 and 18:00 EDT = 12:00Z and 22:00Z)', () => {
    const morning = event(bhra, { uid: '1', title: 'Networking Hour' });
    const evening = event(meetup, { uid: '2', title: 'Networking Hour', start: new Date('2026-03-10T22:00:00Z') });
    expect(dedupEvents([evening, morning]).map((e) => e.start)).toEqual(['2026-03-10T12:00:00.000Z', '2026-03-10T22:00:00.000Z']);
  });

  it('keeps starts 20 minutes apart apart (tolerance is 15)', () => {
    const a = event(bhra, { uid: '1', title: 'Networking Hour' });
    const b = event(meetup, { uid: '2', title: 'Networking Hour', start: new Date('2026-03-10T12:20:00Z') });
    expect(dedupEvents([a, b])).toHaveLength(2);
  });

  it('keeps the same title at the same time in different towns apart', () => {
    const boston = event(bhra, { uid: '1', title: 'Job Seekers Networking Group' });
    const worcester = event(meetup, { uid: '2', title: 'Job Seekers Networking Group', location: 'Worcester Public Library, 3 Salem Sq, Worcester, MA 01608' });
    expect(dedupEvents([boston, worcester])).toHaveLength(2);
  });

  it("does not merge one source's two records", () => {
    const a = event(bhra, { uid: '1', title: 'Networking Hour' });
    const b = event(bhra, { uid: '2', title: 'Networking Hour' });
    expect(dedupEvents([a, b])).toHaveLength(2);
  });

  it('collapses the very same event given twice', () => {
    const a = event(bhra, { uid: '1', title: 'Networking Hour' });
    expect(dedupEvents([a, a])).toEqual([a]);
  });

  it('sorts the output by start, then id', () => {
    const late = event(bhra, { uid: 'late', title: 'Evening Mixer', start: new Date('2026-03-12T22:00:00Z') });
    const early = event(bhra, { uid: 'early', title: 'Morning Coffee', start: new Date('2026-03-09T12:00:00Z') });
    const sameA = event(meetup, { uid: 's1', title: 'Panel A', start: new Date('2026-03-10T12:00:00Z') });
    const sameB = event(chamber, { uid: 's2', title: 'Lunch B', start: new Date('2026-03-10T12:00:00Z') });
    const out = dedupEvents([late, sameA, early, sameB]);
    expect(out.map((e) => e.id)).toEqual([early.id, ...[sameA.id, sameB.id].sort(), late.id]);
  });

  it('keeps 2,000 distinct events spread over three weeks distinct', () => {
    const many: Event[] = [];
    for (let i = 0; i < 2000; i += 1) {
      // Spread over 2,000 quarter hours; titles differ, so nothing merges.
      many.push(event(source(`s${i % 50}`, `Source ${i % 50}`), { uid: `u${i}`, title: `Topic ${i} Forum`, start: new Date(Date.parse(EIGHT_AM) + i * 15 * 60_000) }));
    }
    expect(dedupEvents(many)).toHaveLength(2000);
  });
});

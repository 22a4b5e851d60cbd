import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_MILES } from '../../../shared/digest/geo';
import { selectDigest, type DigestRecipient } from '../../../shared/digest/select';
import { selectForMany } from '../../../shared/digest/select-many';
import type { Event } from '../../../shared/model/event';
import { seriesWord, LOWELL, WINDOW_START, eveningOf, makeEvent, makeProfile } from './make-event';

const options = { windowStart: WINDOW_START, windowDays: 7 as const };

/** Latitude `miles` due north of Lowell: along a meridian the great-circle distance is R·Δφ. */
function northBy(miles: number): number {
  return LOWELL.lat + (miles / EARTH_RADIUS_MILES) * (180 / Math.PI);
}

function venueAt(lat: number, lon: number): Event['venue'] {
  return { name: 'Hall', address: null, city: 'Somewhere', region: 'MA', postalCode: null, lat, lon };
}

function many(prefix: string, count: number, overrides: (i: number) => Partial<Event>): Event[] {
  return Array.from({ length: count }, (_, i) => makeEvent(`${prefix}-${i}`, { ...eveningOf(i % 7), ...overrides(i) }));
}

const ids = (events: { event: Event }[]): string[] => events.map(({ event }) => event.id);

describe('selectDigest: place', () => {
  it('keeps an event exactly on the radius and drops one just past it', () => {
    const onEdge = makeEvent('edge', { venue: venueAt(northBy(10), LOWELL.lon) });
    const past = makeEvent('past', { venue: venueAt(northBy(10.01), LOWELL.lon) });
    const result = selectDigest([onEdge, past], makeProfile({ radiusMiles: 10, online: false }), options);
    expect(ids(result.chosen)).toEqual([onEdge.id]);
    expect(result.chosen[0]?.distanceMiles).toBeCloseTo(10, 6);
  });

  it('includes online-only events only for subscribers who want them, and skips events with no place', () => {
    const online = makeEvent('online', { online: true, onlineUrl: 'https://meet.example.org/x', venue: null });
    const nowhere = makeEvent('nowhere', { online: false, venue: null });
    const withOnline = selectDigest([online, nowhere], makeProfile({ online: true }), options);
    expect(ids(withOnline.chosen)).toEqual([online.id]);
    expect(withOnline.chosen[0]?.distanceMiles).toBeNull();
    const without = selectDigest([online, nowhere], makeProfile({ online: false }), options);
    expect(without.chosen).toEqual([]);
  });

  it('leaves out cancelled events and events outside the window', () => {
    const cancelled = makeEvent('cancelled', { status: 'cancelled' });
    // 2026-12-07 00:00 EST (−5) = 05:00Z is the window's exclusive end; 23:00Z on Dec 6 is inside.
    const lastEvening = makeEvent('last', { ...eveningOf(6) });
    const nextWeek = makeEvent('next', { start: '2026-12-07T05:00:00.000Z', end: '2026-12-07T07:00:00.000Z', startDate: '2026-12-07' });
    const before = makeEvent('before', { start: '2026-11-30T04:59:59.000Z', end: '2026-11-30T06:00:00.000Z', startDate: '2026-11-29' });
    const result = selectDigest([cancelled, lastEvening, nextWeek, before], makeProfile(), options);
    expect(ids(result.chosen)).toEqual([lastEvening.id]);
  });
});

describe('selectDigest: the mix', () => {
  const plenty = [
    ...many('js', 12, () => ({ audience: 'job-seeker', category: 'job-seeker-group' })),
    ...many('pro', 12, () => ({ audience: 'professional' })),
  ];

  it.each([
    ['balanced', 3, 5],
    ['job-seeker', 5, 3],
    ['professional', 1, 7],
  ] as const)('%s with plenty of both gives %i job-seeker + %i professional', (mix, jobSeeker, professional) => {
    const result = selectDigest(plenty, makeProfile({ mix, digestSize: 8 }), options);
    expect(result.counts).toEqual({ 'job-seeker': jobSeeker, professional });
    expect(result.chosen.filter(({ event }) => event.audience === 'job-seeker')).toHaveLength(jobSeeker);
  });

  it('balanced with one job-seeker event fills the rest with professional ones', () => {
    const scarce = [makeEvent('only-js', { audience: 'job-seeker' }), ...many('pro', 12, () => ({}))];
    expect(selectDigest(scarce, makeProfile({ mix: 'balanced' }), options).counts).toEqual({ 'job-seeker': 1, professional: 7 });
  });

  it('job-seeker mix with no professional events fills with job-seeker ones', () => {
    const scarce = many('js', 12, () => ({ audience: 'job-seeker' }));
    expect(selectDigest(scarce, makeProfile({ mix: 'job-seeker' }), options).counts).toEqual({ 'job-seeker': 8, professional: 0 });
  });

  it('professional mix never takes more than one job-seeker event, even when short', () => {
    const scarce = [...many('js', 12, () => ({ audience: 'job-seeker' })), ...many('pro', 2, () => ({}))];
    expect(selectDigest(scarce, makeProfile({ mix: 'professional' }), options).counts).toEqual({ 'job-seeker': 1, professional: 2 });
  });
});

describe('selectDigest: repeats and caps', () => {
  it('merges one event listed by several sources with slightly different titles', () => {
    const a = makeEvent('a', { title: 'Boston HR Network: Monthly Meeting', sources: [{ id: 'src-a', name: 'A', uid: '1' }, { id: 'src-c', name: 'C', uid: '9' }] });
    const b = makeEvent('b', { title: 'boston hr network – monthly meeting!', sources: [{ id: 'src-b', name: 'B', uid: '2' }] });
    // Listed by another source, so not the same series as `a` (a digest holds one meeting of a series).
    const otherTime = makeEvent('c', { title: 'Boston HR Network: Monthly Meeting', ...eveningOf(3), sources: [{ id: 'src-d', name: 'D', uid: '3' }] });
    const result = selectDigest([b, a, otherTime], makeProfile(), options);
    // The listing with more sources represents the cluster.
    expect(ids(result.chosen)).toEqual([a.id, otherTime.id]);
  });

  it('takes at most two events from one organiser', () => {
    const same = many('same', 6, () => ({ organizer: 'Greater Lowell Chamber', cost: { kind: 'free', amount: null, currency: null, text: null } }));
    const others = many('other', 6, (i) => ({ organizer: `Group ${i}` }));
    const result = selectDigest([...same, ...others], makeProfile({ mix: 'professional' }), options);
    expect(result.chosen.filter(({ event }) => event.organizer === 'Greater Lowell Chamber')).toHaveLength(2);
    expect(result.chosen).toHaveLength(8);
  });

  it('falls back to the first source as organiser when none is given', () => {
    const unnamed = many('unnamed', 5, () => ({ organizer: null, sources: [{ id: 'meetup-x', name: 'Meetup X', uid: 'u' }] }));
    const result = selectDigest(unnamed, makeProfile({ mix: 'professional' }), options);
    expect(result.chosen).toHaveLength(2);
  });

  it('does not repeat last digest events unless they changed', () => {
    const kept = makeEvent('kept');
    const changed = makeEvent('changed', { ...eveningOf(2) });
    const fresh = makeEvent('fresh', { ...eveningOf(4) });
    const previous = [
      { id: kept.id, contentHash: kept.contentHash },
      { id: changed.id, contentHash: '0'.repeat(32) },
    ];
    const result = selectDigest([kept, changed, fresh], makeProfile(), { ...options, previous });
    expect(ids(result.chosen)).toEqual([changed.id, fresh.id]);
  });
});

describe('selectDigest: ranking', () => {
  it('ranks interest matches first and says so', () => {
    const plain = many('plain', 10, () => ({}));
    const biotech = makeEvent('bio', { ...eveningOf(5), title: 'Biotech Breakfast Club' });
    const result = selectDigest([...plain, biotech], makeProfile({ mix: 'professional', digestSize: 3, interests: ['Biotech'] }), options);
    const picked = result.chosen.find(({ event }) => event.id === biotech.id);
    expect(picked?.why).toBe('On your interest “Biotech”: Organiser bio\'s biotech Breakfast Club');
  });

  it('prefers an unused day when scores tie', () => {
    // All three score the same; start order alone would pick both Monday events.
    const mon1 = makeEvent('mon1', { ...eveningOf(0) });
    // 19:00 EST (−5) = 00:00Z next day, still Monday locally.
    const mon2 = makeEvent('mon2', { start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T01:00:00.000Z', startDate: '2026-11-30' });
    const wed = makeEvent('wed', { ...eveningOf(2) });
    const result = selectDigest([wed, mon2, mon1], makeProfile({ mix: 'professional', digestSize: 2 }), options);
    expect(ids(result.chosen)).toEqual([mon1.id, wed.id]);
  });
});

describe('selectForMany', () => {
  /** A small deterministic generator (mulberry32) so the "random" input is the same every run. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const next = random(42);
  const topics = ['biotech', 'finance', 'hr', 'nursing', 'software', 'marketing'];
  const events = Array.from({ length: 200 }, (_, i) => {
    const topic = topics[i % topics.length] ?? 'hr';
    return makeEvent(`bulk-${i}`, {
      ...eveningOf(Math.floor(next() * 7)),
      // 37 series, each meeting on several evenings.
      title: `${topic} networking night ${seriesWord(String(i % 37))}`,
      audience: next() < 0.4 ? 'job-seeker' : 'professional',
      organizer: `Org ${Math.floor(next() * 40)}`,
      online: next() < 0.1,
      venue: venueAt(LOWELL.lat + (next() - 0.5) * 1.2, LOWELL.lon + (next() - 0.5) * 1.2),
      cost: { kind: next() < 0.3 ? 'free' : 'unknown', amount: null, currency: null, text: null },
    });
  });
  const places = [LOWELL, { lat: 42.36, lon: -71.06 }, { lat: 42.27, lon: -71.8 }];
  const recipients: DigestRecipient[] = Array.from({ length: 60 }, (_, i) => ({
    ...makeProfile({
      lat: places[i % 3]?.lat ?? LOWELL.lat,
      lon: places[i % 3]?.lon ?? LOWELL.lon,
      radiusMiles: [10, 25, 50][i % 3] ?? 25,
      mix: (['balanced', 'job-seeker', 'professional'] as const)[i % 3],
      interests: i % 6 < 3 ? ['biotech'] : [],
      online: i % 2 === 0,
    }),
    id: `sub-${i}`,
  }));

  it('gives each subscriber what selectDigest alone would, grouped or not', () => {
    const grouped = selectForMany(events, recipients, options);
    const ungrouped = selectForMany(events, recipients, { ...options, group: false });
    expect(grouped).toHaveLength(recipients.length);
    for (const [index, recipient] of recipients.entries()) {
      const alone = selectDigest(events, recipient, options);
      expect(grouped[index]).toEqual(alone);
      expect(ungrouped[index]).toEqual(alone);
    }
    expect(grouped.some((selection) => selection.chosen.length === 8)).toBe(true);
    // 60 subscribers share 6 distinct profiles: grouping computed (and shares) 6 results.
    expect(new Set(grouped).size).toBe(6);
  });

  it('is deterministic: the same input, in any order, twice, gives the same output', () => {
    const first = selectForMany(events, recipients, options);
    const reversed = selectForMany([...events].reverse(), recipients, options);
    expect(reversed).toEqual(first);
  });
});

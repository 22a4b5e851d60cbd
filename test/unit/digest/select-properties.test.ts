import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { homeFor, milesIfNear } from '../../../shared/digest/candidates';
import { prepareEvents } from '../../../shared/digest/prepare';
import { jobSeekerTarget, selectDigest, selectForMany, windowEndFor, type DigestRecipient } from '../../../shared/digest/select';
import type { DigestSelection } from '../../../shared/digest/types';
import type { Event } from '../../../shared/model/event';
import { LOWELL, WINDOW_START, eveningOf, makeEvent, makeProfile } from './make-event';

const options = { windowStart: WINDOW_START, windowDays: 7 as const };
const TOPICS = ['biotech', 'hr', 'finance', 'nursing'];
/** Three homes about 0, 20 and 40 miles apart, so radii of 5 to 60 miles cut differently. */
const HOMES = [LOWELL, { lat: 42.36, lon: -71.06 }, { lat: 42.27, lon: -71.8 }];

const eventArbitrary = fc.record({
  day: fc.integer({ min: 0, max: 6 }),
  topic: fc.constantFrom(...TOPICS),
  jobSeeker: fc.boolean(),
  organiser: fc.integer({ min: 0, max: 5 }),
  online: fc.boolean(),
  hasVenue: fc.boolean(),
  // Few distinct spots, so equal distances (exact ties) are common.
  dLat: fc.integer({ min: -4, max: 4 }),
  dLon: fc.integer({ min: -4, max: 4 }),
  free: fc.boolean(),
});

const profileArbitrary = fc.record({
  home: fc.integer({ min: 0, max: HOMES.length - 1 }),
  radiusMiles: fc.constantFrom(5, 10, 25, 60),
  mix: fc.constantFrom('job-seeker' as const, 'balanced' as const, 'professional' as const),
  digestSize: fc.integer({ min: 3, max: 9 }),
  online: fc.boolean(),
  interests: fc.subarray(TOPICS, { maxLength: 3 }),
  history: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
});

/**
 * The rules written the slow, obvious way: every round rescans every candidate. Scores in
 * millionths: 2 per matched interest (up to 3), 1 when free, 0.5 × (1 − miles / radius) near or
 * 0.25 online out of range; 0.5 off per pick already on that day; ties go to prepared order.
 */
function slowSelect(events: readonly Event[], recipient: DigestRecipient): string[] {
  const prepared = prepareEvents(events, { start: WINDOW_START, end: windowEndFor(WINDOW_START, 7, recipient.timeZone) });
  const home = homeFor(recipient.lat, recipient.lon, recipient.radiusMiles);
  const sent = new Set((recipient.previous ?? []).map((item) => `${item.id}:${item.contentHash}`));
  const candidates = prepared.items.flatMap((item, index) => {
    const miles = milesIfNear(prepared, home, index);
    if (miles === null && !(recipient.online && item.online)) return [];
    if (sent.has(`${item.event.id}:${item.event.contentHash}`)) return [];
    const matches = Math.min(3, recipient.interests.filter((term) => item.text.includes(` ${term} `)).length);
    const base = Math.round(((item.free ? 1 : 0) + 0.5 * (miles === null ? 0.5 : 1 - miles / recipient.radiusMiles)) * 1e6);
    return [{ index, item, steps: 2e6 * matches + base }];
  });
  const size = recipient.digestSize;
  const { target, cap } = jobSeekerTarget(recipient.mix, size);
  const quota = { 'job-seeker': target, professional: size - target };
  const hardCap = { 'job-seeker': cap, professional: size };
  const taken = { 'job-seeker': 0, professional: 0 };
  const picked = new Set<number>();
  const perOrganiser = new Map<string, number>();
  const perDay = new Map<string, number>();
  const open = (audience: 'job-seeker' | 'professional', limit: Record<string, number>): typeof candidates =>
    candidates.filter(({ index, item }) => item.audience === audience && taken[audience] < (limit[audience] ?? 0) && !picked.has(index) && (perOrganiser.get(item.organiserKey) ?? 0) < 2);
  while (picked.size < size) {
    const pool = [...open('job-seeker', quota), ...open('professional', quota)];
    const scored = pool.map((c) => ({ ...c, adjusted: c.steps - 5e5 * (perDay.get(c.item.day) ?? 0) })).sort((a, b) => b.adjusted - a.adjusted || a.index - b.index);
    const best = scored[0];
    if (!best) {
      const widen = (['job-seeker', 'professional'] as const).filter((a) => quota[a] < hardCap[a] && open(a, { ...quota, [a]: Number.POSITIVE_INFINITY }).length > 0);
      if (widen.length === 0) break;
      for (const a of widen) quota[a] = hardCap[a];
      continue;
    }
    picked.add(best.index);
    taken[best.item.audience] += 1;
    perOrganiser.set(best.item.organiserKey, (perOrganiser.get(best.item.organiserKey) ?? 0) + 1);
    perDay.set(best.item.day, (perDay.get(best.item.day) ?? 0) + 1);
  }
  return [...picked].sort((a, b) => a - b).map((index) => prepared.items[index]?.event.id ?? '');
}

const idsOf = (selection: DigestSelection | undefined): string[] => (selection?.chosen ?? []).map(({ event }) => event.id);

describe('selectForMany: property', () => {
  it('grouped, per-subscriber and selectDigest agree on random small inputs, and keep the caps', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 40 }), fc.array(profileArbitrary, { minLength: 1, maxLength: 12 }), (specs, profiles) => {
        const events: Event[] = specs.map((spec, i) =>
          makeEvent(`p-${i}`, {
            ...eveningOf(spec.day),
            title: `${spec.topic} night`,
            audience: spec.jobSeeker ? 'job-seeker' : 'professional',
            organizer: `Org ${spec.organiser}`,
            online: spec.online,
            onlineUrl: spec.online ? 'https://meet.example.org/x' : null,
            venue: spec.hasVenue
              ? { name: 'Hall', address: null, city: 'Somewhere', region: 'MA', postalCode: null, lat: LOWELL.lat + spec.dLat * 0.1, lon: LOWELL.lon + spec.dLon * 0.1 }
              : null,
            cost: { kind: spec.free ? 'free' : 'unknown', amount: null, currency: null, text: null },
          }),
        );
        // Each profile twice (and once more with another id) so grouping really shares.
        const recipients: DigestRecipient[] = profiles.flatMap((profile, i) => {
          const home = HOMES[profile.home] ?? LOWELL;
          const previous = profile.history.map(([n, changed]) => {
            const event = events[n % events.length];
            return { id: event?.id ?? 'x', contentHash: changed ? '0'.repeat(32) : (event?.contentHash ?? 'x') };
          });
          const base = { ...makeProfile({ ...home, radiusMiles: profile.radiusMiles, mix: profile.mix, digestSize: profile.digestSize, online: profile.online, interests: profile.interests }), previous };
          return [{ ...base, id: `a-${i}` }, { ...base, id: `b-${i}` }];
        });
        const grouped = selectForMany(events, recipients, options);
        const ungrouped = selectForMany(events, recipients, { ...options, group: false });
        for (const recipient of recipients) {
          const alone = selectDigest(events, recipient, { ...options, previous: recipient.previous ?? [] });
          expect(grouped.get(recipient.id)).toEqual(alone);
          expect(ungrouped.get(recipient.id)).toEqual(alone);
          expect(idsOf(alone)).toEqual(slowSelect(events, recipient));
          expect(alone.chosen.length).toBeLessThanOrEqual(recipient.digestSize);
          const perOrganiser = new Map<string, number>();
          for (const { event } of alone.chosen) perOrganiser.set(event.organizer ?? '', (perOrganiser.get(event.organizer ?? '') ?? 0) + 1);
          expect(Math.max(0, ...perOrganiser.values())).toBeLessThanOrEqual(2);
          const repeated = (recipient.previous ?? []).filter((item) => alone.chosen.some(({ event }) => event.id === item.id && event.contentHash === item.contentHash));
          expect(repeated).toEqual([]);
          if (recipient.mix === 'professional') expect(alone.counts['job-seeker']).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});

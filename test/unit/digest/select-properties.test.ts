import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { homeFor, milesIfNear } from '../../../shared/digest/candidates';
import { prepareEvents } from '../../../shared/digest/prepare';
import { jobSeekerTarget, selectDigest, windowEndFor, type DigestRecipient } from '../../../shared/digest/select';
import { selectForMany } from '../../../shared/digest/select-many';
import { seriesKeyOf } from '../../../shared/digest/series';
import type { DigestSelection, FeedbackEntry, OfferedItem, SubscriberHistory } from '../../../shared/digest/types';
import type { Event } from '../../../shared/model/event';
import type { FieldId } from '../../../shared/model/fields';
import { LOWELL, WINDOW_START, eveningOf, makeEvent, makeProfile, seriesWord } from './make-event';

const options = { windowStart: WINDOW_START, windowDays: 7 as const };
const TOPICS = ['biotech', 'hr', 'finance', 'nursing'];
const FIELDS: FieldId[] = ['human-resources', 'technology', 'healthcare'];
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
  // Most events share their topic's series ("hr night" every evening), some are one-offs.
  oneOff: fc.boolean(),
  fields: fc.subarray(FIELDS, { maxLength: 2 }),
});

/**
 * History in the four ISO weeks before the window's (2026-W49): W45 … W48, and W44 (before the
 * month) which must count for nothing; feedback on random events.
 */
const historyArbitrary = fc.record({
  offered: fc.array(fc.tuple(fc.nat(), fc.constantFrom('2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48')), { maxLength: 6 }),
  feedback: fc.array(fc.tuple(fc.nat(), fc.constantFrom('going' as const, 'not-for-me' as const), fc.integer({ min: -35, max: 6 })), { maxLength: 3 }),
});

const profileArbitrary = fc.record({
  home: fc.integer({ min: 0, max: HOMES.length - 1 }),
  radiusMiles: fc.constantFrom(5, 10, 25, 60),
  mix: fc.constantFrom('job-seeker' as const, 'balanced' as const, 'professional' as const),
  digestSize: fc.integer({ min: 3, max: 9 }),
  online: fc.boolean(),
  interests: fc.subarray(TOPICS, { maxLength: 3 }),
  fields: fc.subarray(FIELDS, { maxLength: 2 }),
  history: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
  past: fc.option(historyArbitrary, { nil: undefined }),
});

const DAY_MS = 86_400_000;
type Past = typeof historyArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** A history built from the generated events: offered items and feedback refer to them. */
function historyOf(events: readonly Event[], past: Past | undefined): SubscriberHistory | undefined {
  if (past === undefined) return undefined;
  const at = (n: number): Event | undefined => events[n % events.length];
  const offered: OfferedItem[] = past.offered.flatMap(([n, isoWeek]) => {
    const event = at(n);
    // A different id than this week's occurrence: an earlier meeting of the same series.
    return event ? [{ id: `old-${n}-${isoWeek}`, seriesKey: seriesKeyOf(event), audience: event.audience, isoWeek }] : [];
  });
  const feedback: FeedbackEntry[] = past.feedback.flatMap(([n, kind, days]) => {
    const event = at(n);
    if (!event) return [];
    const start = new Date(WINDOW_START.getTime() + days * DAY_MS).toISOString();
    return [{ eventId: `fb-${n}-${days}`, kind, seriesKey: seriesKeyOf(event), organiser: event.organizer, category: event.category, audience: event.audience, eventStart: start, at: start }];
  });
  return { offered, feedback };
}

/**
 * The rules written the slow, obvious way: every round rescans every candidate. Scores in
 * millionths: 2 per matched interest or ticked field (up to 3), 1 when free, 0.5 × (1 − miles /
 * radius) near or 0.25 online out of range; 0.5 off per pick already on that day; ties go to
 * prepared order. One meeting of a series a digest. The cadence, from the history: this week
 * and the four before are the month (W45 … W49); a job-seeker series offered (or marked going)
 * as often as the mix allows a month (3, 2, 1) is left out; one offered last week (W48) comes
 * only after every other event of its audience; the professional mix takes at most two
 * job-seeker events a month; "Not for me" takes 2 points per level off (series 3 levels,
 * organiser and category 1 each, at most 3 in all).
 */
function slowSelect(events: readonly Event[], recipient: DigestRecipient): string[] {
  const prepared = prepareEvents(events, { start: WINDOW_START, end: windowEndFor(WINDOW_START, 7, recipient.timeZone) });
  const home = homeFor(recipient.lat, recipient.lon, recipient.radiusMiles);
  const sent = new Set((recipient.previous ?? []).map((item) => `${item.id}:${item.contentHash}`));
  const history = recipient.history ?? { offered: [], feedback: [] };
  const monthStart = WINDOW_START.getTime() - 28 * DAY_MS;
  const windowEnd = windowEndFor(WINDOW_START, 7, recipient.timeZone).getTime();
  const month = new Map<string, { seriesKey: string; audience: string }>();
  for (const item of history.offered) if (item.isoWeek >= '2026-W45' && item.isoWeek <= '2026-W48') month.set(item.id, item);
  for (const entry of history.feedback) {
    const start = Date.parse(entry.eventStart);
    if (entry.kind === 'going' && start >= monthStart && start < windowEnd) month.set(entry.eventId, entry);
  }
  const monthJobSeeker = [...month.values()].filter((item) => item.audience === 'job-seeker');
  const seriesCap = { 'job-seeker': 3, balanced: 2, professional: 1 }[recipient.mix];
  const full = (key: string): boolean => monthJobSeeker.filter((item) => item.seriesKey === key).length >= seriesCap;
  const restingKeys = new Set(history.offered.filter((item) => item.isoWeek === '2026-W48' && item.audience === 'job-seeker').map((item) => item.seriesKey));
  const notForMe = history.feedback.filter((entry) => entry.kind === 'not-for-me');
  const candidates = prepared.items.flatMap((item, index) => {
    const miles = milesIfNear(prepared, home, index);
    if (miles === null && !(recipient.online && item.online)) return [];
    if (sent.has(`${item.event.id}:${item.event.contentHash}`)) return [];
    const seriesKey = seriesKeyOf(item.event);
    if (item.audience === 'job-seeker' && full(seriesKey)) return [];
    const resting = restingKeys.has(seriesKey);
    const organiser = item.event.organizer?.trim().toLowerCase() ?? null;
    const demotion = Math.min(
      3,
      3 * notForMe.filter((entry) => entry.seriesKey === seriesKey).length +
        notForMe.filter((entry) => organiser !== null && entry.organiser?.trim().toLowerCase() === organiser).length +
        notForMe.filter((entry) => entry.category === item.event.category).length,
    );
    const terms = recipient.interests.filter((term) => item.text.includes(` ${term} `)).length + recipient.fields.filter((field) => item.event.fields.includes(field)).length;
    const rank = resting ? -4 : Math.min(3, terms) - demotion;
    const base = Math.round(((item.free ? 1 : 0) + 0.5 * (miles === null ? 0.5 : 1 - miles / recipient.radiusMiles)) * 1e6);
    return [{ index, item, seriesKey, steps: 2e6 * rank + base }];
  });
  const size = recipient.digestSize;
  const limit = recipient.mix === 'professional' ? Math.max(0, 2 - monthJobSeeker.length) : Number.MAX_SAFE_INTEGER;
  const planned = jobSeekerTarget(recipient.mix, size);
  const target = Math.min(planned.target, limit);
  const quota = { 'job-seeker': target, professional: size - target };
  const hardCap = { 'job-seeker': Math.min(planned.cap, limit), professional: size };
  const seriesIn = new Set<string>();
  const taken = { 'job-seeker': 0, professional: 0 };
  const picked = new Set<number>();
  const perOrganiser = new Map<string, number>();
  const perDay = new Map<string, number>();
  const open = (audience: 'job-seeker' | 'professional', limit: Record<string, number>): typeof candidates =>
    candidates.filter(({ index, item, seriesKey }) => item.audience === audience && taken[audience] < (limit[audience] ?? 0) && !picked.has(index) && (perOrganiser.get(item.organiserKey) ?? 0) < 2 && !seriesIn.has(seriesKey));
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
    seriesIn.add(best.seriesKey);
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
            title: spec.oneOff ? `${spec.topic} night ${seriesWord(String(i))}` : `${spec.topic} night`,
            fields: spec.fields,
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
          const base = { ...makeProfile({ ...home, radiusMiles: profile.radiusMiles, mix: profile.mix, digestSize: profile.digestSize, online: profile.online, interests: profile.interests, fields: profile.fields }), previous };
          const history = historyOf(events, profile.past);
          if (history !== undefined) return [{ ...base, history, id: `a-${i}` }, { ...base, history, id: `b-${i}` }, { ...base, id: `c-${i}` }];
          return [{ ...base, id: `a-${i}` }, { ...base, id: `b-${i}` }];
        });
        const grouped = selectForMany(events, recipients, options);
        const ungrouped = selectForMany(events, recipients, { ...options, group: false });
        expect(grouped).toHaveLength(recipients.length);
        for (const [index, recipient] of recipients.entries()) {
          const alone = selectDigest(events, recipient, { ...options, previous: recipient.previous ?? [] });
          expect(grouped[index]).toEqual(alone);
          expect(ungrouped[index]).toEqual(alone);
          expect(idsOf(alone)).toEqual(slowSelect(events, recipient));
          expect(alone.chosen.length).toBeLessThanOrEqual(recipient.digestSize);
          const perOrganiser = new Map<string, number>();
          for (const { event } of alone.chosen) perOrganiser.set(event.organizer ?? '', (perOrganiser.get(event.organizer ?? '') ?? 0) + 1);
          expect(Math.max(0, ...perOrganiser.values())).toBeLessThanOrEqual(2);
          const repeated = (recipient.previous ?? []).filter((item) => alone.chosen.some(({ event }) => event.id === item.id && event.contentHash === item.contentHash));
          expect(repeated).toEqual([]);
          if (recipient.mix === 'professional') expect(alone.counts['job-seeker']).toBeLessThanOrEqual(1);
          expect(new Set(alone.chosen.map(({ event }) => seriesKeyOf(event))).size).toBe(alone.chosen.length);
          expect(alone.opening).toMatch(/\.$/);
        }
      }),
      { numRuns: 80, seed: 20261130 },
    );
  });
});

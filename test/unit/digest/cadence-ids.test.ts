/**
 * The grouped path's interned cadence effects (cadence-ids.ts) against `cadenceEffect`, the direct
 * reading: the same effect for any history, and one id for histories that come to the same effect.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenceEffect, type CadenceEffect } from '../../../shared/digest/cadence';
import { CadenceEffects } from '../../../shared/digest/cadence-ids';
import { prepareEvents } from '../../../shared/digest/prepare';
import { windowEndFor } from '../../../shared/digest/select';
import { seriesKeyOf } from '../../../shared/digest/series';
import type { FeedbackEntry, OfferedItem, SubscriberHistory } from '../../../shared/digest/types';
import type { Event } from '../../../shared/model/event';
import { WINDOW_START, eveningOf, makeEvent } from './make-event';

const ZONE = 'America/New_York';
const DAY_MS = 86_400_000;
/** Window 2026-W49; the month is W45 … W48 before it, W44 lies outside. */
const WEEKS = { current: '2026-W49', last: '2026-W48', first: '2026-W45', fromMs: WINDOW_START.getTime() - 28 * DAY_MS, toMs: windowEndFor(WINDOW_START, 7, ZONE).getTime() };
const TITLES = ['Job Club', 'Resume Circle', 'Chapter Meeting', 'Tech Meetup'];

/** Two meetings a week of four series, half job-seeker; and one series that is not in the window. */
function supply(): Event[] {
  return Array.from({ length: 8 }, (_, i) =>
    makeEvent(`e-${i}`, { ...eveningOf(i % 7), title: TITLES[i % 4] ?? 'x', organizer: `Org ${i % 3}`, audience: i % 4 < 2 ? 'job-seeker' : 'professional', category: i % 4 < 2 ? 'job-seeker-group' : 'meetup' }),
  );
}

const historyArbitrary = fc.record({
  offered: fc.array(fc.tuple(fc.nat({ max: 9 }), fc.constantFrom('2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'), fc.nat({ max: 3 }), fc.boolean()), { maxLength: 12 }),
  feedback: fc.array(fc.tuple(fc.nat({ max: 9 }), fc.constantFrom('going' as const, 'not-for-me' as const), fc.integer({ min: -35, max: 8 })), { maxLength: 4 }),
});

type Spec = typeof historyArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Events 8 and 9 stand for a series with no meeting this week; ids repeat (the same event offered twice, or re-marked). */
function historyOf(events: readonly Event[], spec: Spec): SubscriberHistory {
  const keyOf = (n: number): string => (n >= events.length ? `gone-series-${n}` : seriesKeyOf(events[n] ?? events[0] ?? { title: '', sources: [] }));
  const offered: OfferedItem[] = spec.offered.map(([n, isoWeek, copy, jobSeeker]) => ({ id: `old-${n}-${copy}`, seriesKey: keyOf(n), audience: jobSeeker ? 'job-seeker' : 'professional', isoWeek }));
  const feedback: FeedbackEntry[] = spec.feedback.map(([n, kind, days]) => {
    const event = events[n % events.length];
    const start = new Date(WINDOW_START.getTime() + days * DAY_MS).toISOString();
    return { eventId: `old-${n}-0`, kind, seriesKey: keyOf(n), organiser: event?.organizer ?? null, category: event?.category ?? 'other', audience: event?.audience ?? 'job-seeker', eventStart: start, at: start };
  });
  return { offered, feedback };
}

/** An effect with "no limit" written one way (a limit of a million or more selects as none). */
function comparable(effect: CadenceEffect): unknown {
  return { ...effect, jobSeekerLimit: effect.jobSeekerLimit >= 1_000_000 ? 'none' : effect.jobSeekerLimit };
}

describe('CadenceEffects', () => {
  it('interns to the effect cadenceEffect builds, for any history and mix, and gives one id to histories with one effect', () => {
    const events = supply();
    const prepared = prepareEvents(events, { start: WINDOW_START, end: new Date(WEEKS.toMs) });
    fc.assert(
      fc.property(fc.array(fc.tuple(historyArbitrary, fc.constantFrom('job-seeker' as const, 'balanced' as const, 'professional' as const)), { minLength: 1, maxLength: 8 }), (cases) => {
        const effects = new CadenceEffects(prepared, WEEKS);
        const seen = new Map<number, unknown>();
        for (const [spec, mix] of cases) {
          const history = historyOf(events, spec);
          const direct = comparable(cadenceEffect(prepared, mix, WEEKS, history));
          const id = effects.idOf(mix, history);
          expect(comparable(effects.effectOf(id))).toEqual(direct);
          // Asked again (fresh objects, same content): the same id; an id never stands for two effects.
          expect(effects.idOf(mix, historyOf(events, spec))).toBe(id);
          if (seen.has(id)) expect(seen.get(id)).toEqual(direct);
          seen.set(id, direct);
          // An offer from before the month changes nothing (an empty history is no history: no limit at all).
          const older = { ...history, offered: [...history.offered, { id: 'w44', seriesKey: seriesKeyOf(events[0] ?? { title: '', sources: [] }), audience: 'job-seeker' as const, isoWeek: '2026-W44' }] };
          const olderId = effects.idOf(mix, older);
          expect(comparable(effects.effectOf(olderId))).toEqual(comparable(cadenceEffect(prepared, mix, WEEKS, older)));
          if (history.offered.length + history.feedback.length > 0) expect(olderId).toBe(id);
        }
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('gives id 0 (no effect) to no history and to an empty one', () => {
    const prepared = prepareEvents(supply(), { start: WINDOW_START, end: new Date(WEEKS.toMs) });
    const effects = new CadenceEffects(prepared, WEEKS);
    expect(effects.idOf('balanced', undefined)).toBe(0);
    expect(effects.idOf('balanced', { offered: [], feedback: [] })).toBe(0);
    expect(effects.effectOf(0).blocked).toEqual([]);
  });
});

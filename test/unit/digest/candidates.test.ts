import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketCandidates, bucketNear, farOnline, homeFor, isNear, milesIfNear, narrowNear, rankBuffers, rankOnline, type Buckets, type Distances } from '../../../shared/digest/candidates';
import { prepareEvents, type PreparedEvents } from '../../../shared/digest/prepare';
import { LOWELL, WINDOW_START, eveningOf, makeEvent } from './make-event';

const WINDOW = { start: WINDOW_START, end: new Date(WINDOW_START.getTime() + 7 * 86_400_000) };

/** Events scattered around Lowell: some at shared spots (exact distance ties), some anywhere (near-ties by rounding). */
const eventsArbitrary = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 6 }),
    jobSeeker: fc.boolean(),
    free: fc.boolean(),
    online: fc.boolean(),
    spot: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    dLat: fc.double({ min: -0.9, max: 0.9, noNaN: true }),
    dLon: fc.double({ min: -0.9, max: 0.9, noNaN: true }),
  }),
  { minLength: 1, maxLength: 60 },
);

function prepared(specs: readonly { day: number; jobSeeker: boolean; free: boolean; online: boolean; spot: number | undefined; dLat: number; dLon: number }[]): PreparedEvents {
  const events = specs.map((spec, i) => {
    const lat = LOWELL.lat + (spec.spot === undefined ? spec.dLat : spec.spot * 0.1);
    const lon = LOWELL.lon + (spec.spot === undefined ? spec.dLon : -spec.spot * 0.1);
    return makeEvent(`c-${i}`, {
      ...eveningOf(spec.day),
      audience: spec.jobSeeker ? 'job-seeker' : 'professional',
      online: spec.online,
      onlineUrl: spec.online ? 'https://meet.example.org/x' : null,
      cost: { kind: spec.free ? 'free' : 'unknown', amount: null, currency: null, text: null },
      venue: { name: 'Hall', address: null, city: 'Somewhere', region: 'MA', postalCode: null, lat, lon },
    });
  });
  return prepareEvents(events, WINDOW);
}

/** Each queue's (index, steps) in order, so two rankings compare whatever their buffers' lengths. */
function queuesOf(buckets: Buckets): [number, number][][] {
  return Array.from({ length: buckets.starts.length - 1 }, (_, queue) => {
    const from = buckets.starts[queue] ?? 0;
    const to = buckets.starts[queue + 1] ?? 0;
    return Array.from({ length: to - from }, (_, k): [number, number] => [buckets.indices[from + k] ?? -1, buckets.steps[from + k] ?? -1]);
  });
}

function bucketsFor(events: PreparedEvents): Buckets {
  return { indices: new Int32Array(events.items.length), steps: new Int32Array(events.items.length), starts: new Int32Array(2 * events.days.length + 1) };
}

describe('bucketNear', () => {
  it('lists the events within the radius, each queue by score (free bonus and nearness) then prepared order, as a plain sort does', () => {
    fc.assert(
      fc.property(eventsArbitrary, fc.integer({ min: 1, max: 80 }), (specs, radius) => {
        const events = prepared(specs);
        const home = homeFor(LOWELL.lat, LOWELL.lon, radius);
        const buffers = rankBuffers(events);
        // Twice with the same buffers: the first call must leave them clean.
        bucketNear(events, home, buffers);
        const ranked = queuesOf(bucketNear(events, home, buffers));
        const expected = Array.from({ length: 2 * events.days.length }, (_, queue) =>
          events.items
            .flatMap((item, index): [number, number][] => {
              const miles = milesIfNear(events, home, index);
              const inQueue = (item.audience === 'job-seeker' ? 0 : events.days.length) + (events.dayIndex[index] ?? 0) === queue;
              return miles === null || !inQueue ? [] : [[index, Math.round(((item.free ? 1 : 0) + 0.5 * (1 - miles / radius)) * 1e6)]];
            })
            .sort((a, b) => b[1] - a[1] || a[0] - b[0]),
        );
        expect(ranked).toEqual(expected);
      }),
    );
  });
});

describe('narrowNear', () => {
  it('equals bucketNear at the smaller radius, read from the wider ranking', () => {
    fc.assert(
      fc.property(eventsArbitrary, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }), (specs, a, b) => {
        const events = prepared(specs);
        const [narrow, wide] = a <= b ? [a, b] : [b, a];
        const buffers = rankBuffers(events);
        const distances: Distances = { chords: new Float64Array(events.items.length), miles: new Float64Array(events.items.length) };
        const ranked = bucketNear(events, homeFor(LOWELL.lat, LOWELL.lon, wide), buffers, bucketsFor(events), distances);
        const narrowed = narrowNear(events, ranked, distances, homeFor(LOWELL.lat, LOWELL.lon, narrow), bucketsFor(events));
        const direct = bucketNear(events, homeFor(LOWELL.lat, LOWELL.lon, narrow), buffers);
        expect(queuesOf(narrowed)).toEqual(queuesOf(direct));
      }),
    );
  });

  it('reorders events whose scores round alike at the wide radius and not at the narrow one', () => {
    // A (earlier, so the lower index) a hair farther than B: at 80 miles their nearness rounds to
    // one score and A comes first by index; at 1 mile B's is higher and B must come first.
    const at = (lat: number, hour: number, seed: string) =>
      makeEvent(seed, { start: `2026-12-01T${hour}:00:00.000Z`, end: `2026-12-01T${hour + 1}:00:00.000Z`, startDate: '2026-12-01', venue: { name: 'Hall', address: null, city: 'Lowell', region: 'MA', postalCode: null, lat, lon: LOWELL.lon } });
    const rank = (events: PreparedEvents, radius: number): [number, number][][] => queuesOf(bucketNear(events, homeFor(LOWELL.lat, LOWELL.lon, radius), rankBuffers(events)));
    let found: PreparedEvents | undefined;
    for (let step = 1; step < 400 && found === undefined; step += 1) {
      const aLat = LOWELL.lat + 0.007;
      const events = prepareEvents([at(aLat, 20, 'far'), at(aLat - step * 1e-8, 21, 'near')], WINDOW);
      const wide = rank(events, 80).flat();
      const narrow = rank(events, 1).flat();
      if (wide[0]?.[1] === wide[1]?.[1] && narrow[0]?.[0] === 1) found = events;
    }
    if (found === undefined) throw new Error('no pair of events that rounds alike at 80 miles and apart at 1');
    const distances: Distances = { chords: new Float64Array(2), miles: new Float64Array(2) };
    const ranked = bucketNear(found, homeFor(LOWELL.lat, LOWELL.lon, 80), rankBuffers(found), bucketsFor(found), distances);
    expect(queuesOf(ranked).flat().map(([index]) => index)).toEqual([0, 1]);
    const narrowed = narrowNear(found, ranked, distances, homeFor(LOWELL.lat, LOWELL.lon, 1), bucketsFor(found));
    expect(queuesOf(narrowed)).toEqual(rank(found, 1));
    expect(queuesOf(narrowed).flat().map(([index]) => index)).toEqual([1, 0]);
  });
});

describe('farOnline', () => {
  it('keeps exactly the online events out of range, in the run order, with their scores', () => {
    fc.assert(
      fc.property(eventsArbitrary, fc.integer({ min: 1, max: 80 }), (specs, radius) => {
        const events = prepared(specs);
        const online = bucketCandidates(events, rankOnline(events));
        const home = homeFor(LOWELL.lat, LOWELL.lon, radius);
        const far = queuesOf(farOnline(events, online, home, bucketsFor(events)));
        expect(far).toEqual(queuesOf(online).map((queue) => queue.filter(([index]) => !isNear(events, home, index))));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { backoffMs, createSharedSendRate, TokenBucket } from '../../../shared/digest/pacing';
import type { RateTokenStore } from '../../../shared/ports';
import { isoWeekOf } from '../../../shared/digest/iso-week';

describe('TokenBucket', () => {
  it('paces to the rate on a clock that moves only when waited on', async () => {
    let now = 0;
    const waits: number[] = [];
    const clock = { now: () => new Date(now) };
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    };
    const bucket = new TokenBucket(4, clock, sleep);
    for (let i = 0; i < 9; i += 1) await bucket.take();
    // One token at start; 8 more at 4/s need 2 s of waiting in 250 ms steps.
    expect(waits).toEqual(Array.from({ length: 8 }, () => 250));
    expect(now).toBe(2000);
  });

  it('lets a burst through after idle time, up to one second of sends', async () => {
    let now = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket(3, { now: () => new Date(now) }, (ms) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    });
    await bucket.take();
    now += 10_000;
    for (let i = 0; i < 3; i += 1) await bucket.take();
    expect(waits).toEqual([]);
    await bucket.take();
    expect(waits).toEqual([334]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new TokenBucket(0, { now: () => new Date(0) }, () => Promise.resolve())).toThrow(RangeError);
  });
});

describe('backoff and ISO weeks', () => {
  it('doubles from one second and caps at thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffMs(attempt))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('names ISO weeks, including the year boundary', () => {
    expect(isoWeekOf('2026-11-30').key).toBe('2026-W49');
    // Thu 2026-12-31 is in week 53 of 2026 (2026 starts on a Thursday); Fri 2027-01-01 too.
    expect(isoWeekOf('2026-12-31').key).toBe('2026-W53');
    expect(isoWeekOf('2027-01-01').key).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04').key).toBe('2027-W01');
  });
});

describe('createSharedSendRate', () => {
  /** The store's contract in memory: one counter per window start (the DynamoDB one is tested in integration). */
  function memoryStore(): RateTokenStore & { counts: Map<number, number> } {
    const counts = new Map<number, number>();
    return {
      counts,
      tryTake: (windowStartMs, limit) => {
        const count = counts.get(windowStartMs) ?? 0;
        if (count >= limit) return Promise.resolve(false);
        counts.set(windowStartMs, count + 1);
        return Promise.resolve(true);
      },
    };
  }

  it('lets two pacers on one store take at most the rate per window together', async () => {
    let now = 1_000_000;
    const clock = { now: () => new Date(now) };
    const sleep = (ms: number): Promise<void> => {
      now += ms;
      return Promise.resolve();
    };
    const store = memoryStore();
    const a = createSharedSendRate({ store, ratePerSecond: () => Promise.resolve(3), clock, sleep });
    const b = createSharedSendRate({ store, ratePerSecond: () => Promise.resolve(3), clock, sleep });
    const taken: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await a.take();
      taken.push(now);
      await b.take();
      taken.push(now);
    }
    // 12 tokens at 3 per epoch second starting at t = 1,000,000 ms: windows 1000 s, 1001 s, 1002 s, 1003 s.
    expect([...store.counts]).toEqual([
      [1_000_000, 3],
      [1_001_000, 3],
      [1_002_000, 3],
      [1_003_000, 3],
    ]);
    expect(taken.map((at) => Math.floor(at / 1000))).toEqual([1000, 1000, 1000, 1001, 1001, 1001, 1002, 1002, 1002, 1003, 1003, 1003]);
  });

  it('does not use a token in the margin before its window closes, and widens windows for rates below one', async () => {
    // 1,000,850 ms is 150 ms before the window closes: inside the default 200 ms margin.
    let now = 1_000_850;
    const sleep = (ms: number): Promise<void> => {
      now += ms;
      return Promise.resolve();
    };
    const store = memoryStore();
    await createSharedSendRate({ store, ratePerSecond: () => Promise.resolve(2), clock: { now: () => new Date(now) }, sleep }).take();
    expect(now).toBe(1_001_000);
    expect([...store.counts]).toEqual([[1_001_000, 1]]);

    // Half a send a second: 2 s windows of one send each; 1,001,000 is in the window starting 1,000,000.
    const slow = memoryStore();
    const half = createSharedSendRate({ store: slow, ratePerSecond: () => Promise.resolve(0.5), clock: { now: () => new Date(now) }, sleep });
    await half.take();
    await half.take();
    expect([...slow.counts]).toEqual([
      [1_000_000, 1],
      [1_002_000, 1],
    ]);
  });

  it('refuses a rate that is not positive', async () => {
    const pacer = createSharedSendRate({ store: memoryStore(), ratePerSecond: () => Promise.resolve(0), clock: { now: () => new Date(0) }, sleep: () => Promise.resolve() });
    await expect(pacer.take()).rejects.toThrow(RangeError);
  });
});

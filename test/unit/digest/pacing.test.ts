import { describe, expect, it } from 'vitest';
import { backoffMs, TokenBucket } from '../../../shared/digest/pacing';
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

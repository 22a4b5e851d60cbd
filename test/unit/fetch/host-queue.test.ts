import { describe, expect, it } from 'vitest';
import { RetryLaterError } from '../../../shared/fetch';
import { createHostQueue } from '../../../shared/fetch/host-queue';

/** A fake clock whose sleep advances time instantly, so spacing is checked without waiting. */
function fakeTime() {
  const time = { now: 1_000_000 };
  return {
    time,
    clock: () => time.now,
    sleep: (ms: number) => {
      time.now += ms;
      return Promise.resolve();
    },
  };
}

describe('createHostQueue (SC-08)', () => {
  it('runs one task per host at a time and spaces them by the delay', async () => {
    const { time, clock, sleep } = fakeTime();
    const queue = createHostQueue({ delayMs: 1000, maxWaitMs: 60_000, clock, sleep });
    const log: { task: number; start: number; end: number }[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (id: number) => async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      const start = time.now;
      await Promise.resolve();
      time.now += 250; // each request takes 250 ms
      running -= 1;
      log.push({ task: id, start, end: time.now });
    };
    await Promise.all([1, 2, 3].map((id) => queue.run('Example.org', task(id))));
    expect(maxRunning).toBe(1);
    expect(log.map((entry) => entry.task)).toEqual([1, 2, 3]);
    // Task 2 starts 1000 ms after task 1 ends; same for task 3.
    const gaps = log.slice(1).map((entry, index) => entry.start - (log[index]?.end ?? Number.NaN));
    expect(gaps).toEqual([1000, 1000]);
  });

  it('treats host names case-insensitively and lets different hosts run side by side', async () => {
    const { clock, sleep } = fakeTime();
    const queue = createHostQueue({ delayMs: 1000, maxWaitMs: 60_000, clock, sleep });
    let running = 0;
    let maxRunning = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const task = async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await gate;
      running -= 1;
    };
    const all = Promise.all([queue.run('a.example', task), queue.run('b.example', task), queue.run('A.EXAMPLE', task)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(running).toBe(2);
    release();
    await all;
    expect(maxRunning).toBe(2);
  });

  it('honours a Crawl-delay floor of 10 s (SC-04)', async () => {
    const { time, clock, sleep } = fakeTime();
    const queue = createHostQueue({ delayMs: 1000, maxWaitMs: 60_000, clock, sleep });
    queue.raiseDelay('slow.example', 10_000);
    const starts: number[] = [];
    const record = () => {
      starts.push(time.now);
      return Promise.resolve();
    };
    await queue.run('slow.example', record);
    await queue.run('slow.example', record);
    const [first = Number.NaN, second = Number.NaN] = starts;
    expect(second - first).toBeGreaterThanOrEqual(10_000);
  });

  it('turns a wait longer than maxWaitMs into RetryLaterError instead of sleeping', async () => {
    const { clock, sleep } = fakeTime();
    const queue = createHostQueue({ delayMs: 1000, maxWaitMs: 30_000, clock, sleep });
    queue.raiseDelay('crawl.example', 3_600_000);
    await queue.run('crawl.example', () => Promise.resolve());
    await expect(queue.run('crawl.example', () => Promise.resolve())).rejects.toMatchObject({
      code: 'retry-later',
      retryAfterSeconds: 3600,
    });
  });

  it('refuses a deferred host until the deferral ends, then runs again', async () => {
    const { time, clock, sleep } = fakeTime();
    const queue = createHostQueue({ delayMs: 0, maxWaitMs: 60_000, clock, sleep });
    queue.deferUntil('busy.example', time.now + 120_000);
    const error: unknown = await queue.run('busy.example', () => Promise.resolve('ran')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryLaterError);
    expect(error).toMatchObject({ retryAfterSeconds: 120 });
    time.now += 120_000;
    await expect(queue.run('busy.example', () => Promise.resolve('ran'))).resolves.toBe('ran');
  });
});

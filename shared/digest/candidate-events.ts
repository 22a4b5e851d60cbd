/**
 * Loading a digest window's candidate events. Every subscriber of a week chooses from the same
 * stored events, so a process that sends several batches (a digest worker given ten SQS records)
 * loads them once per (first day, window) with {@link loadCandidatesOnce}, not once per batch.
 */
import type { Event } from '../model/event';
import type { EventStore } from '../ports';
import { addDays } from '../time/zoned';

/** The stored events a digest window starting on `date` (local `YYYY-MM-DD`) may list. */
export interface CandidateEvents {
  load(date: string, windowDays: number): Promise<Event[]>;
}

/** Stored start dates are in each event's own zone: widen by a day each side, selection trims exactly. */
function query(events: Pick<EventStore, 'listStartingBetween'>, date: string, windowDays: number): Promise<Event[]> {
  return events.listStartingBetween(addDays(date, -1), addDays(date, windowDays));
}

/** Reads the store on every call (a single run needs nothing more). */
export function candidatesFrom(events: Pick<EventStore, 'listStartingBetween'>): CandidateEvents {
  return { load: (date, windowDays) => query(events, date, windowDays) };
}

/**
 * Reads the store once per (date, window) for as long as the returned loader is kept: make one per
 * invocation, so a warm Lambda does not serve last week's events. A failed read is not kept, so the
 * next batch asks again.
 */
export function loadCandidatesOnce(events: Pick<EventStore, 'listStartingBetween'>): CandidateEvents {
  const loaded = new Map<string, Promise<Event[]>>();
  return {
    load(date, windowDays) {
      const key = `${date}/${windowDays}`;
      let pending = loaded.get(key);
      if (pending === undefined) {
        pending = query(events, date, windowDays);
        loaded.set(key, pending);
        pending.catch(() => loaded.delete(key));
      }
      return pending;
    },
  };
}

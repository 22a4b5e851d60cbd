/**
 * Sources that left the operator's sources file: their state is marked retired and their upcoming
 * events get the store's removal mark, so they leave digests while their history stays.
 */
import type { EventStore, SourceStateStore } from '../ports';

export interface RetireDeps {
  events: EventStore;
  sourceStates: SourceStateStore;
}

/** What `retireMissingSources` did to one stored source that the file no longer lists. */
export interface RetiredSource {
  sourceId: string;
  /** Upcoming events newly marked removed (past ones are history and stay as they were). */
  removedEvents: number;
}

/**
 * Retires every stored source whose id is not in `listedIds`. Idempotent: a source retired before is
 * not touched again; one listed again is un-retired by its next ingest (`ingestSource`).
 */
export async function retireMissingSources(deps: RetireDeps, listedIds: Iterable<string>, now: Date): Promise<RetiredSource[]> {
  const listed = new Set(listedIds);
  const retired: RetiredSource[] = [];
  for (const state of await deps.sourceStates.list()) {
    if (listed.has(state.sourceId) || (state.retiredAt ?? null) !== null) continue;
    // Syncing to "lists nothing" is exactly the store's removal rule: upcoming events marked, past kept.
    const stats = await deps.events.syncSourceEvents(state.sourceId, [], now);
    await deps.sourceStates.put({ ...state, retiredAt: now.toISOString() });
    retired.push({ sourceId: state.sourceId, removedEvents: stats.removed });
  }
  return retired;
}

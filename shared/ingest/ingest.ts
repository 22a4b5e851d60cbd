/**
 * The daily ingest as domain functions: used by the CLI and the local runner now, by the SQS worker
 * Lambda on AWS. A source's run always ends in a status, never an exception, and one source's failure
 * never touches another's stored events.
 */
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { FetchError, type Fetcher } from '../fetch';
import { DEFAULT_PARSE_BUDGET } from '../model/raw-event';
import type { Source, SourceContext } from '../model/source';
import type { Clock, EventStore, SourceState, SourceStateStore, SourceStatus } from '../ports';
import { readScheduleEntry, UnknownDocumentError } from '../sources';
import { OverBudgetError, readWithinBudget, type DocumentReader } from '../sources/bounded-read';
import { addDays, localDateOf, startOfLocalDay } from '../time/zoned';
import { readPages } from './read-pages';

export interface IngestDeps {
  fetcher: Fetcher;
  events: EventStore;
  sourceStates: SourceStateStore;
  clock: Clock;
  /** Reads a fetched document; defaults to a worker with a deadline and a heap limit. */
  read?: DocumentReader;
}

export interface IngestOptions {
  /** Days ahead to expand and store occurrences for. */
  horizonDays: number;
  /** The region's zone: floating times in feeds are read in it unless the source names its own. */
  defaultTimeZone: string;
  /**
   * Re-parse an unchanged feed (304 or same body) once its stored horizon is closer than this many days,
   * so weekly series keep upcoming occurrences. Defaults to half the horizon.
   */
  refreshLookaheadDays?: number;
}

export interface SourceRunResult {
  sourceId: string;
  status: SourceStatus;
  /** Occurrences the fetch listed in the horizon. */
  found: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Items or blocks that could not be read (the rest still counts). */
  problems: number;
  error: string | null;
  ms: number;
}

/** Largest body read per fetch kind: feeds can be long, pages should not be. */
const MAX_BYTES = { ical: 5_000_000, html: 2_000_000, json: 5_000_000 } as const;

function emptyState(sourceId: string): SourceState {
  return {
    sourceId,
    etag: null,
    lastModified: null,
    contentHash: null,
    lastStatus: null,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    consecutiveFailures: 0,
    eventsFound: 0,
    notBefore: null,
    horizonEnd: null,
  };
}

function emptyResult(sourceId: string): SourceRunResult {
  return { sourceId, status: 'failed', found: 0, created: 0, updated: 0, unchanged: 0, removed: 0, problems: 0, error: null, ms: 0 };
}

/** What normalise needs to know about `source`; its own zone, else the region's. */
export function sourceContextOf(source: Source, defaultTimeZone: string): SourceContext {
  const context: SourceContext = {
    id: source.id,
    name: source.name,
    kind: source.kind,
    audience: source.audience,
    timeZone: source.timeZone ?? defaultTimeZone,
  };
  if (source.category) context.category = source.category;
  if (source.place) context.place = source.place;
  if (source.tags.length > 0) context.tags = source.tags;
  return context;
}

function statusOfError(error: unknown): { status: SourceStatus; message: string; retryAfterSeconds: number | null } {
  if (error instanceof FetchError) {
    const status: SourceStatus =
      error.code === 'blocked-by-robots' || error.code === 'robots-unreachable'
        ? 'blocked-by-robots'
        : error.code === 'retry-later'
          ? 'deferred'
          : 'failed';
    return { status, message: `${error.code}: ${error.message}`, retryAfterSeconds: error.retryAfterSeconds ?? null };
  }
  if (error instanceof UnknownDocumentError) return { status: 'failed', message: error.message, retryAfterSeconds: null };
  if (error instanceof OverBudgetError) return { status: 'over-budget', message: `${error.reason}: ${error.message}`, retryAfterSeconds: null };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'failed', message, retryAfterSeconds: null };
}

/** Fetches, parses, normalises and stores one source; returns how it went. */
export async function ingestSource(deps: IngestDeps, source: Source, options: IngestOptions): Promise<SourceRunResult> {
  const started = deps.clock.now();
  const nowIso = started.toISOString();
  const result = emptyResult(source.id);
  const finish = (): SourceRunResult => ({ ...result, ms: deps.clock.now().getTime() - started.getTime() });

  const previous = (await deps.sourceStates.get(source.id)) ?? emptyState(source.id);
  if (previous.notBefore !== null && previous.notBefore > nowIso) {
    result.status = 'deferred';
    result.error = `deferred until ${previous.notBefore}`;
    return finish();
  }

  const context = sourceContextOf(source, options.defaultTimeZone);
  const today = localDateOf(started, context.timeZone);
  const horizonEnd = addDays(today, options.horizonDays);
  const lookahead = options.refreshLookaheadDays ?? Math.floor(options.horizonDays / 2);
  const horizonFresh = previous.horizonEnd !== null && previous.horizonEnd >= addDays(today, lookahead);
  // A source back in the sources file is no longer retired.
  const state: SourceState = { ...previous, lastAttemptAt: nowIso, notBefore: null, retiredAt: null };

  try {
    const conditional = horizonFresh ? { etag: previous.etag, lastModified: previous.lastModified } : {};
    // An entry that carries its own schedule is read as if fetched: its sentence is the body.
    const outcome =
      source.schedule === undefined
        ? await deps.fetcher.fetch(source.url, conditional, { maxBytes: MAX_BYTES[source.fetch] })
        : { kind: 'ok' as const, body: source.schedule, etag: null, lastModified: null, finalUrl: source.url };
    if (outcome.kind === 'not-modified') {
      result.status = 'unchanged';
      result.found = previous.eventsFound;
    } else {
      const bodyHash = createHash('sha256').update(outcome.body).digest('hex');
      state.etag = outcome.etag;
      state.lastModified = outcome.lastModified;
      if (horizonFresh && bodyHash === previous.contentHash) {
        result.status = 'unchanged';
        result.found = previous.eventsFound;
      } else {
        const window = { from: startOfLocalDay(today, context.timeZone), to: startOfLocalDay(horizonEnd, context.timeZone), defaultTimeZone: context.timeZone };
        const budget = { ...DEFAULT_PARSE_BUDGET, maxOccurrences: source.maxEvents ?? DEFAULT_PARSE_BUDGET.maxOccurrences };
        const read =
          source.schedule === undefined
            ? await readPages(
                deps.fetcher,
                outcome,
                (body, baseUrl) =>
                  (deps.read ?? readWithinBudget)(body, context, {
                    kind: source.fetch,
                    ...window,
                    baseUrl,
                    budget,
                    ...(source.selectors ? { recipe: source.selectors } : {}),
                  }),
                { maxBytes: MAX_BYTES[source.fetch] },
              )
            : readScheduleEntry({ name: source.name, schedule: source.schedule, url: source.url }, context, { ...window, budget });
        result.found = read.events.length;
        result.problems = read.problems.length;
        // A source that suddenly lists nothing is more often a broken page than a cleared calendar:
        // keep what is stored unless the operator said this source is often empty.
        if (read.events.length > 0 || source.expectEmpty) {
          const stats = await deps.events.syncSourceEvents(source.id, read.events, started);
          Object.assign(result, { created: stats.created, updated: stats.updated, unchanged: stats.unchanged, removed: stats.removed });
        }
        result.status = read.events.length > 0 ? 'ok' : 'empty';
        state.contentHash = bodyHash;
        state.horizonEnd = horizonEnd;
        state.eventsFound = read.events.length;
        if (read.refreshIntervalSeconds !== undefined && read.refreshIntervalSeconds > 86_400) {
          state.notBefore = new Date(started.getTime() + read.refreshIntervalSeconds * 1000).toISOString();
        }
      }
    }
    state.lastSuccessAt = nowIso;
    state.lastError = null;
    state.consecutiveFailures = 0;
  } catch (error) {
    const failure = statusOfError(error);
    // The body was not read: forget its validators, or the next run's 304 would pass it as unchanged.
    state.etag = previous.etag;
    state.lastModified = previous.lastModified;
    result.status = failure.status;
    result.error = failure.message;
    state.lastError = failure.message;
    state.consecutiveFailures = previous.consecutiveFailures + 1;
    if (failure.retryAfterSeconds !== null) {
      state.notBefore = new Date(started.getTime() + failure.retryAfterSeconds * 1000).toISOString();
    }
  }
  state.lastStatus = result.status;
  await deps.sourceStates.put(state);
  return finish();
}

/**
 * Ingests every source with bounded concurrency (the fetcher keeps one request per host at a time).
 * A source that throws past `ingestSource` (its store is down) is reported failed; the others go on.
 */
export async function ingestAll(
  deps: IngestDeps,
  sources: readonly Source[],
  options: IngestOptions & { concurrency?: number; onResult?: (result: SourceRunResult) => void },
): Promise<SourceRunResult[]> {
  const limit = pLimit(options.concurrency ?? 4);
  return Promise.all(
    sources.map((source) =>
      limit(async () => {
        let result: SourceRunResult;
        try {
          result = await ingestSource(deps, source, options);
        } catch (error) {
          result = { ...emptyResult(source.id), error: error instanceof Error ? error.message : String(error) };
        }
        options.onResult?.(result);
        return result;
      }),
    ),
  );
}

/**
 * The cadence's effect as a number, for selecting many subscribers at once. `cadenceEffect`
 * (cadence.ts) builds a fresh effect, with maps and a text key, for every subscriber; most
 * histories come to one of a few effects, so here a history is read into per-run arrays, written
 * as a short canonical list of small integers (series left out, levels of series, organisers and
 * categories, the month's job-seeker limit) and interned, integer by integer, to an id. The effect
 * itself is built once per distinct id. The rules are `cadenceEffect`'s, read the same way (the
 * property test compares both paths with a slow reference); only the representation differs.
 */
import { JOB_SEEKER_PER_MONTH, SERIES_PER_MONTH, type CadenceEffect, type CadenceWeeks } from './cadence';
import { PairTable, StringIndex } from './pair-table';
import { MAX_DEMOTION, RESTING } from './pick';
import { CATEGORY_ORDER, type PreparedEvents } from './prepare';
import type { DigestProfile, SubscriberHistory } from './types';

/**
 * A job-seeker limit at or above this is no limit: a digest holds at most 15 events, so limits of
 * a million and of `Number.MAX_SAFE_INTEGER` − 3 select alike and may share one effect.
 */
const NO_LIMIT_FROM = 1_000_000;
const SERIES_NOT_FOR_ME = MAX_DEMOTION;
/** An entry that is not a job-seeker event (it counts for nothing). */
const NOT_JOB_SEEKER = -2;
/** Token kinds (the low three bits of a token). */
const LIMIT = 0;
const BLOCKED = 1;
const SERIES_LEVEL = 2;
const ORGANISER_LEVEL = 3;
const CATEGORY_LEVEL = 4;

const EMPTY: CadenceEffect = { blocked: [], jobSeekerLimit: Number.MAX_SAFE_INTEGER, series: new Map(), organisers: new Map(), categories: new Map() };

/** A level (1 … `MAX_DEMOTION`, or `RESTING`) in three bits. */
function levelCode(level: number): number {
  return level === RESTING ? 7 : level;
}

/** A small integer per (kind, number, level): numbers stay below 2^20 events, so tokens stay small integers. */
function token(kind: number, number: number, level: number): number {
  return (number * 8 + levelCode(level)) * 8 + kind;
}

/** Sorts a short list of small integers in place (insertion sort: these lists hold a handful). */
function sortSmall(values: number[]): void {
  for (let i = 1; i < values.length; i += 1) {
    const value = values[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (values[j] ?? 0) > value) {
      values[j + 1] = values[j] ?? 0;
      j -= 1;
    }
    values[j + 1] = value;
  }
}

/** Empties a list and keeps its storage (setting `length = 0` frees it, and the next history's pushes allocate again). */
function clear(values: number[]): void {
  while (values.length > 0) values.pop();
}

/** Adds `by` to a level (capped), remembering the number the first time it is touched. */
function bump(levels: Uint8Array, touched: number[], key: number | undefined, by: number): void {
  if (key === undefined || key < 0 || key >= levels.length) return;
  const level = levels[key] ?? 0;
  if (level === 0) touched.push(key);
  levels[key] = Math.min(MAX_DEMOTION, level + by);
}

/** Cadence effects of one prepared window, interned by content; one instance per window of a run. */
export class CadenceEffects {
  /** The interning trie: (node, token) → child node; node 0 is the empty list (no effect). */
  private readonly children = new PairTable(1 << 12);
  private nodeCount = 1;
  private readonly effects: (CadenceEffect | undefined)[] = [EMPTY];
  /** Per series: this month's job-seeker events, 1 when offered last week, its "Not for me" level. */
  private readonly perSeries: Int32Array;
  private readonly resting: Uint8Array;
  private readonly seriesLevel: Uint8Array;
  private readonly organiserLevel: Uint8Array;
  private readonly categoryLevel: Uint8Array;
  private readonly series: number[] = [];
  private readonly restingSeries: number[] = [];
  private readonly leveledSeries: number[] = [];
  private readonly organisers: number[] = [];
  private readonly categories: number[] = [];
  /**
   * The month's entries of one history, reused (only the first `count` are this history's): event
   * ids, and series numbers of job-seeker entries (-1 for a series not in the window, `NOT_JOB_SEEKER` otherwise).
   */
  private readonly ids: string[] = [];
  private readonly numbers: number[] = [];
  private readonly tokens: number[] = [];
  /** `prepared.seriesNumbers` for the look-up per job-seeker entry of every history (`StringIndex`: no full hash of each key). */
  private readonly seriesNumbers: StringIndex;
  private limit = Number.MAX_SAFE_INTEGER;
  private cap = 0;

  constructor(
    private readonly prepared: PreparedEvents,
    private readonly weeks: CadenceWeeks,
  ) {
    const seriesCount = prepared.seriesNumbers.size;
    this.perSeries = new Int32Array(seriesCount);
    this.resting = new Uint8Array(seriesCount);
    this.seriesLevel = new Uint8Array(seriesCount);
    this.organiserLevel = new Uint8Array(prepared.organiserCount);
    this.categoryLevel = new Uint8Array(CATEGORY_ORDER.length);
    this.seriesNumbers = new StringIndex(prepared.seriesNumbers);
  }

  /** The id of what `history` does to this window for a subscriber of `mix`: 0 for nothing. */
  idOf(mix: DigestProfile['mix'], history: SubscriberHistory | undefined): number {
    if (history === undefined || (history.offered.length === 0 && history.feedback.length === 0)) return 0;
    this.read(mix, history);
    this.writeTokens();
    let node = 0;
    for (const value of this.tokens) node = this.child(node, value);
    if (this.effects[node] === undefined) this.effects[node] = this.build();
    this.reset();
    return node;
  }

  /** The effect an id from `idOf` stands for. */
  effectOf(id: number): CadenceEffect {
    const effect = this.effects[id];
    if (effect === undefined) throw new RangeError(`no cadence effect ${id}`);
    return effect;
  }

  private child(node: number, value: number): number {
    const id = this.children.intern(node, value, this.nodeCount);
    if (id === this.nodeCount) this.nodeCount += 1;
    return id;
  }

  /** Fills the per-series counts and the levels from one history (`cadenceEffect`'s reading). */
  private read(mix: DigestProfile['mix'], history: SubscriberHistory): void {
    const { weeks, prepared, ids, numbers, seriesNumbers } = this;
    let count = 0;
    for (const item of history.offered) {
      // Last week's is the commonest and lies inside the month: one equality test before the two comparisons.
      const lastWeek = item.isoWeek === weeks.last;
      if (!lastWeek && (item.isoWeek < weeks.first || item.isoWeek >= weeks.current)) continue;
      ids[count] = item.id;
      // Only job-seeker entries count, so only theirs need the (string) series look-up, done once here.
      const series = item.audience === 'job-seeker' ? seriesNumbers.get(item.seriesKey) : NOT_JOB_SEEKER;
      numbers[count] = series;
      count += 1;
      if (series >= 0 && lastWeek && this.resting[series] === 0) {
        this.resting[series] = 1;
        this.restingSeries.push(series);
      }
    }
    for (const entry of history.feedback) {
      if (entry.kind === 'going') {
        const start = Date.parse(entry.eventStart);
        if (start >= weeks.fromMs && start < weeks.toMs) {
          ids[count] = entry.eventId;
          numbers[count] = entry.audience === 'job-seeker' ? seriesNumbers.get(entry.seriesKey) : NOT_JOB_SEEKER;
          count += 1;
        }
        continue;
      }
      bump(this.seriesLevel, this.leveledSeries, seriesNumbers.get(entry.seriesKey), SERIES_NOT_FOR_ME);
      const organiser = entry.organiser?.trim().toLowerCase();
      if (organiser) bump(this.organiserLevel, this.organisers, prepared.organiserNumbers.get(organiser), 1);
      bump(this.categoryLevel, this.categories, CATEGORY_ORDER.indexOf(entry.category), 1);
    }
    // One count per event id, the last entry for it deciding (a Map's `set` in `cadenceEffect`).
    let jobSeekerEvents = 0;
    for (let i = 0; i < count; i += 1) {
      const series = numbers[i] ?? NOT_JOB_SEEKER;
      if (series === NOT_JOB_SEEKER) continue;
      const id = ids[i];
      let later = false;
      for (let j = i + 1; j < count && !later; j += 1) later = ids[j] === id;
      if (later) continue;
      jobSeekerEvents += 1;
      // -1: a series with no meeting in this window counts toward the month's total only.
      if (series < 0) continue;
      if (this.perSeries[series] === 0) this.series.push(series);
      this.perSeries[series] = (this.perSeries[series] ?? 0) + 1;
    }
    this.limit = Math.max(0, JOB_SEEKER_PER_MONTH[mix] - jobSeekerEvents);
    this.cap = SERIES_PER_MONTH[mix];
  }

  /** A series' level in the effect: resting (offered last week, not at the cap) over any demotion. */
  private levelOf(series: number): number {
    const count = this.perSeries[series] ?? 0;
    if (count > 0 && count < this.cap && this.resting[series] === 1) return RESTING;
    return this.seriesLevel[series] ?? 0;
  }

  /** The canonical token list: the limit, then per series (ascending) left out and level, organisers, categories. */
  private writeTokens(): void {
    const { tokens, series } = this;
    clear(tokens);
    if (this.limit < NO_LIMIT_FROM) tokens.push(token(LIMIT, this.limit, 0));
    for (const number of this.leveledSeries) if (this.perSeries[number] === 0) series.push(number);
    sortSmall(series);
    for (const number of series) {
      if ((this.perSeries[number] ?? 0) >= this.cap) tokens.push(token(BLOCKED, number, 0));
      const level = this.levelOf(number);
      if (level > 0) tokens.push(token(SERIES_LEVEL, number, level));
    }
    sortSmall(this.organisers);
    for (const number of this.organisers) tokens.push(token(ORGANISER_LEVEL, number, this.organiserLevel[number] ?? 0));
    sortSmall(this.categories);
    for (const number of this.categories) tokens.push(token(CATEGORY_LEVEL, number, this.categoryLevel[number] ?? 0));
  }

  /** The effect of the history just read, as `cadenceEffect` would build it. */
  private build(): CadenceEffect {
    const { prepared } = this;
    const effect: CadenceEffect = { blocked: [], jobSeekerLimit: this.limit < NO_LIMIT_FROM ? this.limit : Number.MAX_SAFE_INTEGER, series: new Map(), organisers: new Map(), categories: new Map() };
    for (const number of this.series) {
      if ((this.perSeries[number] ?? 0) >= this.cap) {
        for (const index of prepared.seriesMembers[number] ?? []) if (prepared.jobSeeker[index] === 1) effect.blocked.push(index);
      }
      const level = this.levelOf(number);
      if (level > 0) effect.series.set(number, level);
    }
    for (const number of this.organisers) effect.organisers.set(number, this.organiserLevel[number] ?? 0);
    for (const number of this.categories) effect.categories.set(number, this.categoryLevel[number] ?? 0);
    effect.blocked.sort((a, b) => a - b);
    return effect;
  }

  /** Zeroes what `read` wrote, so the arrays are clean for the next history. */
  private reset(): void {
    for (const number of this.series) {
      this.perSeries[number] = 0;
      this.seriesLevel[number] = 0;
    }
    for (const number of this.leveledSeries) this.seriesLevel[number] = 0;
    for (const number of this.restingSeries) this.resting[number] = 0;
    for (const number of this.organisers) this.organiserLevel[number] = 0;
    for (const number of this.categories) this.categoryLevel[number] = 0;
    clear(this.series);
    clear(this.leveledSeries);
    clear(this.organisers);
    clear(this.categories);
    clear(this.restingSeries);
  }
}

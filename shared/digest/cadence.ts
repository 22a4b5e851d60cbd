/**
 * The coaches' cadence (coaching.md): one or two job-seeker meetings of a group a month, a
 * gathering of employed professionals as often as weekly. A subscriber's history (what the last
 * four digests offered, their feedback) becomes, for one window, a small "effect": events left
 * out, series resting this week, demotions, and how many job-seeker events are left this month.
 * Only what touches the window's events is kept, so subscribers whose histories differ elsewhere
 * still share one selection (`CadenceEffects` in cadence-ids.ts interns an effect to a number for that).
 *
 * The month is this digest and the four ISO weeks before it: any calendar month's weekly digests
 * fall into five consecutive weeks, so a cap over that span holds for every calendar month.
 */
import type { DigestProfile, SubscriberHistory } from './types';
import { MAX_DEMOTION, RESTING } from './pick';
import { CATEGORY_ORDER, type PreparedEvents } from './prepare';

/** Meetings of one job-seeker series a subscriber is offered over the month, by mix. */
export const SERIES_PER_MONTH: Record<DigestProfile['mix'], number> = { 'job-seeker': 3, balanced: 2, professional: 1 };
/** Job-seeker events in all over the month, by mix (the job-seeker and balanced mixes pace by series only). */
export const JOB_SEEKER_PER_MONTH: Record<DigestProfile['mix'], number> = { 'job-seeker': Number.MAX_SAFE_INTEGER, balanced: Number.MAX_SAFE_INTEGER, professional: 2 };
/** Demotion of a "Not for me" series (below any equal event), organiser and category. */
const SERIES_NOT_FOR_ME = MAX_DEMOTION;
const ORGANISER_NOT_FOR_ME = 1;
const CATEGORY_NOT_FOR_ME = 1;

/** The ISO weeks the cadence reads: this digest's, the one before, and the oldest of the month. */
export interface CadenceWeeks {
  current: string;
  last: string;
  /** The first ISO week of the month (four weeks before `current`). */
  first: string;
  /** The month's first instant (four weeks before the window) and the window's end, in ms. */
  fromMs: number;
  toMs: number;
}

/** What a history does to one window's selection. */
export interface CadenceEffect {
  /** Item indices the month's cadence leaves out (series that had their meetings this month). */
  blocked: number[];
  /** Job-seeker events the subscriber can still be offered this digest. */
  jobSeekerLimit: number;
  /** Series numbers with their level (`RESTING`, or a demotion), organiser and category numbers with theirs. */
  series: Map<number, number>;
  organisers: Map<number, number>;
  categories: Map<number, number>;
}

const NONE: CadenceEffect = { blocked: [], jobSeekerLimit: Number.MAX_SAFE_INTEGER, series: new Map(), organisers: new Map(), categories: new Map() };

function bump(map: Map<number, number>, key: number | undefined, by: number): void {
  if (key === undefined) return;
  map.set(key, Math.min(MAX_DEMOTION, (map.get(key) ?? 0) + by));
}

/** The effect of `history` on a window; the shared empty effect when it has none. */
export function cadenceEffect(prepared: PreparedEvents, mix: DigestProfile['mix'], weeks: CadenceWeeks, history: SubscriberHistory | undefined): CadenceEffect {
  if (history === undefined || (history.offered.length === 0 && history.feedback.length === 0)) return NONE;
  // A series' meetings this month: offered in a digest of the month, or marked "going" for a date in it (one count per event).
  const monthEvents = new Map<string, { seriesKey: string; jobSeeker: boolean }>();
  const restingSeries = new Set<string>();
  for (const item of history.offered) {
    if (item.isoWeek < weeks.first || item.isoWeek >= weeks.current) continue;
    monthEvents.set(item.id, { seriesKey: item.seriesKey, jobSeeker: item.audience === 'job-seeker' });
    if (item.isoWeek === weeks.last && item.audience === 'job-seeker') restingSeries.add(item.seriesKey);
  }
  const effect: CadenceEffect = { blocked: [], jobSeekerLimit: NONE.jobSeekerLimit, series: new Map(), organisers: new Map(), categories: new Map() };
  for (const entry of history.feedback) {
    if (entry.kind === 'going') {
      const start = Date.parse(entry.eventStart);
      if (start >= weeks.fromMs && start < weeks.toMs) monthEvents.set(entry.eventId, { seriesKey: entry.seriesKey, jobSeeker: entry.audience === 'job-seeker' });
      continue;
    }
    bump(effect.series, prepared.seriesNumbers.get(entry.seriesKey), SERIES_NOT_FOR_ME);
    const organiser = entry.organiser?.trim().toLowerCase();
    if (organiser) bump(effect.organisers, prepared.organiserNumbers.get(organiser), ORGANISER_NOT_FOR_ME);
    bump(effect.categories, CATEGORY_ORDER.indexOf(entry.category), CATEGORY_NOT_FOR_ME);
  }
  const perSeries = new Map<string, number>();
  let jobSeekerEvents = 0;
  for (const { seriesKey, jobSeeker } of monthEvents.values()) {
    if (!jobSeeker) continue;
    jobSeekerEvents += 1;
    perSeries.set(seriesKey, (perSeries.get(seriesKey) ?? 0) + 1);
  }
  effect.jobSeekerLimit = Math.max(0, JOB_SEEKER_PER_MONTH[mix] - jobSeekerEvents);
  const cap = SERIES_PER_MONTH[mix];
  for (const [seriesKey, count] of perSeries) {
    const series = prepared.seriesNumbers.get(seriesKey);
    if (series === undefined) continue;
    if (count >= cap) {
      for (const index of prepared.seriesMembers[series] ?? []) if (prepared.jobSeeker[index] === 1) effect.blocked.push(index);
    } else if (restingSeries.has(seriesKey)) effect.series.set(series, RESTING);
  }
  effect.blocked.sort((a, b) => a - b);
  return effect;
}

/** True when the effect changes nothing. */
export function isNoEffect(effect: CadenceEffect): boolean {
  return effect.blocked.length === 0 && effect.jobSeekerLimit === NONE.jobSeekerLimit && effect.series.size === 0 && effect.organisers.size === 0 && effect.categories.size === 0;
}

type DemotionArrays = { seriesDown: Uint8Array; organiserDown: Uint8Array; categoryDown: Uint8Array };

/**
 * An effect's demotions as one flat list of (array, key, level) triples, built on first use and
 * kept: a run applies one effect to many digests, and reading three Maps each time allocated.
 */
const flatDemotions = new WeakMap<CadenceEffect, Int32Array>();

function demotionsOf(effect: CadenceEffect): Int32Array {
  let flat = flatDemotions.get(effect);
  if (flat === undefined) {
    const triples: number[] = [];
    for (const [key, level] of effect.series) triples.push(0, key, level);
    for (const [key, level] of effect.organisers) triples.push(1, key, level);
    for (const [key, level] of effect.categories) triples.push(2, key, level);
    flat = Int32Array.from(triples);
    flatDemotions.set(effect, flat);
  }
  return flat;
}

function write(down: DemotionArrays, flat: Int32Array, clear: boolean): void {
  for (let at = 0; at + 2 < flat.length; at += 3) {
    const array = flat[at] === 0 ? down.seriesDown : flat[at] === 1 ? down.organiserDown : down.categoryDown;
    array[flat[at + 1] ?? 0] = clear ? 0 : (flat[at + 2] ?? 0);
  }
}

/** Writes the effect's demotions into the pick scratch arrays; `clearDemotions` undoes it. */
export function applyDemotions(effect: CadenceEffect, down: DemotionArrays): boolean {
  if (effect.series.size + effect.organisers.size + effect.categories.size === 0) return false;
  write(down, demotionsOf(effect), false);
  return true;
}

/** Resets what `applyDemotions` wrote. */
export function clearDemotions(effect: CadenceEffect, down: DemotionArrays): void {
  if (effect.series.size + effect.organisers.size + effect.categories.size === 0) return;
  write(down, demotionsOf(effect), true);
}

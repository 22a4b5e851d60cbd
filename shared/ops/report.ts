/**
 * The operator's weekly report (issue 9 item 6), built from the stores alone: how each source is
 * doing and why, the week ahead's events by audience and category, the list by status and its new
 * signups, the week's digests (sent, skipped and why, failed) and the bounce and complaint rates
 * against SES's thresholds (reliability.md, "SES reputation").
 */
import type { Audience, Category } from '../model/common';
import type { Subscriber, SubscriberStatus } from '../model/subscriber';
import { SubscriberStatusSchema } from '../model/subscriber';
import type { EventStore, SourceState, SourceStateStore } from '../ports';
import { addDays, startOfLocalDay } from '../time/zoned';
import type { WeekTallyStore } from './week-tally';

/** SES reviews an account at a 5% bounce rate and may pause it at 10%; complaints: 0.1% and 0.5%. */
export const SES_THRESHOLDS = {
  bounce: { warning: 0.05, review: 0.1 },
  complaint: { warning: 0.001, review: 0.005 },
} as const;

/** A source with no successful fetch for this many days is stale. */
export const DEFAULT_STALE_DAYS = 7;

/** One week's delivery item, as the report needs it (no address, no event ids). */
export interface WeekDelivery {
  subscriberId: string;
  /** Ids of the events the digest held. */
  eventIds: string[];
  messageId: string | null;
  claimedAt: string;
  leaseUntil: string | null;
}

/** What the report reads. */
export interface ReportDeps {
  sources: Pick<SourceStateStore, 'list'>;
  events: Pick<EventStore, 'listStartingBetween'>;
  reads: {
    listSubscribersByStatus(status: SubscriberStatus): Promise<Subscriber[]>;
    listDeliveriesOfWeek(isoWeek: string): Promise<WeekDelivery[]>;
  };
  tally: Pick<WeekTallyStore, 'get'>;
}

export interface ReportOptions {
  /** The week reported on, `2026-W49`. */
  isoWeek: string;
  /** The deployment's zone: weeks are its local Monday-to-Sunday. */
  timeZone: string;
  /** When the report is made: sources' staleness and live claims are judged at this instant. */
  now: Date;
  staleDays?: number;
}

export type SourceHealth = 'ok' | 'failing' | 'empty' | 'stale';
export type Level = 'ok' | 'warning' | 'review';

export interface SourceLine {
  sourceId: string;
  health: SourceHealth;
  reason: string;
}

export interface OperatorReport {
  isoWeek: string;
  /** The week's local dates, Monday and Sunday. */
  weekDates: { first: string; last: string };
  timeZone: string;
  generatedAt: string;
  sources: { counts: Record<SourceHealth, number>; lines: SourceLine[] };
  /** Events of the following week (`first`..`last` local dates). */
  nextWeek: { first: string; last: string; total: number; byAudience: Record<Audience, number>; byCategory: { category: Category; count: number }[] };
  subscribers: { byStatus: Record<SubscriberStatus, number>; total: number; newThisWeek: number; newByStatus: Record<SubscriberStatus, number> };
  digests: {
    sent: number;
    /** Recipients' digests held this many events in all. */
    eventsSent: number;
    skipped: { reason: string; count: number }[];
    failed: number;
    /** Claims without a send whose lease ran out: a run died between claim and send. */
    abandoned: number;
    /** Claims still within their lease (a run is sending now). */
    inProgress: number;
    runs: number;
  };
  feedback: { bounces: number; complaints: number; bounceRate: number | null; complaintRate: number | null; bounceLevel: Level; complaintLevel: Level };
}

/** The Monday of ISO week `2026-W49` as `YYYY-MM-DD`. */
export function mondayOfIsoWeek(isoWeek: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!match) throw new RangeError(`not an ISO week like 2026-W49: ${isoWeek}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  // 4 January is always in week 1; its week's Monday starts the ISO year.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000 + (week - 1) * 7 * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

function daysBetween(later: Date, earlier: Date): number {
  return Math.floor((later.getTime() - earlier.getTime()) / 86_400_000);
}

const FAILING: ReadonlySet<string> = new Set(['failed', 'blocked-by-robots', 'over-budget']);

/** How one source is doing and why: failing first, then stale, then empty, else ok. */
export function classifySource(state: SourceState, now: Date, staleDays: number): SourceLine {
  const line = (health: SourceHealth, reason: string): SourceLine => ({ sourceId: state.sourceId, health, reason });
  const since = state.lastSuccessAt === null ? null : new Date(state.lastSuccessAt);
  if ((state.lastStatus !== null && FAILING.has(state.lastStatus)) || state.consecutiveFailures > 0) {
    const error = state.lastError ?? state.lastStatus ?? 'failed';
    const streak = state.consecutiveFailures > 1 ? ` (${state.consecutiveFailures} runs in a row)` : '';
    return line('failing', `${error}${streak}`);
  }
  if (since === null) return line('stale', state.lastAttemptAt === null ? 'never fetched' : `never fetched successfully (last status ${state.lastStatus ?? 'none'})`);
  const age = daysBetween(now, since);
  if (age >= staleDays) return line('stale', `no successful fetch for ${age} days (last ${state.lastSuccessAt ?? ''}, last status ${state.lastStatus ?? 'none'})`);
  if (state.lastStatus === 'empty' || state.eventsFound === 0) return line('empty', 'the last successful fetch found no upcoming events');
  return line('ok', `${state.eventsFound} events, last success ${state.lastSuccessAt ?? ''}`);
}

function levelOf(rate: number | null, threshold: { warning: number; review: number }): Level {
  if (rate === null) return 'ok';
  if (rate >= threshold.review) return 'review';
  return rate >= threshold.warning ? 'warning' : 'ok';
}

const noSubscribers = (): Record<SubscriberStatus, number> => ({ pending: 0, active: 0, unsubscribed: 0, suppressed: 0 });

/** Builds the report; reads only. */
export async function buildOperatorReport(deps: ReportDeps, options: ReportOptions): Promise<OperatorReport> {
  const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
  const first = mondayOfIsoWeek(options.isoWeek);
  const last = addDays(first, 6);
  const weekStart = startOfLocalDay(first, options.timeZone).getTime();
  const weekEnd = startOfLocalDay(addDays(first, 7), options.timeZone).getTime();
  const nextFirst = addDays(first, 7);
  const nextLast = addDays(first, 13);
  const statuses = SubscriberStatusSchema.options;

  const [states, events, byStatusLists, deliveries, tally] = await Promise.all([
    deps.sources.list(),
    deps.events.listStartingBetween(nextFirst, nextLast),
    Promise.all(statuses.map((status) => deps.reads.listSubscribersByStatus(status))),
    deps.reads.listDeliveriesOfWeek(options.isoWeek),
    deps.tally.get(options.isoWeek),
  ]);

  const lines = states.map((state) => classifySource(state, options.now, staleDays)).sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  const counts: Record<SourceHealth, number> = { ok: 0, failing: 0, empty: 0, stale: 0 };
  for (const each of lines) counts[each.health] += 1;

  const byAudience: Record<Audience, number> = { 'job-seeker': 0, professional: 0 };
  const categories = new Map<Category, number>();
  const live = events.filter((event) => event.status !== 'cancelled');
  for (const event of live) {
    byAudience[event.audience] += 1;
    categories.set(event.category, (categories.get(event.category) ?? 0) + 1);
  }

  const byStatus = noSubscribers();
  const newByStatus = noSubscribers();
  statuses.forEach((status, index) => {
    const list = byStatusLists[index] ?? [];
    byStatus[status] = list.length;
    newByStatus[status] = list.filter((s) => {
      const created = Date.parse(s.createdAt);
      return created >= weekStart && created < weekEnd;
    }).length;
  });
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);

  const sent = deliveries.filter((d) => d.messageId !== null);
  const unsent = deliveries.filter((d) => d.messageId === null);
  const isLive = (d: WeekDelivery): boolean => d.leaseUntil !== null && Date.parse(d.leaseUntil) > options.now.getTime();
  // Bounces and complaints come in over the week after a send: rated against the week's digests.
  const rate = (n: number): number | null => (sent.length === 0 ? null : n / sent.length);
  const bounceRate = rate(tally.bounces);
  const complaintRate = rate(tally.complaints);

  return {
    isoWeek: options.isoWeek,
    weekDates: { first, last },
    timeZone: options.timeZone,
    generatedAt: options.now.toISOString(),
    sources: { counts, lines },
    nextWeek: {
      first: nextFirst,
      last: nextLast,
      total: live.length,
      byAudience,
      byCategory: [...categories].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    },
    subscribers: { byStatus, total, newThisWeek: Object.values(newByStatus).reduce((sum, n) => sum + n, 0), newByStatus },
    digests: {
      sent: sent.length,
      eventsSent: sent.reduce((sum, d) => sum + d.eventIds.length, 0),
      skipped: tally.skipped,
      failed: tally.failed,
      abandoned: unsent.filter((d) => !isLive(d)).length,
      inProgress: unsent.filter(isLive).length,
      runs: tally.runs,
    },
    feedback: {
      bounces: tally.bounces,
      complaints: tally.complaints,
      bounceRate,
      complaintRate,
      bounceLevel: levelOf(bounceRate, SES_THRESHOLDS.bounce),
      complaintLevel: levelOf(complaintRate, SES_THRESHOLDS.complaint),
    },
  };
}

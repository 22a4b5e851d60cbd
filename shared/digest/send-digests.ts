/**
 * The weekly send: load the window's events once, choose for every active subscriber (grouped),
 * then per subscriber take a send token, claim the (subscriber, ISO week) delivery with a lease and
 * send (`deliver.ts`), so a retried or doubled run never mails anyone twice and a run that died
 * between claim and send leaves a claim the next run takes over (reliability.md LR-10, EM-25).
 */
import pLimit from 'p-limit';
import type { Subscriber } from '../model/subscriber';
import type { Clock, DeliveryRecord, DeliveryStore, EventStore, Mailer, SendPacer, SubscriberStore } from '../ports';
import type { LinkBuilder } from '../subscriptions/links';
import { localDateOf, startOfLocalDay } from '../time/zoned';
import { candidatesFrom, type CandidateEvents } from './candidate-events';
import { deliverDigest, describe, SKIP_ALREADY_SENT, SKIP_IN_PROGRESS, type DeliveryContext } from './deliver';
import { isoWeekOf } from './iso-week';
import { realSleep, TokenBucket, type Sleep } from './pacing';
import type { WeekTallyStore } from '../ops/week-tally';
import type { Operator, SourceFacts } from './render';
import { chordSquared, milesFromChordSquared, unitVector } from './geo';
import type { DigestRecipient } from './select';
import { selectForMany } from './select-many';
import type { ChosenEvent, FeedbackEntry, OfferedItem, SubscriberHistory } from './types';
import type { Event } from '../model/event';

export { SKIP_ALREADY_SENT, SKIP_DRY_RUN, SKIP_IN_PROGRESS } from './deliver';
export const SKIP_NO_EVENTS = 'no events near';
export const SKIP_PAUSED = 'paused';

/** Where a subscriber's "I'm going" and "Not for me" come from (the feedback store). */
export interface FeedbackSource {
  forSubscriber(subscriberId: string): Promise<FeedbackEntry[]>;
}

/** How long a claim stays its holder's: 6 min, above the digest worker's 5 min timeout (a claim older than that is a dead run's). */
export const DEFAULT_LEASE_MS = 6 * 60_000;

export interface DigestProgress {
  done: number;
  total: number;
  sent: number;
  failed: number;
}

export interface SendDigestsDeps {
  events: EventStore;
  subscribers: SubscriberStore;
  deliveries: DeliveryStore;
  mailer: Mailer;
  links: LinkBuilder;
  clock: Clock;
  sleep?: Sleep;
  /** Paces the sends; default a token bucket at the mailer's rate for this run alone. */
  pacer?: SendPacer;
  /** Where the window's events come from; default a fresh read of `events`. */
  candidates?: CandidateEvents;
  onProgress?: (progress: DigestProgress) => void;
  /** Subscribers' feedback for the cadence and reminders; without it, history is what digests offered. */
  feedback?: FeedbackSource;
  /** Receives each rendered digest (the local runner writes them to disk for a look). */
  outbox?: (subscriberId: string, html: string) => Promise<void>;
  /** Counts the run's outcome into its week, for the operator's report (not on a dry run). */
  tally?: Pick<WeekTallyStore, 'addDigestRun'>;
}

export interface SendDigestsConfig {
  from: string;
  operator: Operator;
  windowDays: 7 | 14;
  /** The digest's first day, `YYYY-MM-DD` in `timeZone`; default today there. */
  date?: string;
  /** The region's IANA zone: the window is its local days. */
  timeZone: string;
  dryRun?: boolean;
  replyTo?: string;
  unsubscribeMailto?: string;
  /** Send attempts per subscriber when the provider throttles; default 6 (waits 1+2+4+8+16 s). */
  maxAttempts?: number;
  /** A claim's lease; default {@link DEFAULT_LEASE_MS}. Must outlast a send with all its retries. */
  leaseMs?: number;
  /** The sources by id (page, usual place): a card's details link and street when the event lacks them. */
  sources?: ReadonlyMap<string, SourceFacts>;
}

export interface DigestRunSummary {
  /** The ISO week deliveries were claimed under. */
  isoWeek: string;
  sent: number;
  /** Of `sent`, how many took over a claim a dead run had left. */
  takenOver: number;
  skipped: { reason: string; count: number }[];
  failed: number;
  /** Why each failed send failed (subscriber id and the error's name and message; never an address). */
  failures: { subscriberId: string; error: string }[];
  subscribers: number;
}

/** True when `record` is this week's claim, not sent, whose holder may still be sending at `now`. */
function isLiveClaim(record: DeliveryRecord, now: Date, leaseMs: number): boolean {
  if (record.messageId !== null) return false;
  const until = record.leaseUntil === null ? Date.parse(record.claimedAt) + leaseMs : Date.parse(record.leaseUntil);
  return until > now.getTime();
}

/** Sends this week's digests; see the module note. Never throws for one subscriber's failure. */
export async function sendDigests(deps: SendDigestsDeps, config: SendDigestsConfig): Promise<DigestRunSummary> {
  const sleep = deps.sleep ?? realSleep;
  const leaseMs = config.leaseMs ?? DEFAULT_LEASE_MS;
  const date = config.date ?? localDateOf(deps.clock.now(), config.timeZone);
  const windowStart = startOfLocalDay(date, config.timeZone);
  const isoWeek = isoWeekOf(date).key;
  const stored = await (deps.candidates ?? candidatesFrom(deps.events)).load(date, config.windowDays);
  // A digest sent mid-morning never lists what started at dawn that day.
  const startedBefore = deps.clock.now().toISOString();
  const events = stored.filter((event) => event.start >= startedBefore);
  const listed = (await deps.subscribers.listActive()).filter((subscriber) => subscriber.status === 'active');

  const skipped = new Map<string, number>();
  const skip = (reason: string): void => {
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  };
  const failures: DigestRunSummary['failures'] = [];
  // A paused subscriber gets no digest before their pause ends; they are counted, not looked up.
  const runAt = deps.clock.now().getTime();
  const active = listed.filter((subscriber) => {
    const paused = subscriber.pausedUntil !== null && Date.parse(subscriber.pausedUntil) > runAt;
    if (paused) skip(SKIP_PAUSED);
    return !paused;
  });
  // One read per subscriber tells this week's state and last week's events; a sent or live claim is
  // skipped before it costs a send token, and a store error stays that subscriber's failure.
  const limit = pLimit(8);
  const looked = await Promise.all(
    active.map((subscriber) =>
      limit(async (): Promise<{ subscriber: Subscriber; recipient: DigestRecipient | null }> => {
        try {
          const { current, previous, recent } = await deps.deliveries.lookup(subscriber.id, isoWeek);
          if (current?.messageId != null) skip(SKIP_ALREADY_SENT);
          else if (current !== null && isLiveClaim(current, deps.clock.now(), leaseMs)) skip(SKIP_IN_PROGRESS);
          else {
            const feedback = (await deps.feedback?.forSubscriber(subscriber.id)) ?? [];
            return { subscriber, recipient: { ...subscriber, previous: previous?.events ?? [], ...historyOf(recent ?? [], feedback) } };
          }
        } catch (error) {
          failures.push({ subscriberId: subscriber.id, error: describe(error) });
        }
        return { subscriber, recipient: null };
      }),
    ),
  );
  const recipients = looked.flatMap(({ recipient }) => (recipient === null ? [] : [recipient]));
  const selected = selectForMany(events, recipients, { windowStart, windowDays: config.windowDays, timeZone: config.timeZone });
  const selections = new Map(recipients.map((recipient, index) => [recipient, selected[index]]));

  const eventsById = new Map(events.map((event) => [event.id, event]));
  let pacer: Promise<SendPacer> | null = deps.pacer === undefined ? null : Promise.resolve(deps.pacer);
  const context: DeliveryContext = {
    deliveries: deps.deliveries,
    mailer: deps.mailer,
    links: deps.links,
    clock: deps.clock,
    sleep,
    // Built on the first send, so a dry or all-skipped run never asks SES for its quota.
    pacer: () => (pacer ??= deps.mailer.maxSendRate().then((rate) => new TokenBucket(rate, deps.clock, sleep))),
    ...(deps.outbox === undefined ? {} : { outbox: deps.outbox }),
    isoWeek,
    windowStart,
    windowDays: config.windowDays,
    leaseMs,
    maxAttempts: Math.max(1, config.maxAttempts ?? 6),
    mail: {
      from: config.from,
      operator: config.operator,
      ...(config.replyTo === undefined ? {} : { replyTo: config.replyTo }),
      ...(config.unsubscribeMailto === undefined ? {} : { unsubscribeMailto: config.unsubscribeMailto }),
      ...(config.dryRun === undefined ? {} : { dryRun: config.dryRun }),
      ...(config.sources === undefined ? {} : { sources: config.sources }),
    },
  };
  let sent = 0;
  let takenOver = 0;
  for (const [index, { subscriber, recipient }] of looked.entries()) {
    // A subscriber without a recipient was skipped or failed at lookup, and counted there.
    const selection = recipient === null ? undefined : selections.get(recipient);
    const chosen = recipient === null ? null : (selection?.chosen ?? []);
    if (chosen?.length === 0) skip(SKIP_NO_EVENTS);
    else if (chosen !== null) {
      const extras = { ...(selection?.opening === undefined ? {} : { opening: selection.opening }), reminders: remindersFor(recipient, chosen, eventsById, startedBefore) };
      const outcome = await deliverDigest(context, subscriber, chosen, extras);
      if (outcome.kind === 'sent') {
        sent += 1;
        if (outcome.takenOver) takenOver += 1;
      } else if (outcome.kind === 'skipped') skip(outcome.reason);
      else failures.push({ subscriberId: subscriber.id, error: outcome.error });
    }
    deps.onProgress?.({ done: index + 1, total: active.length, sent, failed: failures.length });
  }

  const summary: DigestRunSummary = {
    isoWeek,
    sent,
    takenOver,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
    failed: failures.length,
    failures,
    subscribers: active.length,
  };
  if (config.dryRun !== true) await deps.tally?.addDigestRun(summary);
  return summary;
}

/** The cadence's history from recent deliveries (items written before seriesKey existed are left out) and feedback. */
function historyOf(recent: readonly DeliveryRecord[], feedback: FeedbackEntry[]): { history?: SubscriberHistory } {
  const offered: OfferedItem[] = [];
  for (const record of recent) {
    for (const item of record.events) {
      if (item.seriesKey !== undefined && item.audience !== undefined) offered.push({ id: item.id, seriesKey: item.seriesKey, audience: item.audience, isoWeek: record.isoWeek });
    }
  }
  return offered.length === 0 && feedback.length === 0 ? {} : { history: { offered, feedback } };
}

/** "I'm going" events still ahead, in the window's events and not in this digest: one reminder line each, in start order. */
function remindersFor(recipient: DigestRecipient | null, chosen: readonly ChosenEvent[], eventsById: ReadonlyMap<string, Event>, now: string): ChosenEvent[] {
  const going = recipient?.history?.feedback.filter((entry) => entry.kind === 'going') ?? [];
  if (recipient === null || going.length === 0) return [];
  const inDigest = new Set(chosen.map(({ event }) => event.id));
  const home = unitVector(recipient.lat, recipient.lon);
  const reminders: ChosenEvent[] = [];
  for (const entry of going) {
    const event = eventsById.get(entry.eventId);
    if (event === undefined || inDigest.has(event.id) || event.start < now) continue;
    inDigest.add(event.id);
    const { lat, lon } = event.venue ?? { lat: null, lon: null };
    const distanceMiles = lat === null || lon === null ? null : milesFromChordSquared(chordSquared(home, unitVector(lat, lon)));
    reminders.push({ event, distanceMiles, why: "You said you're going" });
  }
  return reminders.sort((a, b) => (a.event.start < b.event.start ? -1 : a.event.start > b.event.start ? 1 : 0));
}

/**
 * The weekly send: load the window's events once, choose for every active subscriber (grouped),
 * then per subscriber claim the (subscriber, ISO week) delivery before sending, so a retried or
 * doubled run never mails anyone twice (reliability.md LR-10, EM-25).
 */
import pLimit from 'p-limit';
import { MailerThrottledError, type Clock, type DeliveryStore, type EventStore, type Mailer, type SubscriberStore } from '../ports';
import type { LinkBuilder } from '../subscriptions/links';
import { addDays, localDateOf, startOfLocalDay } from '../time/zoned';
import { isoWeekOf } from './iso-week';
import { buildDigestMime } from './mime';
import { backoffMs, realSleep, TokenBucket, type Sleep } from './pacing';
import { renderDigest, type Operator } from './render';
import { selectForMany, type DigestRecipient } from './select';

export const SKIP_NO_EVENTS = 'no events near';
export const SKIP_ALREADY_SENT = 'already sent this week';
export const SKIP_DRY_RUN = 'dry run: rendered, not sent';

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
  onProgress?: (progress: DigestProgress) => void;
  /** Receives each rendered digest (the local runner writes them to disk for a look). */
  outbox?: (subscriberId: string, html: string) => Promise<void>;
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
}

export interface DigestRunSummary {
  /** The ISO week deliveries were claimed under. */
  isoWeek: string;
  sent: number;
  skipped: { reason: string; count: number }[];
  failed: number;
  /** Why each failed send failed (subscriber id and the error's name and message; never an address). */
  failures: { subscriberId: string; error: string }[];
  subscribers: number;
}

/** Sends this week's digests; see the module note. Never throws for one subscriber's failed send. */
export async function sendDigests(deps: SendDigestsDeps, config: SendDigestsConfig): Promise<DigestRunSummary> {
  const sleep = deps.sleep ?? realSleep;
  const date = config.date ?? localDateOf(deps.clock.now(), config.timeZone);
  const windowStart = startOfLocalDay(date, config.timeZone);
  const isoWeek = isoWeekOf(date).key;
  // Stored start dates are in each event's own zone: widen by a day each side, selection trims exactly.
  const stored = await deps.events.listStartingBetween(addDays(date, -1), addDays(date, config.windowDays));
  // A digest sent mid-morning never lists what started at dawn that day.
  const now = deps.clock.now().toISOString();
  const events = stored.filter((event) => event.start >= now);
  const active = (await deps.subscribers.listActive()).filter((subscriber) => subscriber.status === 'active');

  const limit = pLimit(8);
  const recipients: DigestRecipient[] = await Promise.all(
    active.map((subscriber) =>
      limit(async () => {
        const previous = await deps.deliveries.previous(subscriber.id, isoWeek);
        return { ...subscriber, previous: previous?.events ?? [] };
      }),
    ),
  );
  const selections = selectForMany(events, recipients, { windowStart, windowDays: config.windowDays, timeZone: config.timeZone });

  const skipped = new Map<string, number>();
  const skip = (reason: string): void => {
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  };
  let sent = 0;
  const failures: DigestRunSummary['failures'] = [];
  let bucket: TokenBucket | null = null;
  const maxAttempts = Math.max(1, config.maxAttempts ?? 6);

  for (const [index, subscriber] of active.entries()) {
    const selection = selections.get(subscriber.id);
    if (!selection || selection.chosen.length === 0) skip(SKIP_NO_EVENTS);
    else {
      const now = deps.clock.now();
      const unsubscribeUrl = deps.links.unsubscribeUrl(subscriber.id, now);
      const digest = renderDigest({
        subscriber,
        chosen: selection.chosen,
        windowStart,
        windowDays: config.windowDays,
        links: {
          unsubscribe: unsubscribeUrl,
          preferences: deps.links.preferencesUrl(subscriber.id, now),
          eventIcs: (eventId) => deps.links.eventIcsUrl(eventId),
        },
        operator: config.operator,
      });
      if (config.dryRun) {
        await deps.outbox?.(subscriber.id, digest.html);
        skip(SKIP_DRY_RUN);
      } else {
        const claimed = await deps.deliveries.claim({
          subscriberId: subscriber.id,
          isoWeek,
          events: selection.chosen.map(({ event }) => ({ id: event.id, contentHash: event.contentHash })),
          claimedAt: now.toISOString(),
        });
        if (!claimed) skip(SKIP_ALREADY_SENT);
        else {
          bucket ??= new TokenBucket(await deps.mailer.maxSendRate(), deps.clock, sleep);
          const outcome = await sendOne(deps, bucket, sleep, maxAttempts, { to: subscriber.email, unsubscribeUrl, ...digest }, config);
          if (outcome.ok) {
            await deps.deliveries.complete(subscriber.id, isoWeek, outcome.messageId);
            await deps.outbox?.(subscriber.id, digest.html);
            sent += 1;
          } else {
            await deps.deliveries.release(subscriber.id, isoWeek);
            failures.push({ subscriberId: subscriber.id, error: describe(outcome.error) });
          }
        }
      }
    }
    deps.onProgress?.({ done: index + 1, total: active.length, sent, failed: failures.length });
  }

  return {
    isoWeek,
    sent,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
    failed: failures.length,
    failures,
    subscribers: active.length,
  };
}

type SendOutcome = { ok: true; messageId: string } | { ok: false; error: unknown };

async function sendOne(
  deps: SendDigestsDeps,
  bucket: TokenBucket,
  sleep: Sleep,
  maxAttempts: number,
  mail: { to: string; unsubscribeUrl: string; subject: string; html: string; text: string },
  config: SendDigestsConfig,
): Promise<SendOutcome> {
  let message: Uint8Array;
  try {
    message = await buildDigestMime({
      from: config.from,
      ...mail,
      ...(config.unsubscribeMailto === undefined ? {} : { unsubscribeMailto: config.unsubscribeMailto }),
      ...(config.replyTo === undefined ? {} : { replyTo: config.replyTo }),
    });
  } catch (error) {
    return { ok: false, error };
  }
  for (let attempt = 1; ; attempt += 1) {
    await bucket.take();
    try {
      const { messageId } = await deps.mailer.sendRaw(message);
      return { ok: true, messageId };
    } catch (error) {
      // SES drops a throttled message, so it is safe and necessary to send it again; anything else is final.
      if (!(error instanceof MailerThrottledError) || attempt >= maxAttempts) return { ok: false, error };
      await sleep(backoffMs(attempt));
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

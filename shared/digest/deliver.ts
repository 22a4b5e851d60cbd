/**
 * One subscriber's delivery inside a send run: render, build the MIME, take a send token, claim
 * the (subscriber, ISO week) with a lease, send (retrying throttles), then record the message id
 * or release the claim. The token comes before the claim so that no claim waits on the rate: a
 * claim is held only for the send itself, and a crash while waiting for a token leaves nothing.
 * Every store or mail error ends as this subscriber's failure, never as an exception.
 */
import { MailerThrottledError, type Clock, type DeliveryStore, type Mailer, type SendPacer } from '../ports';
import type { LinkBuilder } from '../subscriptions/links';
import type { Subscriber } from '../model/subscriber';
import { buildDigestMime } from './mime';
import { backoffMs, type Sleep } from './pacing';
import { renderDigest, type Operator, type SourceFacts } from './render';
import { seriesKeyOf } from './series';
import type { ChosenEvent } from './types';

export const SKIP_ALREADY_SENT = 'already sent this week';
export const SKIP_IN_PROGRESS = 'being sent by another run (lease live)';
export const SKIP_DRY_RUN = 'dry run: rendered, not sent';

/** What a delivery needs from the run. */
export interface DeliveryContext {
  deliveries: DeliveryStore;
  mailer: Mailer;
  links: LinkBuilder;
  clock: Clock;
  sleep: Sleep;
  pacer: () => Promise<SendPacer>;
  outbox?: (subscriberId: string, html: string) => Promise<void>;
  isoWeek: string;
  windowStart: Date;
  windowDays: 7 | 14;
  leaseMs: number;
  maxAttempts: number;
  mail: { from: string; operator: Operator; replyTo?: string; unsubscribeMailto?: string; dryRun?: boolean; sources?: ReadonlyMap<string, SourceFacts> };
}

export type DeliveryOutcome =
  | { kind: 'sent'; takenOver: boolean }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; error: string };

/** What a digest shows beside its events: selection's opening line and "I'm going" reminders. */
export interface DigestExtras {
  opening?: string;
  reminders?: readonly ChosenEvent[];
}

/** Delivers one subscriber's digest of `chosen` events; see the module note. */
export async function deliverDigest(context: DeliveryContext, subscriber: Subscriber, chosen: ChosenEvent[], extras: DigestExtras = {}): Promise<DeliveryOutcome> {
  const now = context.clock.now();
  let message: Uint8Array;
  try {
    const unsubscribeUrl = context.links.unsubscribeUrl(subscriber.id, now);
    const digest = renderDigest({
      subscriber,
      chosen,
      windowStart: context.windowStart,
      windowDays: context.windowDays,
      links: {
        unsubscribe: unsubscribeUrl,
        preferences: context.links.preferencesUrl(subscriber.id, now),
        eventIcs: (eventId) => context.links.eventIcsUrl(eventId),
        feedback: (eventId) => context.links.feedbackUrls(subscriber.id, eventId, now),
        calendarFeed: context.links.calendarFeedUrl(subscriber.id, subscriber.calendarGeneration, now),
      },
      operator: context.mail.operator,
      ...(extras.opening === undefined ? {} : { opening: extras.opening }),
      ...(extras.reminders === undefined || extras.reminders.length === 0 ? {} : { reminders: extras.reminders }),
      ...(context.mail.sources === undefined ? {} : { sources: context.mail.sources }),
    });
    if (context.mail.dryRun) {
      await context.outbox?.(subscriber.id, digest.html);
      return { kind: 'skipped', reason: SKIP_DRY_RUN };
    }
    message = await buildDigestMime({
      from: context.mail.from,
      to: subscriber.email,
      unsubscribeUrl,
      ...digest,
      ...(context.mail.unsubscribeMailto === undefined ? {} : { unsubscribeMailto: context.mail.unsubscribeMailto }),
      ...(context.mail.replyTo === undefined ? {} : { replyTo: context.mail.replyTo }),
    });
    const pacer = await context.pacer();
    await pacer.take();
    const claimedAt = context.clock.now();
    const claim = await context.deliveries.claim({
      subscriberId: subscriber.id,
      isoWeek: context.isoWeek,
      // Series and audience let later weeks follow the coaches' cadence.
      events: chosen.map(({ event }) => ({ id: event.id, contentHash: event.contentHash, seriesKey: seriesKeyOf(event), audience: event.audience })),
      claimedAt: claimedAt.toISOString(),
      leaseUntil: new Date(claimedAt.getTime() + context.leaseMs).toISOString(),
    });
    if (claim.status === 'sent') return { kind: 'skipped', reason: SKIP_ALREADY_SENT };
    if (claim.status === 'held') return { kind: 'skipped', reason: SKIP_IN_PROGRESS };
    const sent = await sendWithRetries(context, pacer, message);
    if (!sent.ok) {
      const released = await context.deliveries.release(subscriber.id, context.isoWeek, claim.claimId).then(
        () => '',
        (error: unknown) => `; release failed too (${describe(error)})`,
      );
      return { kind: 'failed', error: describe(sent.error) + released };
    }
    try {
      await context.deliveries.complete(subscriber.id, context.isoWeek, claim.claimId, sent.messageId);
    } catch (error) {
      // The mail went out: say so, since after the lease a retry would send it again.
      return { kind: 'failed', error: `sent as ${sent.messageId} but not recorded: ${describe(error)}` };
    }
    await context.outbox?.(subscriber.id, digest.html);
    return { kind: 'sent', takenOver: claim.status === 'taken-over' };
  } catch (error) {
    return { kind: 'failed', error: describe(error) };
  }
}

type SendOutcome = { ok: true; messageId: string } | { ok: false; error: unknown };

/** The first attempt's token was taken before the claim; each retry waits and takes another. */
async function sendWithRetries(context: DeliveryContext, pacer: SendPacer, message: Uint8Array): Promise<SendOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { messageId } = await context.mailer.sendRaw(message);
      return { ok: true, messageId };
    } catch (error) {
      // SES drops a throttled message, so it is safe and necessary to send it again; anything else is final.
      if (!(error instanceof MailerThrottledError) || attempt >= context.maxAttempts) return { ok: false, error };
      await context.sleep(backoffMs(attempt));
      await pacer.take();
    }
  }
}

/** An error's name and message (never an address: errors here come from the store and SES). */
export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

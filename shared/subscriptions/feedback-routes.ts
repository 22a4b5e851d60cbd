/**
 * The routes of issue 7's feedback links and personal calendar feed:
 * - `/f/<token>`: GET shows one button and records nothing; POST records "I'm going" or "Not for
 *   me" for the (subscriber, event) the token was signed for, replacing an earlier choice.
 * - `/calendar/<token>.ics`: the subscriber's feed, while the token's generation is the
 *   subscriber's `calendarGeneration` and the subscriber is active.
 * - POST `/preferences/<token>/calendar`: a new feed address (the old one then answers 404).
 * A forged, expired or misused token, or one for a subscriber that is gone, changes nothing.
 */
import type { Context, Hono } from 'hono';
import type { FeedbackEntry } from '../digest/types';
import { seriesKeyOf } from '../digest/series';
import { checkToken, pageResponse, type ResolvedDeps, type TokenCheck } from './app-context';
import { buildCalendarFeed } from './calendar-feed';
import { FEEDBACK_EVENT_GONE_PAGE, calendarRenewedPage, feedbackPage, feedbackRecordedPage, type FeedbackKind } from './feedback-pages';
import { LINK_EXPIRED_PAGE, LINK_INVALID_PAGE, NOT_FOUND_PAGE } from './pages';

const FEEDBACK_PURPOSES = ['going', 'not-for-me'] as const;

function rejectLink(c: Context, deps: ResolvedDeps, check: Extract<TokenCheck, { ok: false }>): Response {
  return check.reason === 'expired' ? pageResponse(c, deps, LINK_EXPIRED_PAGE, 410) : pageResponse(c, deps, LINK_INVALID_PAGE, 404);
}

function kindOf(purpose: string): FeedbackKind | null {
  return purpose === 'going' || purpose === 'not-for-me' ? purpose : null;
}

/** The token's subscriber (active) and event, or the response that refuses the link. */
async function resolveFeedback(c: Context, deps: ResolvedDeps) {
  const check = checkToken(deps, c.req.param('token') ?? '', FEEDBACK_PURPOSES);
  if (!check.ok) return { response: rejectLink(c, deps, check) } as const;
  const kind = kindOf(check.claims.purpose);
  const eventId = check.claims.eventId;
  if (!deps.feedback || kind === null || eventId === null) return { response: pageResponse(c, deps, LINK_INVALID_PAGE, 404) } as const;
  const subscriber = await deps.subscribers.get(check.subscriberId);
  if (!subscriber || subscriber.status !== 'active') return { response: pageResponse(c, deps, LINK_INVALID_PAGE, 404) } as const;
  const event = await deps.events.get(eventId);
  if (!event) return { response: pageResponse(c, deps, FEEDBACK_EVENT_GONE_PAGE, 404) } as const;
  return { kind, event, subscriber, store: deps.feedback } as const;
}

/** Adds the feedback, calendar-feed and new-calendar-address routes to `app`. */
export function registerFeedbackRoutes(app: Hono, deps: ResolvedDeps): void {
  app.get('/f/:token', async (c) => {
    const found = await resolveFeedback(c, deps);
    if ('response' in found) return found.response;
    return pageResponse(c, deps, feedbackPage(c.req.path, found.kind, found.event));
  });

  app.post('/f/:token', async (c) => {
    const found = await resolveFeedback(c, deps);
    if ('response' in found) return found.response;
    const { event, kind } = found;
    const entry: FeedbackEntry = {
      eventId: event.id,
      kind,
      seriesKey: seriesKeyOf(event),
      organiser: event.organizer,
      category: event.category,
      audience: event.audience,
      eventStart: event.start,
      at: deps.clock.now().toISOString(),
    };
    await found.store.record(found.subscriber.id, entry);
    deps.logger.info('feedback', { subscriberId: found.subscriber.id, kind });
    return pageResponse(c, deps, feedbackRecordedPage(kind, event));
  });

  app.get('/calendar/:file', async (c) => {
    const token = /^(.+)\.ics$/.exec(c.req.param('file'))?.[1];
    if (token === undefined) return pageResponse(c, deps, NOT_FOUND_PAGE, 404);
    const check = checkToken(deps, token, 'calendar');
    if (!check.ok) return rejectLink(c, deps, check);
    const subscriber = await deps.subscribers.get(check.subscriberId);
    // A revoked address (older generation), or a subscriber who left, gets no calendar.
    if (!subscriber || subscriber.status !== 'active' || check.claims.generation !== subscriber.calendarGeneration) {
      return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    }
    const now = deps.clock.now();
    const ics = await buildCalendarFeed(subscriber, { events: deps.events, feedback: deps.feedback }, now, new URL(c.req.url).hostname);
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="netmix.ics"',
      // Personal: no shared cache may keep it; calendar apps poll it on REFRESH-INTERVAL.
      'Cache-Control': 'private, max-age=3600',
    });
  });

  app.post('/preferences/:token/calendar', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'preferences');
    if (!check.ok) return rejectLink(c, deps, check);
    const subscriber = await deps.subscribers.get(check.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    const now = deps.clock.now();
    // One atomic add, not a put of the record read above: a put would undo an unsubscribe or a
    // preferences change made meanwhile, and two renewals at once would share one generation.
    const generation = await deps.subscribers.renewCalendar(subscriber.id, now);
    deps.logger.info('calendar address renewed', { subscriberId: subscriber.id });
    return pageResponse(
      c,
      deps,
      calendarRenewedPage({
        feedUrl: deps.links.calendarFeedUrl(subscriber.id, generation, now),
        preferencesUrl: c.req.path.replace(/\/calendar$/, ''),
      }),
    );
  });
}

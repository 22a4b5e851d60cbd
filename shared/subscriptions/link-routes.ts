/**
 * The routes behind the links in our emails. The token in the path is the only credential (no
 * cookies, no login), so it is also the CSRF defence: a forged POST cannot know it. GET only shows a
 * page with a button; POST changes state (EM-13, EM-35).
 */
import type { Context, Hono } from 'hono';
import type * as z from 'zod';
import { PreferencesSchema, UnsubscribeReasonSchema, type Subscriber } from '../model/subscriber';
import { checkToken, pageResponse, type ResolvedDeps, type TokenCheck } from './app-context';
import { calendarFeedSection } from './feedback-pages';
import { geocodeZip } from './geocode';
import { registerDataRoutes } from './data-routes';
import { firstDigestSentence } from './first-digest';
import {
  CANNOT_CONFIRM_PAGE,
  FOUND_A_JOB_PAGE,
  LINK_EXPIRED_PAGE,
  LINK_INVALID_PAGE,
  UNSUPPORTED_BODY_PAGE,
  UNSUBSCRIBED_PAGE,
  confirmPage,
  confirmedPage,
  preferencesPage,
  unknownZipIssue,
  unsubscribePage,
} from './pages';
import { formValuesFrom, type FormValues } from './preferences-form';
import { loadPreferencesExtras, renderPreferencesSections } from './preferences-page';
import { readInputBody } from './request-body';
import { PreferencesInputSchema, describeIssues, type InputIssue } from './signup-input';
import { confirmSubscription, savePreferences, unsubscribe } from './subscriber-actions';
import { TOKEN_LIFETIME_SECONDS, isExpired, type TokenClaims } from './tokens';

function rejectLink(c: Context, deps: ResolvedDeps, check: Extract<TokenCheck, { ok: false }>): Response {
  return check.reason === 'expired' ? pageResponse(c, deps, LINK_EXPIRED_PAGE, 410) : pageResponse(c, deps, LINK_INVALID_PAGE, 404);
}

/** Adds `/confirm/:token`, `/u/:token` and `/preferences/:token` (GET and POST) to `app`. */
export function registerLinkRoutes(app: Hono, deps: ResolvedDeps): void {
  app.get('/confirm/:token', (c) => {
    const check = checkToken(deps, c.req.param('token'), 'confirm');
    if (!check.ok) return rejectLink(c, deps, check);
    return pageResponse(c, deps, confirmPage(c.req.path));
  });

  app.post('/confirm/:token', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'confirm');
    if (!check.ok) return rejectLink(c, deps, check);
    const outcome = await confirmSubscription(
      check.claims,
      { ip: deps.clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null, formVersion: deps.formVersion },
      deps,
    );
    deps.logger.info('confirmation', { subscriberId: check.subscriberId, outcome });
    if (outcome === 'unknown') return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    if (outcome === 'stale') return pageResponse(c, deps, CANNOT_CONFIRM_PAGE, 410);
    const now = deps.clock.now();
    // Links minted here live no longer than the confirm link that opened the page.
    const derived = { derivedFrom: check.claims };
    return pageResponse(
      c,
      deps,
      confirmedPage({
        preferencesUrl: deps.links.preferencesUrl(check.subscriberId, now, derived),
        unsubscribeUrl: deps.links.unsubscribeUrl(check.subscriberId, now, derived),
        firstDigest: firstDigestSentence(deps.digestSchedule, now, deps.timeZone),
      }),
    );
  });

  app.get('/u/:token', (c) => {
    const check = checkToken(deps, c.req.param('token'), 'unsubscribe');
    if (!check.ok) return rejectLink(c, deps, check);
    return pageResponse(c, deps, unsubscribePage(c.req.path, derivedPreferencesUrl(deps, check.claims)));
  });

  // RFC 8058 one-click: any body (urlencoded `List-Unsubscribe=One-Click`, multipart or none) is
  // accepted and not read; the answer is a 200 page, never a redirect, and sets no cookie.
  app.post('/u/:token', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'unsubscribe');
    if (!check.ok) return rejectLink(c, deps, check);
    const reason = await unsubscribeReasonOf(c);
    const outcome = await unsubscribe(check.subscriberId, deps, reason);
    deps.logger.info('unsubscribe', { subscriberId: check.subscriberId, outcome, reason });
    if (outcome === 'unknown') return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    return pageResponse(c, deps, reason === 'found-a-job' ? FOUND_A_JOB_PAGE : UNSUBSCRIBED_PAGE);
  });

  app.get('/preferences/:token', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'preferences');
    if (!check.ok) return rejectLink(c, deps, check);
    const subscriber = await deps.subscribers.get(check.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    return showPreferences(c, deps, subscriber, check.claims, { saved: false, issues: [] }, 200);
  });
  registerDataRoutes(app, deps, async (c, claims, notice) => {
    const subscriber = await deps.subscribers.get(claims.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    const page = { saved: false, issues: 'error' in notice ? [{ field: '', message: notice.error }] : [], ...('text' in notice && { notice: notice.text }) };
    return showPreferences(c, deps, subscriber, claims, page, 'error' in notice ? 400 : 200);
  });

  app.post('/preferences/:token', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'preferences');
    if (!check.ok) return rejectLink(c, deps, check);
    const subscriber = await deps.subscribers.get(check.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    const body = await readInputBody(c);
    if (!body.ok) return pageResponse(c, deps, UNSUPPORTED_BODY_PAGE, body.status);
    const parsed = PreferencesInputSchema.safeParse(body.value);
    const typed = (stored: FormValues): FormValues => formValuesFrom(body.value, stored);
    if (!parsed.success) return showPreferences(c, deps, subscriber, check.claims, { saved: false, issues: describeIssues(parsed.error), typed }, 400);
    const place = geocodeZip(parsed.data.zip);
    if (!place) return showPreferences(c, deps, subscriber, check.claims, { saved: false, issues: [unknownZipIssue(parsed.data.zip)], typed }, 400);
    const outcome = await savePreferences(subscriber.id, parsed.data, place, deps);
    deps.logger.info('preferences', { subscriberId: subscriber.id, outcome });
    if (body.format === 'json') return c.json({ status: 'saved' });
    return showPreferences(c, deps, { ...subscriber, ...parsed.data, ...place }, check.claims, { saved: true, issues: [] }, 200);
  });
}

/**
 * The preferences link an unsubscribe page offers, derived from the unsubscribe link: issued when
 * that link was, so a years-old link yields none rather than a fresh 90-day one.
 */
function derivedPreferencesUrl(deps: ResolvedDeps, opener: TokenClaims): string | null {
  const now = deps.clock.now();
  const lifetime = TOKEN_LIFETIME_SECONDS.preferences ?? 0;
  if (isExpired(opener.issuedAt + lifetime, now) || isExpired(opener.expiresAt, now)) return null;
  return deps.links.preferencesUrl(opener.subscriberId, now, { derivedFrom: opener });
}

/** The reason a person chose on the unsubscribe page; one-click posts (any body) have none. */
async function unsubscribeReasonOf(c: Context): Promise<z.infer<typeof UnsubscribeReasonSchema> | null> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  try {
    const reason = UnsubscribeReasonSchema.safeParse((await c.req.parseBody())['reason']);
    return reason.success ? reason.data : null;
  } catch {
    return null;
  }
}

async function showPreferences(
  c: Context,
  deps: ResolvedDeps,
  subscriber: Subscriber,
  opener: TokenClaims,
  state: { saved: boolean; issues: readonly InputIssue[]; notice?: string; typed?: (stored: FormValues) => FormValues },
  status: 200 | 400,
): Promise<Response> {
  const stored: FormValues = { ...PreferencesSchema.parse(subscriber), email: '' };
  const values = state.typed ? state.typed(stored) : stored;
  const base = `/preferences/${c.req.param('token') ?? ''}`;
  const extras = await loadPreferencesExtras(subscriber, base, deps.clock.now(), deps);
  return pageResponse(
    c,
    deps,
    preferencesPage({
      action: base,
      values,
      ...(state.notice !== undefined && { notice: state.notice }),
      issues: state.issues,
      saved: state.saved,
      active: subscriber.status === 'active' || subscriber.status === 'pending',
      // An unsubscribe link that expires with the preferences link that opened the page.
      unsubscribeUrl: deps.links.unsubscribeUrl(subscriber.id, deps.clock.now(), { derivedFrom: opener }),
      sections: [
        renderPreferencesSections(extras, subscriber.timeZone),
        ...(subscriber.status === 'active'
          ? [calendarFeedSection({ feedUrl: deps.links.calendarFeedUrl(subscriber.id, subscriber.calendarGeneration, deps.clock.now()), renewAction: `${c.req.path}/calendar` })]
          : []),
      ],
    }),
    status,
  );
}

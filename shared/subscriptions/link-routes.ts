/**
 * The routes behind the links in our emails. The token in the path is the only credential (no
 * cookies, no login), so it is also the CSRF defence: a forged POST cannot know it. GET only shows a
 * page with a button; POST changes state (EM-13, EM-35).
 */
import type { Context, Hono } from 'hono';
import { PreferencesSchema, type Subscriber } from '../model/subscriber';
import { checkToken, pageResponse, type ResolvedDeps, type TokenCheck } from './app-context';
import { geocodeZip } from './geocode';
import {
  CANNOT_CONFIRM_PAGE,
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
import type { FormValues } from './preferences-form';
import { readInputBody } from './request-body';
import { PreferencesInputSchema, describeIssues, type InputIssue } from './signup-input';
import { confirmSubscription, savePreferences, unsubscribe } from './subscriber-actions';

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
      check.subscriberId,
      { ip: deps.clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null, formVersion: deps.formVersion },
      deps,
    );
    deps.logger.info('confirmation', { subscriberId: check.subscriberId, outcome });
    if (outcome === 'unknown') return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    if (outcome === 'not-pending') return pageResponse(c, deps, CANNOT_CONFIRM_PAGE, 410);
    const now = deps.clock.now();
    return pageResponse(
      c,
      deps,
      confirmedPage({
        preferencesUrl: deps.links.preferencesUrl(check.subscriberId, now),
        unsubscribeUrl: deps.links.unsubscribeUrl(check.subscriberId, now),
      }),
    );
  });

  app.get('/u/:token', (c) => {
    const check = checkToken(deps, c.req.param('token'), 'unsubscribe');
    if (!check.ok) return rejectLink(c, deps, check);
    return pageResponse(c, deps, unsubscribePage(c.req.path, deps.links.preferencesUrl(check.subscriberId, deps.clock.now())));
  });

  // RFC 8058 one-click: any body (urlencoded `List-Unsubscribe=One-Click`, multipart or none) is
  // accepted and not read; the answer is a 200 page, never a redirect, and sets no cookie.
  app.post('/u/:token', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'unsubscribe');
    if (!check.ok) return rejectLink(c, deps, check);
    const outcome = await unsubscribe(check.subscriberId, deps);
    deps.logger.info('unsubscribe', { subscriberId: check.subscriberId, outcome });
    if (outcome === 'unknown') return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    return pageResponse(c, deps, UNSUBSCRIBED_PAGE);
  });

  app.get('/preferences/:token', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'preferences');
    if (!check.ok) return rejectLink(c, deps, check);
    const subscriber = await deps.subscribers.get(check.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    return showPreferences(c, deps, subscriber, { saved: false, issues: [] }, 200);
  });

  app.post('/preferences/:token', async (c) => {
    const check = checkToken(deps, c.req.param('token'), 'preferences');
    if (!check.ok) return rejectLink(c, deps, check);
    const subscriber = await deps.subscribers.get(check.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    const body = await readInputBody(c);
    if (!body.ok) return pageResponse(c, deps, UNSUPPORTED_BODY_PAGE, body.status);
    const parsed = PreferencesInputSchema.safeParse(body.value);
    if (!parsed.success) return showPreferences(c, deps, subscriber, { saved: false, issues: describeIssues(parsed.error) }, 400);
    const place = geocodeZip(parsed.data.zip);
    if (!place) return showPreferences(c, deps, subscriber, { saved: false, issues: [unknownZipIssue(parsed.data.zip)] }, 400);
    const outcome = await savePreferences(subscriber.id, parsed.data, place, deps);
    deps.logger.info('preferences', { subscriberId: subscriber.id, outcome });
    if (body.format === 'json') return c.json({ status: 'saved' });
    return showPreferences(c, deps, { ...subscriber, ...parsed.data, ...place }, { saved: true, issues: [] }, 200);
  });
}

function showPreferences(
  c: Context,
  deps: ResolvedDeps,
  subscriber: Subscriber,
  state: { saved: boolean; issues: readonly InputIssue[] },
  status: 200 | 400,
): Response {
  const values: FormValues = { ...PreferencesSchema.parse(subscriber), email: '' };
  return pageResponse(
    c,
    deps,
    preferencesPage({
      action: c.req.path,
      values,
      issues: state.issues,
      saved: state.saved,
      active: subscriber.status === 'active' || subscriber.status === 'pending',
      unsubscribeUrl: deps.links.unsubscribeUrl(subscriber.id, deps.clock.now()),
    }),
    status,
  );
}

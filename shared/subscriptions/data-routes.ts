/**
 * The preferences page's buttons: pause, resume, export my data, delete my data. Each is a POST to a
 * path under the page's signed preferences token (the token is the credential and the CSRF defence,
 * as for the page itself); GETs of these paths are not routes, so a link scanner changes nothing.
 */
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import { checkToken, pageResponse, type ResolvedDeps } from './app-context';
import { html } from './html';
import { LINK_INVALID_PAGE, type Page } from './pages';
import { formatDay } from './preferences-page';
import { eraseData, exportData, pauseDigest, resumeDigest } from './subscriber-actions';
import type { TokenClaims } from './tokens';
import { lazySchema } from '../model/lazy-schema';

const PauseBodySchema = lazySchema(() => z.object({ weeks: z.coerce.number().int().min(1).max(8) }));
const DeleteBodySchema = lazySchema(() => z.object({ confirmDelete: z.literal('yes') }));

/** The page after "delete my data". */
export const DATA_DELETED_PAGE: Page = {
  title: 'Your data is deleted',
  body: html`<p class="notice" role="status">Your address, preferences and digest history are deleted. No more email will come from us.</p>
<p>We keep only a one-way fingerprint of the address, so that a bounce or a spam report is still honoured. <a href="/">Sign up</a> again whenever you like.</p>`,
};

/** What a route needs after the token check: the verified claims and the page path they open. */
export type ShowPreferences = (c: Context, claims: TokenClaims, notice: { text: string } | { error: string }) => Promise<Response>;

async function formBody(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

/** Adds `POST /preferences/:token/{pause,resume,export,delete}` to `app`. */
export function registerDataRoutes(app: Hono, deps: ResolvedDeps, show: ShowPreferences): void {
  const verified = async (c: Context): Promise<{ claims: TokenClaims } | Response> => {
    const check = checkToken(deps, c.req.param('token') ?? '', 'preferences');
    if (!check.ok) return pageResponse(c, deps, LINK_INVALID_PAGE, check.reason === 'expired' ? 410 : 404);
    const subscriber = await deps.subscribers.get(check.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    return { claims: check.claims };
  };

  app.post('/preferences/:token/pause', async (c) => {
    const found = await verified(c);
    if (found instanceof Response) return found;
    const parsed = PauseBodySchema.safeParse(await formBody(c));
    if (!parsed.success) return show(c, found.claims, { error: 'Choose a pause of 1 to 8 weeks.' });
    const until = await pauseDigest(found.claims.subscriberId, parsed.data.weeks, deps);
    deps.logger.info('paused', { subscriberId: found.claims.subscriberId, weeks: parsed.data.weeks });
    return show(c, found.claims, { text: `Paused. No weekly email until ${formatDay(new Date(until), deps.timeZone)}.` });
  });

  app.post('/preferences/:token/resume', async (c) => {
    const found = await verified(c);
    if (found instanceof Response) return found;
    await resumeDigest(found.claims.subscriberId, deps);
    deps.logger.info('resumed', { subscriberId: found.claims.subscriberId });
    return show(c, found.claims, { text: 'Welcome back. The weekly email starts again with the next digest.' });
  });

  app.post('/preferences/:token/export', async (c) => {
    const found = await verified(c);
    if (found instanceof Response) return found;
    const subscriber = await deps.subscribers.get(found.claims.subscriberId);
    if (!subscriber) return pageResponse(c, deps, LINK_INVALID_PAGE, 404);
    const data = await exportData(subscriber, deps);
    deps.logger.info('data exported', { subscriberId: subscriber.id, deliveries: data.deliveries.length });
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="netmix-my-data.json"',
    });
  });

  app.post('/preferences/:token/delete', async (c) => {
    const found = await verified(c);
    if (found instanceof Response) return found;
    if (!DeleteBodySchema.safeParse(await formBody(c)).success) {
      return show(c, found.claims, { error: 'Tick the box to confirm that you want your data deleted.' });
    }
    const erased = await eraseData(found.claims.subscriberId, deps);
    deps.logger.info('data erased', { subscriberId: found.claims.subscriberId, deliveries: erased.deliveries });
    return pageResponse(c, deps, DATA_DELETED_PAGE);
  });
}

/**
 * The subscription API as one runtime-neutral Hono app: the same app runs on Lambda (through
 * `hono/aws-lambda`), in the local runner (`node-server.ts`) and in tests (`app.request`).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import {
  errorAttributes,
  pageResponse,
  resolveDeps,
  type ResolvedDeps,
  type SubscriptionAppDeps,
} from './app-context';
import { buildEventIcs, icsContentDisposition } from './event-ics';
import { registerFeedbackRoutes } from './feedback-routes';
import { firstDigestSentence } from './first-digest';
import { geocodeZip } from './geocode';
import { FAR_FROM_REGION_MILES } from './region-check';
import { registerLinkRoutes } from './link-routes';
import {
  CHECK_INBOX_PAGE,
  ERROR_PAGE,
  NOT_FOUND_PAGE,
  TOO_LARGE_PAGE,
  UNSUPPORTED_BODY_PAGE,
  signupPage,
  unknownZipIssue,
} from './pages';
import { EMPTY_FORM, formValuesFrom } from './preferences-form';
import { readInputBody, type BodyFormat } from './request-body';
import { securityHeaders } from './security-headers';
import { signUp } from './signup';
import { SignupInputSchema, describeIssues, type InputIssue } from './signup-input';

export type { SubscriptionAppDeps, AppLogger } from './app-context';

/** The one message every accepted signup gets, known address or not (SEC-04). */
export const SIGNUP_ACCEPTED_MESSAGE =
  'If this address can receive our email, a message is on its way. Open the link in it to confirm your subscription.';

/** Builds the app: signup, confirm, one-click unsubscribe, preferences, `.ics` links and health. */
export function createSubscriptionApp(options: SubscriptionAppDeps): Hono {
  const deps = resolveDeps(options);
  const app = new Hono();

  app.use('*', securityHeaders());
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    deps.logger.error('request failed', { errorName: error.name, errorMessage: error.message, path: routeOf(c) });
    return pageResponse(c, deps, ERROR_PAGE, 500);
  });
  app.notFound((c) => pageResponse(c, deps, NOT_FOUND_PAGE, 404));

  // Form posts must come from a page of ours or of the site; the one-click unsubscribe is exempt,
  // because mail providers POST it from their own servers (RFC 8058).
  const sameSite = csrf({ origin: (origin, c) => origin === deps.siteOrigin || origin === new URL(c.req.url).origin });
  const limit = bodyLimit({ maxSize: deps.maxBodyBytes, onError: (c) => pageResponse(c, deps, TOO_LARGE_PAGE, 413) });
  app.use('/subscribe', cors({ origin: deps.siteOrigin, allowMethods: ['POST'], allowHeaders: ['Content-Type'] }));
  app.on('POST', ['/subscribe', '/preferences/*', '/confirm/*', '/f/*'], sameSite);
  app.on('POST', '*', limit);

  app.get('/', (c) => pageResponse(c, deps, signupPage(EMPTY_FORM, [], { firstDigest: firstDigestOf(deps) })));
  app.post('/subscribe', (c) => handleSubscribe(c, deps));
  app.get('/health', async (c) => {
    try {
      await deps.subscribers.ping();
      return c.json({ status: 'ok' });
    } catch (error) {
      deps.logger.error('health check failed', errorAttributes(error));
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  // Browsers ask for it on every page; an empty answer keeps their consoles and our 404 logs quiet.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'public, max-age=86400' }));
  app.get('/events/:file', async (c) => {
    const id = /^([0-9a-f]{32})\.ics$/.exec(c.req.param('file'))?.[1];
    const event = id === undefined ? null : await deps.events.get(id);
    if (!event) return pageResponse(c, deps, NOT_FOUND_PAGE, 404);
    return c.body(buildEventIcs(event, deps.clock.now()), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': icsContentDisposition(event),
      'Cache-Control': 'public, max-age=300',
    });
  });
  registerLinkRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  return app;
}

/** The route pattern, never the path itself: paths carry link tokens. */
function routeOf(c: Context): string {
  return routePath(c);
}

async function handleSubscribe(c: Context, deps: ResolvedDeps): Promise<Response> {
  const body = await readInputBody(c);
  if (!body.ok) {
    deps.logger.info('signup rejected', { reason: `body-${body.status}` });
    const page = body.status === 415 ? UNSUPPORTED_BODY_PAGE : { ...ERROR_PAGE, title: 'The form could not be read' };
    return body.format === 'json' ? c.json({ error: 'unreadable-body' }, body.status) : pageResponse(c, deps, page, body.status);
  }
  const { confirmedFar, input } = splitFarConfirmation(body.value);
  const parsed = SignupInputSchema.safeParse(input);
  if (!parsed.success) {
    deps.logger.info('signup rejected', { reason: 'invalid-input' });
    return invalidSignup(c, deps, body.format, body.value, describeIssues(parsed.error));
  }
  const place = geocodeZip(parsed.data.zip);
  if (!place) {
    deps.logger.info('signup rejected', { reason: 'unknown-zip' });
    return invalidSignup(c, deps, body.format, body.value, [unknownZipIssue(parsed.data.zip)]);
  }
  const miles = confirmedFar ? null : await deps.regionCheck(place);
  if (miles !== null && miles > FAR_FROM_REGION_MILES) {
    deps.logger.info('signup held', { reason: 'far-zip' });
    const farZip = { zip: parsed.data.zip, placeName: place.placeName, miles };
    if (body.format === 'json') return c.json({ error: 'far-zip', milesFromEvents: Math.round(miles), confirmWith: 'confirmFarZip' }, 400);
    return pageResponse(c, deps, signupPage(formValuesFrom(input), [], { firstDigest: firstDigestOf(deps), farZip }), 400);
  }
  const outcome = await signUp(parsed.data, place, deps.clientIp(c), deps, (action, subscriberId) => {
    deps.logger.info('signup mail', { subscriberId, action });
  });
  deps.logger.info('signup accepted', { created: outcome.created, admitted: outcome.admitted });
  if (body.format === 'json') return c.json({ status: 'accepted', message: SIGNUP_ACCEPTED_MESSAGE }, 202);
  return pageResponse(c, deps, CHECK_INBOX_PAGE, 202);
}

function invalidSignup(c: Context, deps: ResolvedDeps, format: BodyFormat, submitted: unknown, issues: InputIssue[]): Response {
  if (format === 'json') return c.json({ error: 'invalid-input', issues }, 400);
  return pageResponse(c, deps, signupPage(formValuesFrom(submitted), issues, { firstDigest: firstDigestOf(deps) }), 400);
}

function firstDigestOf(deps: ResolvedDeps): string {
  return firstDigestSentence(deps.digestSchedule, deps.clock.now(), deps.timeZone);
}

/** Takes the far-ZIP confirmation (`confirmFarZip`: "yes" or true) out of the body the schema reads. */
function splitFarConfirmation(value: unknown): { confirmedFar: boolean; input: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'confirmFarZip')) return { confirmedFar: false, input: value };
  const flag: unknown = Reflect.get(value, 'confirmFarZip');
  const input = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'confirmFarZip'));
  return { confirmedFar: flag === 'yes' || flag === true, input };
}

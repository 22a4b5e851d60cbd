/**
 * What the routes of the subscription app share: its dependencies with their defaults filled in,
 * and the helpers that turn a page or a link token into a response.
 */
import type { Context } from 'hono';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Clock, EventStore, Mailer, SubscriberStore } from '../ports';
import { clientIpOf } from './client-ip';
import type { Operator } from './confirmation-mail';
import { renderPage } from './html';
import type { LinkBuilder } from './links';
import type { Page } from './pages';
import { createSendThrottle, type SendThrottle } from './send-throttle';
import { InvalidTokenError, verifyToken, type TokenKeys, type TokenPurpose } from './tokens';

/** The structured logger the app writes to; Powertools' `Logger` fits. Never pass it an email. */
export interface AppLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

/** What `createSubscriptionApp` needs; the optional ones have defaults. */
export interface SubscriptionAppDeps {
  subscribers: SubscriberStore;
  events: EventStore;
  mailer: Mailer;
  links: LinkBuilder;
  keys: TokenKeys;
  clock: Clock;
  operator: Operator;
  /** The From address of the confirmation mail (a verified SES identity). */
  from: string;
  /** The origin a signup form may be served from besides this app's own (CORS and CSRF checks). */
  siteOrigin: string;
  /** The region's IANA zone, stored on new subscribers. */
  timeZone: string;
  /** Recorded with each consent, so the wording a subscriber agreed to can be found later. */
  formVersion: string;
  /** Default: Powertools Logger, service `netmix-subscriptions`. */
  logger?: AppLogger;
  /** Default: in memory, 1 mail per 10 minutes and 3 per day for each address. */
  throttle?: SendThrottle;
  /** Default: the last `X-Forwarded-For` hop, else the Node socket address. */
  clientIp?: (c: Context) => string | null;
  /** Default: 10 KiB. */
  maxBodyBytes?: number;
  /** Default: 32 random hex digits. */
  newId?: () => string;
}

export type ResolvedDeps = Required<Omit<SubscriptionAppDeps, 'newId'>> & Pick<SubscriptionAppDeps, 'newId'>;

/** Fills in the defaults. */
export function resolveDeps(deps: SubscriptionAppDeps): ResolvedDeps {
  return {
    ...deps,
    logger: deps.logger ?? new Logger({ serviceName: 'netmix-subscriptions' }),
    throttle: deps.throttle ?? createSendThrottle(deps.clock),
    clientIp: deps.clientIp ?? clientIpOf,
    maxBodyBytes: deps.maxBodyBytes ?? 10 * 1024,
  };
}

export type PageStatus = 200 | 202 | 400 | 403 | 404 | 410 | 413 | 415 | 500;

/** Renders `page` in the layout with the operator's name. */
export function pageResponse(c: Context, deps: ResolvedDeps, page: Page, status: PageStatus = 200): Response {
  return c.html(renderPage({ ...page, operatorName: deps.operator.name }), status);
}

export type TokenCheck = { ok: true; subscriberId: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Verifies a link token for `purpose`; every failure but expiry is the same "invalid". */
export function checkToken(deps: ResolvedDeps, token: string, purpose: TokenPurpose): TokenCheck {
  try {
    return { ok: true, subscriberId: verifyToken(deps.keys, token, purpose, deps.clock.now()) };
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    deps.logger.info('link token rejected', { purpose, reason: error.reason });
    return { ok: false, reason: error.reason === 'expired' ? 'expired' : 'invalid' };
  }
}

/**
 * What the routes of the subscription app share: its dependencies with their defaults filled in,
 * and the helpers that turn a page or a link token into a response.
 */
import type { Context } from 'hono';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Clock, DeliveryArchive, EventStore, FeedbackStore, Mailer, SubscriberStore } from '../ports';
import { clientIpOf } from './client-ip';
import type { Operator } from './confirmation-mail';
import { renderPage } from './html';
import type { LinkBuilder } from './links';
import type { Page } from './pages';
import { createDeferredWork, type DeferredWork } from './deferred-work';
import { DEFAULT_DIGEST_SCHEDULE, type DigestSchedule } from './first-digest';
import { createRegionCheck, type RegionCheck } from './region-check';
import type { SignupLimiter } from './signup-limits';
import { InvalidTokenError, readToken, type TokenClaims, type TokenKeys, type TokenPurpose } from './tokens';

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
  /** A subscriber's deliveries, for the preferences page's last digest, export and delete. */
  deliveries: DeliveryArchive;
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
  /** Counts signups against the limits shared by every instance (the limits table). */
  limiter: SignupLimiter;
  /** Where signup mails are sent from after the answer; default: in process, failures logged. */
  deferred?: DeferredWork;
  /** Default: API Gateway's source IP on Lambda, else the socket address; `X-Forwarded-For` is never trusted. */
  clientIp?: (c: Context) => string | null;
  /** Default: 10 KiB. */
  maxBodyBytes?: number;
  /** The deployment's digest day and hour (infra's digestDay/digestHour); default Monday 7 a.m. */
  digestSchedule?: DigestSchedule;
  /** How far a ZIP is from the listed events; default: from the next four weeks of the event store. */
  regionCheck?: RegionCheck;
  /** Default: 32 random hex digits. */
  newId?: () => string;
  /** Where the digest's feedback links record; without it, `/f/…` links answer 404 and the calendar feed has no "going" events. */
  feedback?: FeedbackStore;
}

export type ResolvedDeps = Required<Omit<SubscriptionAppDeps, 'newId' | 'feedback'>> & Pick<SubscriptionAppDeps, 'newId' | 'feedback'>;

/** Fills in the defaults. */
export function resolveDeps(deps: SubscriptionAppDeps): ResolvedDeps {
  const logger = deps.logger ?? new Logger({ serviceName: 'netmix-subscriptions' });
  return {
    ...deps,
    logger,
    deferred: deps.deferred ?? createDeferredWork((error) => { logger.error('signup mail failed', errorAttributes(error)); }),
    clientIp: deps.clientIp ?? clientIpOf,
    maxBodyBytes: deps.maxBodyBytes ?? 10 * 1024,
    digestSchedule: deps.digestSchedule ?? DEFAULT_DIGEST_SCHEDULE,
    regionCheck: deps.regionCheck ?? createRegionCheck(deps.events, deps.clock, deps.timeZone),
  };
}

/** Name and message of an error, never its data (which may hold an address). */
export function errorAttributes(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { errorName: error.name, errorMessage: error.message } : { errorName: typeof error };
}

export type PageStatus = 200 | 202 | 400 | 403 | 404 | 410 | 413 | 415 | 500 | 503;

/** Renders `page` in the layout with the operator's name. */
export function pageResponse(c: Context, deps: ResolvedDeps, page: Page, status: PageStatus = 200): Response {
  return c.html(renderPage({ ...page, operatorName: deps.operator.name }), status);
}

export type TokenCheck = { ok: true; subscriberId: string; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** Verifies a link token for `purpose`; every failure but expiry is the same "invalid". */
export function checkToken(deps: ResolvedDeps, token: string, purpose: TokenPurpose | readonly TokenPurpose[]): TokenCheck {
  try {
    const claims = readToken(deps.keys, token, purpose, deps.clock.now());
    return { ok: true, subscriberId: claims.subscriberId, claims };
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    deps.logger.info('link token rejected', { purpose, reason: error.reason });
    return { ok: false, reason: error.reason === 'expired' ? 'expired' : 'invalid' };
  }
}

/**
 * The subscription app served on 127.0.0.1 over the run's DynamoDB Local and local SES, for the
 * integration and browser tests.
 */
import { randomBytes } from 'node:crypto';
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { Mailer, SubscriberStore } from '../../../shared/ports';
import { findFreePort } from '../../../shared/local/free-port';
import type { StoredMail } from '../../../shared/local/ses-local';
import { createDynamoSignupLimiter, createDynamoStores, type DynamoStores } from '../../../shared/store';
import { createDeferredWork } from '../../../shared/subscriptions/deferred-work';
import { SignupLimitsSchema, UNLIMITED, type SignupLimits } from '../../../shared/subscriptions/signup-limits';
import { createSubscriptionApp, type AppLogger } from '../../../shared/subscriptions/app';
import { createLinkBuilder } from '../../../shared/subscriptions/links';
import { serveSubscriptionApp } from '../../../shared/subscriptions/node-server';
import type { TokenKeys } from '../../../shared/subscriptions/tokens';
import type { LocalServices } from '../../support/local-services';

/** Sends raw MIME through the local SES (SendRawEmail v1, as the SES adapter does in production). */
export function createSesRawMailer(ses: SESClient): Mailer {
  return {
    async sendRaw(message) {
      const output = await ses.send(new SendRawEmailCommand({ RawMessage: { Data: message } }));
      return { messageId: output.MessageId ?? '' };
    },
    maxSendRate: () => Promise.resolve(14),
  };
}

const quietLogger: AppLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface ServedSubscriptionApp {
  url: string;
  subscribers: SubscriberStore;
  /** The run's deliveries table, for the preferences page's last digest, export and delete. */
  deliveries: DynamoStores['deliveries'];
  keys: TokenKeys;
  clock: { now(): Date; advance(ms: number): void };
  /** Resolves once every deferred signup mail has been sent. */
  settle(): Promise<void>;
  /** Mails the local SES holds for `address` (the store is shared by the whole run). */
  mailsTo(address: string): Promise<StoredMail[]>;
  close(): Promise<void>;
}

export interface ServeOptions {
  start?: string;
  /** The signup limits over the run's limits table (default: the defaults); null: no limits. */
  limits?: Partial<SignupLimits> | null;
}

/** Serves a fresh app; its clock starts at `start` and moves only when a test moves it. */
export async function serveAppOverLocalServices(services: LocalServices, options: ServeOptions = {}): Promise<ServedSubscriptionApp> {
  const start = options.start ?? '2026-11-22T12:00:00Z';
  const deferred = createDeferredWork((error) => {
    process.emitWarning(`deferred signup mail failed: ${String(error)}`);
  });
  const limiter =
    options.limits === null
      ? UNLIMITED
      : createDynamoSignupLimiter(services.dynamo, services.tableNames.limits, SignupLimitsSchema.parse(options.limits ?? {}));
  const stores = createDynamoStores(services.dynamo, services.tableNames);
  const keys: TokenKeys = { current: { id: 'it1', secret: randomBytes(32).toString('hex') } };
  let now = new Date(start).getTime();
  const clock = { now: () => new Date(now), advance: (ms: number) => (now += ms) };
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const app = createSubscriptionApp({
    subscribers: stores.subscribers,
    events: stores.events,
    deliveries: stores.deliveries,
    mailer: createSesRawMailer(services.ses),
    links: createLinkBuilder(url, keys),
    keys,
    clock,
    operator: { name: 'Merrimack Valley Career Center', postalAddress: '107 Merrimack St, Lowell, MA 01852' },
    from: 'Netmix <digest@example.org>',
    siteOrigin: url,
    timeZone: 'America/New_York',
    formVersion: 'signup-2026-11',
    logger: quietLogger,
    limiter,
    deferred,
  });
  const served = await serveSubscriptionApp(app, { port, hostname: '127.0.0.1' });
  return {
    url: served.url,
    subscribers: stores.subscribers,
    deliveries: stores.deliveries,
    keys,
    clock: { now: clock.now, advance: (ms) => void clock.advance(ms) },
    settle: () => deferred.idle(),
    mailsTo: async (address) => {
      await deferred.idle();
      return (await services.fetchSesStore()).filter((mail) => mail.destination.to.includes(address));
    },
    close: () => served.close(),
  };
}

/** An address no other test uses, so the shared SES store can be filtered by it. */
export function uniqueAddress(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.com`;
}

/** The first link in a mail's text part under `prefix` (`/confirm/`, `/u/`, `/preferences/`), as a full URL. */
export function linkIn(mail: StoredMail | undefined, baseUrl: string, prefix: string): string {
  const text = mail?.body.text ?? '';
  const escaped = `${baseUrl}${prefix}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`${escaped}[A-Za-z0-9_.-]+`).exec(text);
  if (match === null) throw new Error(`no ${prefix} link in the mail`);
  return match[0];
}

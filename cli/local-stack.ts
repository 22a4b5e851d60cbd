/**
 * Everything the local runner needs beside the sources: DynamoDB Local, the local SES endpoint (with
 * its web viewer), the signing key, and the subscription API on 127.0.0.1 so digest links work.
 */
import { createSesMailer } from '../shared/digest/ses-mailer';
import type { Operator } from '../shared/digest/render';
import { createLocalSesClient } from '../shared/local/aws-clients';
import { onPreferredPort } from '../shared/local/preferred-port';
import { startSesLocal, type SesLocal } from '../shared/local/ses-local';
import type { Mailer } from '../shared/ports';
import { createDynamoSignupLimiter } from '../shared/store/dynamo-signup-limiter';
import { createSubscriptionApp } from '../shared/subscriptions/app';
import { DEFAULT_SIGNUP_LIMITS } from '../shared/subscriptions/signup-limits';
import { createLinkBuilder, type LinkBuilder } from '../shared/subscriptions/links';
import { serveSubscriptionApp, type ServedApp } from '../shared/subscriptions/node-server';
import type { Io } from './io';
import { loadLocalKeys } from './local-keys';
import { openLocalStore, type LocalStore } from './local-runtime';

/** The operator the sample region's digests come from (CAN-SPAM: a real postal address in production). */
export const LOCAL_OPERATOR: Operator = {
  name: 'Merrimack Valley Career Center (sample operator)',
  postalAddress: '107 Merrimack St, Lowell, MA 01852',
};
export const LOCAL_FROM = 'Netmix weekly digest <digest@netmix.example.org>';

export interface LocalStack {
  local: LocalStore;
  ses: SesLocal;
  mailer: Mailer;
  links: LinkBuilder;
  api: ServedApp;
  stop(): Promise<void>;
}

export async function startLocalStack(options: { timeZone: string; io: Io }): Promise<LocalStack> {
  const local = await openLocalStore();
  const stops: (() => Promise<void>)[] = [() => local.stop()];
  const stop = async () => {
    for (const each of stops.reverse()) await each();
  };
  try {
    const ses = await onPreferredPort((port) => startSesLocal(port === undefined ? {} : { port }), 8005);
    stops.push(() => ses.stop());
    const mailer = createSesMailer(createLocalSesClient(ses.endpoint));
    const keys = await loadLocalKeys();
    let links: LinkBuilder = createLinkBuilder('http://127.0.0.1:8787', keys);
    const app = createSubscriptionApp({
      subscribers: local.stores.subscribers,
      events: local.stores.events,
      feedback: local.stores.feedback,
      deliveries: local.stores.deliveries,
      mailer,
      // The API's own base URL is known only once it listens; resolve links lazily.
      links: {
        confirmUrl: (id, now, version) => links.confirmUrl(id, now, version),
        unsubscribeUrl: (id, now, signOptions) => links.unsubscribeUrl(id, now, signOptions),
        preferencesUrl: (id, now, signOptions) => links.preferencesUrl(id, now, signOptions),
        eventIcsUrl: (id) => links.eventIcsUrl(id),
        feedbackUrls: (id, eventId, now) => links.feedbackUrls(id, eventId, now),
        calendarFeedUrl: (id, generation, now) => links.calendarFeedUrl(id, generation, now),
      },
      keys,
      clock: { now: options.io.now },
      operator: LOCAL_OPERATOR,
      from: LOCAL_FROM,
      siteOrigin: 'http://127.0.0.1:8787',
      timeZone: options.timeZone,
      formVersion: 'local-1',
      // The same limits table and defaults as on AWS; the local server trusts no X-Forwarded-For.
      limiter: createDynamoSignupLimiter(local.client, local.tableNames.limits, DEFAULT_SIGNUP_LIMITS),
    });
    const api = await onPreferredPort((port) => serveSubscriptionApp(app, port === undefined ? {} : { port }), 8787);
    stops.push(() => api.close());
    links = createLinkBuilder(api.url, keys);
    return { local, ses, mailer, links, api, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

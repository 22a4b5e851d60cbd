/**
 * Everything the local runner needs beside the sources: DynamoDB Local, the local SES endpoint (with
 * its web viewer), the signing key, and the subscription API on 127.0.0.1 so digest links work.
 * Beside a running `npm start`, a command uses that one's servers instead of starting its own.
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
import { serveSubscriptionApp } from '../shared/subscriptions/node-server';
import type { Io } from './io';
import { loadLocalKeys } from './local-keys';
import { openLocalStore, type LocalStore } from './local-runtime';
import { findRunningStack, writeRunningStack } from './local-runtime-file';

/** The sample region's operator (as in sample/sources.json), for previews that have no region. */
export const LOCAL_OPERATOR: Operator = {
  name: 'Merrimack Valley Career Center (sample operator)',
  postalAddress: '107 Merrimack St, Lowell, MA 01852',
};
export const LOCAL_FROM = 'Netmix weekly digest <digest@netmix.example.org>';

/** `npm start` while another `npm start` holds the local store. */
export class LocalStackBusyError extends Error {
  override readonly name = 'LocalStackBusyError';
}

export interface LocalStack {
  local: LocalStore;
  /** The SES endpoint and its mail viewer (this process's, or the running `npm start`'s). */
  ses: Pick<SesLocal, 'endpoint' | 'viewerUrl'>;
  mailer: Mailer;
  links: LinkBuilder;
  /** The subscription API's base URL, where digest links point. */
  apiUrl: string;
  /** True when these are a running `npm start`'s servers, not this process's. */
  attached: boolean;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  timeZone: string;
  io: Io;
  /** Who the subscription API's mail comes from; the sample operator when absent. */
  operator?: Operator;
  /**
   * `npm start`: always start our own servers and record them in `.netmix/local.json` for other
   * commands. Without it, a running `npm start`'s servers are used when there is one.
   */
  publish?: boolean;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const running = options.publish === true ? null : await findRunningStack();
  if (running !== null) {
    const local = await openLocalStore(running);
    return {
      local,
      ses: { endpoint: running.sesEndpoint, viewerUrl: running.sesViewerUrl },
      mailer: createSesMailer(createLocalSesClient(running.sesEndpoint)),
      links: createLinkBuilder(running.apiUrl, await loadLocalKeys()),
      apiUrl: running.apiUrl,
      attached: true,
      stop: () => local.stop(),
    };
  }
  // A second `npm start` must not share the first one's data directory: stop here and say so.
  if (options.publish === true) {
    const other = await findRunningStack();
    if (other !== null && other.pid !== process.pid) {
      throw new LocalStackBusyError(`another \`npm start\` (pid ${other.pid}) is running with this store; stop it first (Ctrl-C in its terminal)`);
    }
  }
  const local = await openLocalStore(null);
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
      operator: options.operator ?? LOCAL_OPERATOR,
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
    if (options.publish === true) {
      const unpublish = await writeRunningStack(
        { dynamoEndpoint: local.endpoint, sesEndpoint: ses.endpoint, sesViewerUrl: ses.viewerUrl, apiUrl: api.url },
        options.io.now(),
      );
      // Runs first on stop: no command should find servers that are going away.
      stops.push(unpublish);
    }
    return { local, ses, mailer, links, apiUrl: api.url, attached: false, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

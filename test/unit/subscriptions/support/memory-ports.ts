/**
 * In-memory stand-ins for the ports, for the pure unit tests of the subscription app. They parse
 * with the same zod schemas as the DynamoDB stores, so an invalid write fails here too; the
 * integration tests run the same flows against DynamoDB Local and local SES.
 */
import { EventSchema, type Event } from '../../../../shared/model/event';
import { EmailSchema, PreferencesSchema, SubscriberSchema, type Subscriber } from '../../../../shared/model/subscriber';
import type { Clock, EventStore, Mailer, SubscriberStore } from '../../../../shared/ports';
import { createLinkBuilder } from '../../../../shared/subscriptions/links';
import type { TokenKeys } from '../../../../shared/subscriptions/tokens';
import type { AppLogger, SubscriptionAppDeps } from '../../../../shared/subscriptions/app';

export function createMemorySubscriberStore(): SubscriberStore & { all(): Subscriber[] } {
  const byId = new Map<string, Subscriber>();
  const mustGet = (id: string): Subscriber => {
    const found = byId.get(id);
    if (!found) throw new Error(`no subscriber ${id}`);
    return found;
  };
  return {
    all: () => [...byId.values()],
    put: (subscriber) => {
      byId.set(subscriber.id, SubscriberSchema.parse(subscriber));
      return Promise.resolve();
    },
    get: (id) => Promise.resolve(byId.get(id) ?? null),
    getByEmail: (email) => {
      const normalised = EmailSchema.parse(email);
      return Promise.resolve([...byId.values()].find((s) => s.email === normalised) ?? null);
    },
    listActive: () => Promise.resolve([...byId.values()].filter((s) => s.status === 'active')),
    setStatus: (id, status, now) => {
      byId.set(id, { ...mustGet(id), status, updatedAt: now.toISOString() });
      return Promise.resolve();
    },
    updatePreferences: (id, preferences, now) => {
      const { lat, lon, placeName } = preferences;
      byId.set(
        id,
        SubscriberSchema.parse({ ...mustGet(id), ...PreferencesSchema.parse(preferences), lat, lon, placeName, updatedAt: now.toISOString() }),
      );
      return Promise.resolve();
    },
  };
}

export function createMemoryEventStore(events: Event[]): EventStore {
  const byId = new Map(events.map((event) => [event.id, EventSchema.parse(event)]));
  return {
    syncSourceEvents: () => Promise.reject(new Error('not used by the subscription app')),
    listBySource: () => Promise.resolve([]),
    listStartingBetween: () => Promise.resolve([]),
    get: (id) => Promise.resolve(byId.get(id) ?? null),
  };
}

/** Keeps every raw message it is asked to send. */
export function createRecordingMailer(): Mailer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return {
    sent,
    sendRaw: (message) => {
      sent.push(message);
      return Promise.resolve({ messageId: `m-${sent.length}` });
    },
    maxSendRate: () => Promise.resolve(14),
  };
}

export function createManualClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Keeps every log line as JSON text, so a test can search it for an address. */
export function createRecordingLogger(): AppLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, attributes: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...attributes }));
  };
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

export const TEST_KEYS: TokenKeys = { current: { id: 'k1', secret: 'unit-test-secret-with-enough-entropy' } };
export const BASE_URL = 'https://subscribe.example.org';
export const SITE_ORIGIN = 'https://events.example.org';

export interface TestHarness {
  deps: SubscriptionAppDeps;
  subscribers: ReturnType<typeof createMemorySubscriberStore>;
  mailer: ReturnType<typeof createRecordingMailer>;
  clock: ReturnType<typeof createManualClock>;
  logger: ReturnType<typeof createRecordingLogger>;
}

/** The app's dependencies over in-memory ports, at 2026-11-22T12:00:00Z. */
export function createHarness(events: Event[] = []): TestHarness {
  const subscribers = createMemorySubscriberStore();
  const mailer = createRecordingMailer();
  const clock = createManualClock('2026-11-22T12:00:00Z');
  const logger = createRecordingLogger();
  return {
    subscribers,
    mailer,
    clock,
    logger,
    deps: {
      subscribers,
      events: createMemoryEventStore(events),
      mailer,
      links: createLinkBuilder(BASE_URL, TEST_KEYS),
      keys: TEST_KEYS,
      clock,
      operator: { name: 'Merrimack Valley Career Center', postalAddress: '107 Merrimack St, Lowell, MA 01852' },
      from: 'Netmix <digest@example.org>',
      siteOrigin: SITE_ORIGIN,
      timeZone: 'America/New_York',
      formVersion: 'signup-2026-11',
      logger,
    },
  };
}

/** A stored subscriber in `status`, for the given address. */
export function subscriberFixture(overrides: Partial<Subscriber> & Pick<Subscriber, 'id' | 'email' | 'status'>): Subscriber {
  return SubscriberSchema.parse({
    zip: '01852',
    radiusMiles: 25,
    mix: 'balanced',
    interests: [],
    targetEmployers: [],
    online: true,
    digestSize: 8,
    lat: 42.6344,
    lon: -71.2983,
    placeName: 'Lowell',
    timeZone: 'America/New_York',
    consent: null,
    createdAt: '2026-10-01T12:00:00.000Z',
    updatedAt: '2026-10-01T12:00:00.000Z',
    ...overrides,
  });
}

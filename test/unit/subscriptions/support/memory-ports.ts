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
import { createDeferredWork, type DeferredWork } from '../../../../shared/subscriptions/deferred-work';
import { DEFAULT_SIGNUP_LIMITS, inboxKey, type SignupLimiter, type SignupLimits } from '../../../../shared/subscriptions/signup-limits';

/** The same one-subscriber-per-address and state-version rules as the DynamoDB store, in a Map. */
export function createMemorySubscriberStore(): SubscriberStore & { all(): Subscriber[] } {
  const byId = new Map<string, { subscriber: Subscriber; version: number }>();
  // Erased addresses (the DynamoDB store keeps only their hash) and whether each is suppressed.
  const erased = new Map<string, boolean>();
  const mustGet = (id: string): { subscriber: Subscriber; version: number } => {
    const found = byId.get(id);
    if (!found) throw new Error(`no subscriber ${id}`);
    return found;
  };
  const ownerOf = (email: string) => [...byId.values()].find((entry) => entry.subscriber.email === email);
  const change = (id: string, values: Partial<Subscriber>, bump: boolean) => {
    const entry = mustGet(id);
    byId.set(id, { subscriber: SubscriberSchema.parse({ ...entry.subscriber, ...values }), version: entry.version + (bump ? 1 : 0) });
  };
  return {
    all: () => [...byId.values()].map((entry) => entry.subscriber),
    create: (subscriber) => {
      const parsed = SubscriberSchema.parse(subscriber);
      if (byId.has(parsed.id) || ownerOf(parsed.email)) return Promise.resolve('exists');
      byId.set(parsed.id, { subscriber: parsed, version: 0 });
      return Promise.resolve('created');
    },
    put: (subscriber) => {
      const parsed = SubscriberSchema.parse(subscriber);
      const owner = ownerOf(parsed.email);
      if (owner && owner.subscriber.id !== parsed.id) return Promise.reject(new Error('address taken'));
      byId.set(parsed.id, { subscriber: parsed, version: (byId.get(parsed.id)?.version ?? -1) + 1 });
      return Promise.resolve();
    },
    get: (id) => Promise.resolve(byId.get(id)?.subscriber ?? null),
    getByEmail: (email) => Promise.resolve(ownerOf(EmailSchema.parse(email))?.subscriber ?? null),
    getVersioned: (id) => Promise.resolve(byId.get(id) ?? null),
    getVersionedByEmail: (email) => Promise.resolve(ownerOf(EmailSchema.parse(email)) ?? null),
    listActive: () => Promise.resolve([...byId.values()].map((entry) => entry.subscriber).filter((s) => s.status === 'active')),
    setStatus: (id, status, now) => {
      change(id, { status, updatedAt: now.toISOString() }, true);
      return Promise.resolve();
    },
    confirm: (id, version, consent, now) => {
      const entry = byId.get(id);
      if (!entry || entry.version !== version || !['pending', 'unsubscribed'].includes(entry.subscriber.status)) return Promise.resolve(false);
      change(id, { status: 'active', consent, updatedAt: now.toISOString() }, true);
      return Promise.resolve(true);
    },
    // Nothing expires in memory: only whether the subscriber is pending is answered.
    extendPending: (subscriber) => Promise.resolve(byId.get(subscriber.id)?.subscriber.status === 'pending'),
    updatePreferences: (id, preferences, now) => {
      const { lat, lon, placeName } = preferences;
      change(id, { ...PreferencesSchema.parse(preferences), lat, lon, placeName, updatedAt: now.toISOString() }, false);
      return Promise.resolve();
    },
    delete: (id) => {
      byId.delete(id);
      return Promise.resolve();
    },
    renewCalendar: (id, now) => {
      const generation = mustGet(id).subscriber.calendarGeneration + 1;
      change(id, { calendarGeneration: generation, updatedAt: now.toISOString() }, false);
      return Promise.resolve(generation);
    },
    annotate: (id, values, now) => {
      change(id, { ...values, updatedAt: now.toISOString() }, false);
      return Promise.resolve();
    },
    erase: (id) => {
      const { subscriber } = mustGet(id);
      byId.delete(id);
      erased.set(subscriber.email, (erased.get(subscriber.email) ?? false) || subscriber.status === 'suppressed');
      return Promise.resolve();
    },
    suppressErased: (email) => {
      const key = EmailSchema.parse(email);
      if (!erased.has(key)) return Promise.resolve(false);
      erased.set(key, true);
      return Promise.resolve(true);
    },
    isErasedSuppressed: (email) => Promise.resolve(erased.get(EmailSchema.parse(email)) ?? false),
    ping: () => Promise.resolve(),
  };
}

/**
 * The DynamoDB limiter's rules over Maps (1 mail per interval and N a day per inbox, M an hour per
 * client, G an hour in all), for the pure unit tests; the integration tests use the real table.
 */
export function createMemoryLimiter(limits: SignupLimits = DEFAULT_SIGNUP_LIMITS): SignupLimiter {
  const counts = new Map<string, number>();
  const last = new Map<string, number>();
  const take = (key: string, max: number): boolean => {
    const n = counts.get(key) ?? 0;
    if (n >= max) return false;
    counts.set(key, n + 1);
    return true;
  };
  return {
    admit: ({ address, clientIp }, now) => {
      const s = Math.floor(now.getTime() / 1000);
      const inbox = inboxKey(address);
      const previous = last.get(inbox);
      // In order, each counted only when the ones before admitted, as in the DynamoDB limiter.
      if (!take(`client#${clientIp ?? 'unknown'}#${s - (s % 3600)}`, limits.perClientPerHour)) return Promise.resolve(false);
      if (previous !== undefined && previous > s - limits.perAddressIntervalMinutes * 60) return Promise.resolve(false);
      last.set(inbox, s);
      if (!take(`day#${inbox}#${s - (s % 86400)}`, limits.perAddressPerDay)) return Promise.resolve(false);
      return Promise.resolve(take(`global#${s - (s % 3600)}`, limits.globalPerHour));
    },
  };
}

export function createMemoryEventStore(events: Event[]): EventStore {
  const byId = new Map(events.map((event) => [event.id, EventSchema.parse(event)]));
  return {
    syncSourceEvents: () => Promise.reject(new Error('not used by the subscription app')),
    listBySource: () => Promise.resolve([]),
    listStartingBetween: (from, to) => Promise.resolve([...byId.values()].filter((event) => event.startDate >= from && event.startDate <= to)),
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
  /** Where the app defers signup mails: await `settle()` before looking at `mailer.sent`. */
  deferred: DeferredWork;
  settle(): Promise<void>;
}

/** The app's dependencies over in-memory ports, at 2026-11-22T12:00:00Z. */
export function createHarness(events: Event[] = []): TestHarness {
  const subscribers = createMemorySubscriberStore();
  const mailer = createRecordingMailer();
  const clock = createManualClock('2026-11-22T12:00:00Z');
  const logger = createRecordingLogger();
  const deferred = createDeferredWork((error) => {
    throw error;
  });
  return {
    subscribers,
    mailer,
    clock,
    logger,
    deferred,
    settle: () => deferred.idle(),
    deps: {
      limiter: createMemoryLimiter(),
      deferred,
      subscribers,
      events: createMemoryEventStore(events),
      // No digest has been sent in the unit tests; the DynamoDB archive is tested against DynamoDB Local.
      deliveries: { listFor: () => Promise.resolve([]), deleteFor: () => Promise.resolve(0) },
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

/** What the digest integration tests (and the crash test's child process) share: people, a week of events, links, config. */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StoredMail } from '../../../../shared/local/ses-local';
import type { Event } from '../../../../shared/model/event';
import type { Subscriber } from '../../../../shared/model/subscriber';
import { createDynamoStores, createTables, tableNamesWithPrefix, type DynamoStores, type TableNames } from '../../../../shared/store';
import { createLinkBuilder } from '../../../../shared/subscriptions/links';
import { eveningOf, hex32, LOWELL, makeEvent, seriesWord } from '../../../unit/digest/make-event';
import { OPERATOR } from '../../../unit/digest/sample-digest';

export const links = createLinkBuilder('https://api.example.org', { current: { id: 'k1', secret: 'test-secret-of-sufficient-length' } });
// Sun 2026-11-29 12:00 EST (−5) = 17:00Z: the run before the Mon Nov 30 digest.
export const RUN_AT = new Date('2026-11-29T17:00:00.000Z');
export const clock = { now: () => RUN_AT };
export const config = { from: 'Netmix <digest@netmix.example>', operator: OPERATOR, windowDays: 7 as const, date: '2026-11-30', timeZone: 'America/New_York' };

/** An active subscriber in Lowell; `tag` keeps addresses unique in the run's shared local SES. */
export function subscriber(tag: string, name: string, overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    id: hex32(`${tag}-${name}`),
    email: `${name}.${tag}@example.net`,
    status: 'active',
    zip: '01852',
    radiusMiles: 25,
    mix: 'balanced',
    fields: [],
    interests: [],
    targetEmployers: [],
    online: true,
    digestSize: 8,
    lat: LOWELL.lat,
    lon: LOWELL.lon,
    placeName: 'Lowell',
    timeZone: 'America/New_York',
    consent: { at: '2026-11-01T12:00:00.000Z', ip: null, userAgent: null, formVersion: 'v1' },
    pausedUntil: null,
    calendarGeneration: 0,
    createdAt: '2026-11-01T12:00:00.000Z',
    updatedAt: '2026-11-01T12:00:00.000Z',
    ...overrides,
  };
}

/** Nine evening events over Nov 30 – Dec 6 2026, three for job seekers. */
export function weekOfEvents(tag: string): Event[] {
  return Array.from({ length: 9 }, (_, i) =>
    makeEvent(`${tag}-ev-${i}`, {
      ...eveningOf(i % 7),
      // A word per event keeps each its own series (a digest holds one meeting of a series).
      title: `${i % 3 === 0 ? 'Job Club' : 'Chapter Meeting'} ${tag} ${seriesWord(String(i))}`,
      audience: i % 3 === 0 ? 'job-seeker' : 'professional',
      organizer: `Org ${i}`,
      sources: [{ id: 'src-a', name: 'Source A', uid: `${tag}-${i}` }],
    }),
  );
}

/** Stores the week's events and `people`. */
export async function seed(stores: DynamoStores, tag: string, people: Subscriber[]): Promise<void> {
  await stores.events.syncSourceEvents('src-a', weekOfEvents(tag), clock.now());
  for (const person of people) await stores.subscribers.put(person);
}

/** A new set of tables (fresh prefix) so a case never sees another's deliveries. */
export async function freshStores(dynamo: DynamoDBClient): Promise<{ stores: DynamoStores; names: TableNames }> {
  const names = tableNamesWithPrefix(`d${randomBytes(5).toString('hex')}`);
  await createTables(dynamo, names);
  return { stores: createDynamoStores(dynamo, names), names };
}

/** The mails among `all` addressed to any of `addresses`. */
export function mailsFor(all: readonly StoredMail[], addresses: readonly string[]): StoredMail[] {
  return all.filter((mail) => mail.destination.to.some((to) => addresses.some((address) => to.includes(address))));
}

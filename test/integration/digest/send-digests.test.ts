import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSesMailer } from '../../../shared/digest/ses-mailer';
import { sendDigests, SKIP_ALREADY_SENT, SKIP_NO_EVENTS, type SendDigestsDeps } from '../../../shared/digest/send-digests';
import type { StoredMail } from '../../../shared/local/ses-local';
import { MailerThrottledError, type Mailer } from '../../../shared/ports';
import type { DynamoStores } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { clock, config, freshStores as fresh, links, mailsFor, seed, subscriber } from './support/digest-fixtures';

let services: LocalServices;
beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

async function freshStores(): Promise<DynamoStores> {
  return (await fresh(services.dynamo)).stores;
}

async function mailsTo(addresses: readonly string[]): Promise<StoredMail[]> {
  return mailsFor(await services.fetchSesStore(), addresses);
}

function deps(stores: DynamoStores, mailer: Mailer, sleeps: number[] = []): SendDigestsDeps {
  return {
    ...stores,
    mailer,
    links,
    clock,
    // The clock stands still, so pacing and backoff waits are recorded instead of slept.
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
}

describe('sendDigests against DynamoDB Local and local SES', () => {
  it('mails each active subscriber once, with both parts, both one-click headers and the postal address', async () => {
    const tag = randomBytes(4).toString('hex');
    const stores = await freshStores();
    const ann = subscriber(tag, 'ann');
    const far = subscriber(tag, 'far', { lat: 40.71, lon: -74.0, online: false, placeName: 'New York' });
    const pending = subscriber(tag, 'pending', { status: 'pending' });
    const gone = subscriber(tag, 'gone', { status: 'unsubscribed' });
    await seed(stores, tag, [ann, far, pending, gone]);
    const mailer = createSesMailer(services.ses);

    const summary = await sendDigests(deps(stores, mailer), config);

    expect(summary).toMatchObject({ isoWeek: '2026-W49', sent: 1, failed: 0, subscribers: 2 });
    expect(summary.skipped).toEqual([{ reason: SKIP_NO_EVENTS, count: 1 }]);
    const mails = await mailsTo([ann.email, far.email, pending.email, gone.email]);
    expect(mails.map((mail) => mail.destination.to)).toEqual([[ann.email]]);
    const mail = mails[0];
    // 9 events: 3 job-seeker (i = 0, 3, 6) and 6 professional; balanced size 8 takes 3 + 5.
    expect(mail?.subject).toBe('8 networking events near Lowell, Nov 30 – Dec 6');
    expect(mail?.body.text).toContain('107 Merrimack St');
    expect(mail?.body.html).toContain('107 Merrimack St');
    expect(mail?.body.html).toContain('For your job search');
    const headers = mail?.headers ?? [];
    const unsubscribe = headers.filter((header) => header.name.toLowerCase() === 'list-unsubscribe');
    expect(unsubscribe).toHaveLength(1);
    expect(unsubscribe[0]?.value).toMatch(/^<https:\/\/api\.example\.org\/u\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(headers.filter((header) => header.name.toLowerCase() === 'list-unsubscribe-post').map((header) => header.value)).toEqual([
      'List-Unsubscribe=One-Click',
    ]);
    const delivery = await stores.deliveries.previous(ann.id, '2026-W50');
    expect(delivery?.messageId).toBe(mail?.messageId);
    expect(delivery?.events).toHaveLength(8);
  });

  it('leaves out events that already started when the digest goes out mid-week', async () => {
    const tag = randomBytes(4).toString('hex');
    const stores = await freshStores();
    const person = subscriber(tag, 'joy');
    await seed(stores, tag, [person]);
    // Wed 2026-12-02 12:00 EST (−5) = 17:00Z: the Mon and Tue evenings (23:00Z Nov 30, Dec 1) are over.
    const midWeek = { now: () => new Date('2026-12-02T17:00:00.000Z') };
    const summary = await sendDigests({ ...deps(stores, createSesMailer(services.ses)), clock: midWeek }, config);
    expect(summary.sent).toBe(1);
    const delivery = await stores.deliveries.previous(person.id, '2026-W50');
    const sent = await Promise.all((delivery?.events ?? []).map((item) => stores.events.get(item.id)));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((event) => event !== null && event.start >= '2026-12-02T17:00:00.000Z')).toBe(true);
  });

  it('sends nothing new when the same week runs twice', async () => {
    const tag = randomBytes(4).toString('hex');
    const stores = await freshStores();
    const people = [subscriber(tag, 'bo'), subscriber(tag, 'cy')];
    await seed(stores, tag, people);
    const mailer = createSesMailer(services.ses);

    const first = await sendDigests(deps(stores, mailer), config);
    const second = await sendDigests(deps(stores, mailer), config);

    expect(first.sent).toBe(2);
    expect(second.sent).toBe(0);
    expect(second.skipped).toEqual([{ reason: SKIP_ALREADY_SENT, count: 2 }]);
    expect(await mailsTo(people.map((person) => person.email))).toHaveLength(2);
  });

  it('ends with every subscriber mailed exactly once when SES throttles the first sends', async () => {
    const tag = randomBytes(4).toString('hex');
    const stores = await freshStores();
    const people = ['dee', 'eli', 'fay', 'gus'].map((name) => subscriber(tag, name));
    await seed(stores, tag, people);
    const real = createSesMailer(services.ses, { maxSendRate: 2 });
    // The one mock in this file: local SES never throttles, so a wrapper injects that fault.
    let throttlesLeft = 5;
    let calls = 0;
    const throttling: Mailer = {
      maxSendRate: () => real.maxSendRate(),
      sendRaw: async (message) => {
        calls += 1;
        if (throttlesLeft > 0) {
          throttlesLeft -= 1;
          throw new MailerThrottledError('Maximum sending rate exceeded.');
        }
        return real.sendRaw(message);
      },
    };
    const sleeps: number[] = [];

    const summary = await sendDigests(deps(stores, throttling, sleeps), config);

    expect(summary).toMatchObject({ sent: 4, failed: 0 });
    expect(calls).toBe(9);
    const mails = await mailsTo(people.map((person) => person.email));
    expect(mails.map((mail) => mail.destination.to[0]).sort()).toEqual(people.map((person) => person.email).sort());
    // Backoff after each of the first subscriber's throttles: 1, 2, 4, 8, 16 s.
    expect(sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000, 8000, 16000]);
    // Pacing at 2/s with a standing clock: every send after the first waits 500 ms.
    expect(sleeps.filter((ms) => ms === 500)).toHaveLength(8);
  });

  it('releases the claim when throttling outlasts the attempts, so a later run can send', async () => {
    const tag = randomBytes(4).toString('hex');
    const stores = await freshStores();
    const person = subscriber(tag, 'hal');
    await seed(stores, tag, [person]);
    const real = createSesMailer(services.ses);
    // Injected fault again: always throttled.
    const alwaysThrottled: Mailer = { maxSendRate: () => real.maxSendRate(), sendRaw: () => Promise.reject(new MailerThrottledError('Daily message quota exceeded.')) };

    const failed = await sendDigests(deps(stores, alwaysThrottled), { ...config, maxAttempts: 3 });
    expect(failed).toMatchObject({ sent: 0, failed: 1 });
    expect(failed.failures[0]?.error).toBe('MailerThrottledError: Daily message quota exceeded.');

    const retried = await sendDigests(deps(stores, real), config);
    expect(retried.sent).toBe(1);
    expect(await mailsTo([person.email])).toHaveLength(1);
  });

  it('renders but neither claims nor sends in a dry run', async () => {
    const tag = randomBytes(4).toString('hex');
    const stores = await freshStores();
    const person = subscriber(tag, 'ivy');
    await seed(stores, tag, [person]);
    const outbox: string[] = [];
    const summary = await sendDigests({ ...deps(stores, createSesMailer(services.ses)), outbox: (id) => Promise.resolve(void outbox.push(id)) }, { ...config, dryRun: true });
    expect(summary.sent).toBe(0);
    expect(outbox).toEqual([person.id]);
    expect(await mailsTo([person.email])).toHaveLength(0);
    expect((await stores.deliveries.lookup(person.id, '2026-W49')).current).toBeNull();
  });
});

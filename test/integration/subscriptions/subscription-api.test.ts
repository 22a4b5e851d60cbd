import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSesFeedback } from '../../../shared/subscriptions/ses-feedback';
import { signToken } from '../../../shared/subscriptions/tokens';
import { newSubscriberId } from '../../../shared/subscriptions/signup';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { linkIn, serveAppOverLocalServices, uniqueAddress, type ServedSubscriptionApp } from './served-app';

let services: LocalServices;
let served: ServedSubscriptionApp;

beforeAll(async () => {
  services = await useLocalServices();
  served = await serveAppOverLocalServices(services);
}, LOCAL_SERVICES_TIMEOUT_MS);

afterAll(async () => {
  await served.close();
});

function signupBody(email: string): string {
  return new URLSearchParams([
    ['email', email],
    ['zip', '01852'],
    ['radiusMiles', '20'],
    ['mix', 'balanced'],
    ['online', 'yes'],
    ['digestSize', '8'],
  ]).toString();
}

async function signUp(email: string): Promise<Response> {
  return fetch(`${served.url}/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: served.url },
    body: signupBody(email),
  });
}

/** Signs `email` up and confirms it through the mailed link; returns the subscriber id. */
async function activeSubscriber(label: string): Promise<{ id: string; email: string }> {
  const email = uniqueAddress(label);
  await signUp(email);
  const [mail] = await served.mailsTo(email);
  await fetch(linkIn(mail, served.url, '/confirm/'), { method: 'POST', headers: { origin: served.url } });
  const subscriber = await served.subscribers.getByEmail(email);
  if (subscriber?.status !== 'active') throw new Error('setup: the subscriber did not become active');
  return { id: subscriber.id, email };
}

describe('subscription API over DynamoDB Local and local SES', () => {
  it('signs up as pending with exactly one confirmation mail; GET confirm leaves it pending; POST makes it active with consent', async () => {
    const email = uniqueAddress('signup');
    const response = await signUp(email);
    expect(response.status).toBe(202);
    expect(await served.subscribers.getByEmail(email)).toMatchObject({ status: 'pending', zip: '01852', placeName: 'Lowell', radiusMiles: 20 });

    const mails = await served.mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Confirm your weekly networking events email');
    const confirmUrl = linkIn(mails[0], served.url, '/confirm/');

    const page = await fetch(confirmUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Confirm subscription</button>');
    expect((await served.subscribers.getByEmail(email))?.status).toBe('pending');

    const confirmed = await fetch(confirmUrl, { method: 'POST', headers: { origin: served.url, 'user-agent': 'IntegrationTest/1.0' } });
    expect(confirmed.status).toBe(200);
    expect((await served.subscribers.getByEmail(email))).toMatchObject({
      status: 'active',
      // No X-Forwarded-For on a direct connection: the socket address is the evidence.
      consent: { at: '2026-11-22T12:00:00.000Z', ip: '127.0.0.1', userAgent: 'IntegrationTest/1.0', formVersion: 'signup-2026-11' },
    });
    expect(await served.mailsTo(email)).toHaveLength(1);
  });

  it('unsubscribes only on POST: a urlencoded one-click body answers 200 without Location', async () => {
    const { id } = await activeSubscriber('oneclick');
    const url = `${served.url}/u/${signToken(served.keys, id, 'unsubscribe', served.clock.now())}`;
    expect((await fetch(url)).status).toBe(200);
    expect((await served.subscribers.get(id))?.status).toBe('active');
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await served.subscribers.get(id))?.status).toBe('unsubscribed');
  });

  it('unsubscribes with a multipart one-click body too', async () => {
    const { id } = await activeSubscriber('multipart');
    const form = new FormData();
    form.append('List-Unsubscribe', 'One-Click');
    const response = await fetch(`${served.url}/u/${signToken(served.keys, id, 'unsubscribe', served.clock.now())}`, {
      method: 'POST',
      redirect: 'manual',
      body: form,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect((await served.subscribers.get(id))?.status).toBe('unsubscribed');
  });

  it('refuses a tampered token with 404 and leaves the subscriber active', async () => {
    const { id } = await activeSubscriber('tampered');
    const token = signToken(served.keys, id, 'unsubscribe', served.clock.now());
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    const response = await fetch(`${served.url}/u/${tampered}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(404);
    expect((await served.subscribers.get(id))?.status).toBe('active');
  });

  it('honours an unsubscribe token issued 31 days ago (EM-31)', async () => {
    const { id } = await activeSubscriber('old-token');
    const issued = new Date(served.clock.now().getTime() - 31 * 86_400_000);
    const response = await fetch(`${served.url}/u/${signToken(served.keys, id, 'unsubscribe', issued)}`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect((await served.subscribers.get(id))?.status).toBe('unsubscribed');
  });

  it('answers a suppressed address with the same 202 and body as a new one, and mails it nothing (SEC-04, SEC-05)', async () => {
    const suppressed = uniqueAddress('suppressed');
    const now = served.clock.now().toISOString();
    await served.subscribers.put({
      id: newSubscriberId(),
      email: suppressed,
      status: 'suppressed',
      zip: '01852',
      radiusMiles: 25,
      mix: 'balanced',
      fields: [],
      interests: [],
      targetEmployers: [],
      online: true,
      digestSize: 8,
      lat: 42.6344,
      lon: -71.2983,
      placeName: 'Lowell',
      timeZone: 'America/New_York',
      consent: null,
      pausedUntil: null,
      calendarGeneration: 0,
      createdAt: now,
      updatedAt: now,
    });
    const fresh = uniqueAddress('fresh');
    const [forSuppressed, forFresh] = await Promise.all([signUp(suppressed), signUp(fresh)]);
    expect(forSuppressed.status).toBe(202);
    expect(forFresh.status).toBe(202);
    expect(await forSuppressed.text()).toBe(await forFresh.text());
    expect(await served.mailsTo(suppressed)).toHaveLength(0);
    expect(await served.mailsTo(fresh)).toHaveLength(1);
    expect((await served.subscribers.getByEmail(suppressed))?.status).toBe('suppressed');
  });

  it('suppresses the subscriber named in an SNS-delivered SES permanent bounce', async () => {
    const { id, email } = await activeSubscriber('bounced');
    const template = readFileSync(new URL('../../unit/subscriptions/ses-notifications/sns-envelope-bounce.json', import.meta.url), 'utf8');
    // The recorded envelope names jane@example.com inside its JSON-string Message; point it at our subscriber.
    const message = template.replaceAll('jane@example.com', email);
    const result = await handleSesFeedback(message, { subscribers: served.subscribers, clock: served.clock });
    expect(result).toMatchObject({ outcome: 'suppressed', kind: 'bounce', suppressedIds: [id] });
    expect((await served.subscribers.get(id))?.status).toBe('suppressed');
  });
});

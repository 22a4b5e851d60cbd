import { describe, expect, it } from 'vitest';
import type { SubscriberStatus } from '../../../shared/model/subscriber';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { signToken, type TokenPurpose } from '../../../shared/subscriptions/tokens';
import { createHarness, subscriberFixture, TEST_KEYS } from './support/memory-ports';

const ID = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const ROUTE: Record<'confirm' | 'unsubscribe' | 'preferences', string> = { confirm: '/confirm/', unsubscribe: '/u/', preferences: '/preferences/' };

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(headers).entries());
}

async function setup(status: SubscriberStatus) {
  const h = createHarness();
  await h.subscribers.put(subscriberFixture({ id: ID, email: 'lee@example.com', status }));
  const app = createSubscriptionApp(h.deps);
  const token = (purpose: TokenPurpose, at = h.clock.now()) => signToken(TEST_KEYS, ID, purpose, at);
  const post = (path: string, init: RequestInit = {}) =>
    app.request(path, { method: 'POST', ...init, headers: { origin: 'http://localhost', ...headerRecord(init.headers) } });
  return { h, app, token, post, status: async () => (await h.subscribers.get(ID))?.status };
}

describe('link routes accept only a genuine token for their own purpose (SEC-01, EM-14)', () => {
  const purposes = ['confirm', 'unsubscribe', 'preferences'] as const;
  for (const route of purposes) {
    for (const purpose of purposes.filter((p) => p !== route)) {
      it(`refuses a ${purpose} token on ${ROUTE[route]} (GET and POST) and changes nothing`, async () => {
        const s = await setup(route === 'confirm' ? 'pending' : 'active');
        const before = await s.status();
        const path = ROUTE[route] + s.token(purpose);
        expect((await s.app.request(path)).status).toBe(404);
        const response = await s.post(path, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'zip=02139' });
        expect(response.status).toBe(404);
        expect(await s.status()).toBe(before);
      });
    }
  }

  it('refuses a tampered unsubscribe token and leaves the subscriber active', async () => {
    const s = await setup('active');
    const token = s.token('unsubscribe');
    const [payload = '', signature = ''] = token.split('.');
    // Swap the subscriber id in the payload for another one: the signature no longer matches.
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace(ID, 'c'.repeat(32))).toString('base64url');
    for (const bad of [`${forged}.${signature}`, token.slice(0, -2), 'garbage', `${token}.x`]) {
      const response = await s.post(`/u/${bad}`, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(response.status).toBe(404);
    }
    expect(await s.status()).toBe('active');
  });

  it('shows "expired" for a confirm link older than 7 days and leaves the subscriber pending', async () => {
    const s = await setup('pending');
    const token = s.token('confirm');
    s.h.clock.advance(7 * 86_400_000 + 1000);
    const page = await s.app.request(`/confirm/${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This link has expired');
    expect((await s.post(`/confirm/${token}`)).status).toBe(410);
    expect(await s.status()).toBe('pending');
  });

  it('keeps an unsubscribe link working 31 days after the send (EM-31)', async () => {
    const s = await setup('active');
    const token = s.token('unsubscribe');
    s.h.clock.advance(31 * 86_400_000);
    expect((await s.post(`/u/${token}`)).status).toBe(200);
    expect(await s.status()).toBe('unsubscribed');
  });
});

describe('GET never changes state (EM-13, EM-35)', () => {
  it('leaves a pending subscriber pending after GET /confirm and an active one active after GET /u', async () => {
    const pending = await setup('pending');
    expect((await pending.app.request(`/confirm/${pending.token('confirm')}`)).status).toBe(200);
    expect((await pending.app.request(`/confirm/${pending.token('confirm')}`, { method: 'HEAD' })).status).toBe(200);
    expect(await pending.status()).toBe('pending');
    const active = await setup('active');
    const page = await active.app.request(`/u/${active.token('unsubscribe')}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Unsubscribe</button>');
    expect(await active.status()).toBe('active');
  });
});

describe('one-click unsubscribe POST (EM-12, RFC 8058)', () => {
  const bodies: [string, () => RequestInit][] = [
    ['urlencoded List-Unsubscribe=One-Click', () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })],
    [
      'multipart/form-data',
      () => {
        const form = new FormData();
        form.append('List-Unsubscribe', 'One-Click');
        return { body: form };
      },
    ],
    ['an empty body', () => ({})],
  ];
  for (const [name, init] of bodies) {
    it(`unsubscribes with ${name}: 200, no Location, no cookie, from another origin too`, async () => {
      const s = await setup('active');
      const response = await s.app.request(`/u/${s.token('unsubscribe')}`, {
        method: 'POST',
        ...init(),
        // Mail providers POST from their own servers, so a foreign origin must not block it.
        headers: { ...headerRecord(init().headers), origin: 'https://mail.provider.example' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await s.status()).toBe('unsubscribed');
    });
  }

  it('leaves a suppressed address suppressed', async () => {
    const s = await setup('suppressed');
    expect((await s.post(`/u/${s.token('unsubscribe')}`)).status).toBe(200);
    expect(await s.status()).toBe('suppressed');
  });
});

describe('confirm and preferences POSTs', () => {
  it('does not reactivate an unsubscribed address from an old confirmation link', async () => {
    const s = await setup('unsubscribed');
    expect((await s.post(`/confirm/${s.token('confirm')}`)).status).toBe(410);
    expect(await s.status()).toBe('unsubscribed');
  });

  it('rejects a cross-origin preferences POST without a valid token, and with one (SEC-12)', async () => {
    const s = await setup('active');
    const body = 'zip=02139&radiusMiles=80&mix=balanced&online=yes&digestSize=8';
    const attempt = (token: string) =>
      s.app.request(`/preferences/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        body,
      });
    expect((await attempt('not-a-token')).status).toBe(403);
    expect((await attempt(s.token('preferences'))).status).toBe(403);
    const sameSite = await s.app.request(`/preferences/not-a-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body,
    });
    expect(sameSite.status).toBe(404);
    expect((await s.h.subscribers.get(ID))?.radiusMiles).toBe(25);
  });

  it('re-shows the preferences with the problem for an unknown ZIP and stores nothing', async () => {
    const s = await setup('active');
    const response = await s.post(`/preferences/${s.token('preferences')}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'zip=00000&radiusMiles=80',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('00000');
    expect(await s.h.subscribers.get(ID)).toMatchObject({ zip: '01852', radiusMiles: 25 });
  });
});

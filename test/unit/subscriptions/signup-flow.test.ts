import { describe, expect, it } from 'vitest';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { createHarness } from './support/memory-ports';
import { VALID_SIGNUP, pathUnder, postForm, readMail } from './support/requests';

describe('signup → confirm → preferences → unsubscribe (in memory)', () => {
  it('walks the whole double opt-in flow and records consent', async () => {
    const h = createHarness();
    const app = createSubscriptionApp(h.deps);

    const signup = await postForm(app, '/subscribe', VALID_SIGNUP);
    expect(signup.status).toBe(202);
    expect(await signup.text()).toContain('Check your inbox');
    const [stored] = h.subscribers.all();
    expect(stored).toMatchObject({
      email: 'pat.doe@example.com',
      status: 'pending',
      zip: '01852',
      radiusMiles: 15,
      fields: ['technology', 'healthcare'],
      interests: ['biotech', 'payroll'],
      targetEmployers: ['Acme', 'Globex'],
      online: false,
      digestSize: 5,
      placeName: 'Lowell',
      timeZone: 'America/New_York',
      consent: null,
    });
    expect(stored?.id).toMatch(/^[0-9a-f]{32}$/);
    await h.settle();
    expect(h.mailer.sent).toHaveLength(1);
    const mail = await readMail(h.mailer.sent[0] ?? new Uint8Array());
    expect(mail.to).toBe('pat.doe@example.com');
    expect(mail.text).toContain('107 Merrimack St, Lowell, MA 01852');
    const confirmPath = pathUnder(mail.paths, '/confirm/');

    const page = await app.request(confirmPath);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Confirm subscription</button>');
    expect(h.subscribers.all()[0]?.status).toBe('pending');

    const confirmed = await app.request(confirmPath, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        'user-agent': 'UnitTest/1.0',
        // Not believed: no trusted proxy is configured, so a client cannot choose its consent address.
        'x-forwarded-for': '198.51.100.7, 203.0.113.9',
      },
      body: '',
    });
    expect(confirmed.status).toBe(200);
    expect(h.subscribers.all()[0]).toMatchObject({
      status: 'active',
      // app.request has no socket and X-Forwarded-For is ignored: no address is known.
      consent: { at: '2026-11-22T12:00:00.000Z', ip: null, userAgent: 'UnitTest/1.0', formVersion: 'signup-2026-11' },
    });
    const confirmedHtml = await confirmed.text();
    const preferencesPath = /href="https:\/\/subscribe\.example\.org(\/preferences\/[^"]+)"/.exec(confirmedHtml)?.[1] ?? '';
    const unsubscribePath = /href="https:\/\/subscribe\.example\.org(\/u\/[^"]+)"/.exec(confirmedHtml)?.[1] ?? '';

    const form = await (await app.request(preferencesPath)).text();
    expect(form).toContain('value="15"');
    expect(form).toMatch(/value="technology" checked>Technology/);
    expect(form).toMatch(/value="no" checked/);

    const saved = await postForm(app, preferencesPath, [
      ['zip', '02139'],
      ['radiusMiles', '40'],
      ['mix', 'professional'],
      ['online', 'yes'],
      ['digestSize', '10'],
    ]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Saved.');
    expect(h.subscribers.all()[0]).toMatchObject({
      status: 'active',
      zip: '02139',
      placeName: 'Cambridge',
      lat: 42.3647,
      lon: -71.1042,
      radiusMiles: 40,
      mix: 'professional',
      fields: [],
      interests: [],
      online: true,
      digestSize: 10,
    });

    expect((await app.request(unsubscribePath)).status).toBe(200);
    expect(h.subscribers.all()[0]?.status).toBe('active');
    for (let click = 0; click < 2; click += 1) {
      const gone = await app.request(unsubscribePath, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(gone.status).toBe(200);
      expect(gone.headers.get('location')).toBeNull();
      expect(gone.headers.get('set-cookie')).toBeNull();
      expect(h.subscribers.all()[0]?.status).toBe('unsubscribed');
    }
    await h.settle();
    expect(h.mailer.sent).toHaveLength(1);
  });
});

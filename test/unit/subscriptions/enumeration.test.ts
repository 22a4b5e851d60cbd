import { describe, expect, it } from 'vitest';
import type { SubscriberStatus } from '../../../shared/model/subscriber';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { createHarness, subscriberFixture } from './support/memory-ports';
import { VALID_SIGNUP, pathUnder, postForm, readMail } from './support/requests';

const KNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const STATES: (SubscriberStatus | 'new')[] = ['new', 'pending', 'active', 'unsubscribed', 'suppressed'];

async function signupAs(state: SubscriberStatus | 'new', format: 'form' | 'json') {
  const h = createHarness();
  if (state !== 'new') await h.subscribers.put(subscriberFixture({ id: KNOWN_ID, email: 'pat.doe@example.com', status: state }));
  const app = createSubscriptionApp(h.deps);
  const response =
    format === 'form'
      ? await postForm(app, '/subscribe', VALID_SIGNUP)
      : await app.request('/subscribe', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://events.example.org' },
          body: JSON.stringify({ email: 'pat.doe@example.com', zip: '01852' }),
        });
  const headers = [...response.headers.entries()].filter(([name]) => name !== 'date');
  await h.settle();
  return { h, status: response.status, body: await response.text(), headers };
}

describe('signup answers the same for every address (SEC-04, WSTG-IDNT-04)', () => {
  for (const format of ['form', 'json'] as const) {
    it(`gives an identical ${format} status, body and headers for new, pending, active, unsubscribed and suppressed addresses`, async () => {
      const answers = await Promise.all(STATES.map((state) => signupAs(state, format)));
      const first = answers[0];
      expect(first?.status).toBe(202);
      for (const answer of answers) {
        expect({ status: answer.status, body: answer.body, headers: answer.headers }).toEqual({
          status: first?.status,
          body: first?.body,
          headers: first?.headers,
        });
      }
    });
  }

  it('mails a confirmation to new, pending and unsubscribed addresses; only a new one is stored (as pending)', async () => {
    for (const state of ['new', 'pending', 'unsubscribed'] as const) {
      const { h } = await signupAs(state, 'form');
      expect(h.mailer.sent).toHaveLength(1);
      const mail = await readMail(h.mailer.sent[0] ?? new Uint8Array());
      expect(mail.subject).toBe('Confirm your weekly networking events email');
      pathUnder(mail.paths, '/confirm/');
      // The public form never changes a stored record: an unsubscribed address stays unsubscribed
      // until its owner confirms with the mailed link.
      expect(h.subscribers.all().map((s) => s.status)).toEqual([state === 'new' ? 'pending' : state]);
    }
  });

  it('tells an active address it is already subscribed, with a preferences link, and changes nothing', async () => {
    const { h } = await signupAs('active', 'form');
    expect(h.mailer.sent).toHaveLength(1);
    const mail = await readMail(h.mailer.sent[0] ?? new Uint8Array());
    expect(mail.subject).toBe("You're already subscribed to the weekly networking events email");
    pathUnder(mail.paths, '/preferences/');
    pathUnder(mail.paths, '/u/');
    expect(mail.paths.some((path) => path.startsWith('/confirm/'))).toBe(false);
    // The public form must not change an active subscriber's preferences (VALID_SIGNUP asks for 15 miles).
    expect(h.subscribers.all()[0]).toMatchObject({ status: 'active', radiusMiles: 25 });
  });

  it('sends nothing to a suppressed address and leaves it suppressed (SEC-05)', async () => {
    const { h } = await signupAs('suppressed', 'form');
    expect(h.mailer.sent).toHaveLength(0);
    expect(h.subscribers.all()[0]?.status).toBe('suppressed');
  });

  it('mails one address at most once per 10 minutes and 3 times a day, answering 202 every time (SEC-10)', async () => {
    const h = createHarness();
    const app = createSubscriptionApp(h.deps);
    const statuses: number[] = [];
    const submit = async () => statuses.push((await postForm(app, '/subscribe', VALID_SIGNUP)).status);
    await submit(); // 12:00 sent
    h.clock.advance(5 * 60_000);
    await submit(); // 12:05 throttled: 5 min after the last
    h.clock.advance(6 * 60_000);
    await submit(); // 12:11 sent
    h.clock.advance(11 * 60_000);
    await submit(); // 12:22 sent (3rd today)
    h.clock.advance(60 * 60_000);
    await submit(); // 13:22 throttled: 3 in the last 24 h
    h.clock.advance(23 * 3600_000);
    await submit(); // next day 12:22: a new UTC day (the day count is per UTC day)
    await h.settle();
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202]);
    expect(h.mailer.sent).toHaveLength(4);
    expect(h.subscribers.all()).toHaveLength(1);
  });

  it('never writes an email address to the log', async () => {
    const { h } = await signupAs('new', 'form');
    const active = await signupAs('active', 'json');
    const lines = [...h.logger.lines, ...active.h.logger.lines].join('\n');
    expect(lines).toContain('signup accepted');
    expect(lines.toLowerCase()).not.toContain('pat.doe');
    expect(lines.toLowerCase()).not.toContain('example.com');
  });
});

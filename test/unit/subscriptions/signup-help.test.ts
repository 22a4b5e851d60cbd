/**
 * Sign-up that helps: a ZIP far from every listed event is asked about before it is accepted, and
 * the pages and mail say when the first digest comes (the deployment's digest day and hour).
 */
import { describe, expect, it } from 'vitest';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { firstDigestSentence, nextDigestAt } from '../../../shared/subscriptions/first-digest';
import { milesBetween } from '../../../shared/subscriptions/region-check';
import { LOWELL, makeEvent } from '../digest/make-event';
import { createHarness } from './support/memory-ports';
import { postForm } from './support/requests';

describe('a ZIP far from the region', () => {
  // makeEvent's event is on Tue 2026-12-01 in Lowell; the harness clock is 2026-11-22, within four weeks.
  const lowellEvent = makeEvent('chamber');

  it('is warned about with its distance, stores nothing, and is accepted with the confirm box', async () => {
    const h = createHarness([lowellEvent]);
    const app = createSubscriptionApp(h.deps);
    const fields: [string, string][] = [['email', 'far@example.com'], ['zip', '94103'], ['radiusMiles', '25']];
    const held = await postForm(app, '/subscribe', fields);
    expect(held.status).toBe(400);
    const page = await held.text();
    // San Francisco 94103 to Lowell is about 2,690 miles great-circle (SF ≈ 37.77 N 122.41 W).
    expect(page).toMatch(/The ZIP code 94103 \(San Francisco\) is 2,6\d\d miles from the events we list/);
    expect(page).toContain('name="confirmFarZip"');
    expect(page).toContain('value="far@example.com"');
    expect(h.subscribers.all()).toEqual([]);
    const accepted = await postForm(app, '/subscribe', [...fields, ['confirmFarZip', 'yes']]);
    expect(accepted.status).toBe(202);
    expect(h.subscribers.all()).toMatchObject([{ email: 'far@example.com', zip: '94103' }]);
    await h.settle();
  });

  it('is not asked about near the events', async () => {
    const h = createHarness([lowellEvent]);
    const response = await postForm(createSubscriptionApp(h.deps), '/subscribe', [['email', 'near@example.com'], ['zip', '01854']]);
    expect(response.status).toBe(202);
    await h.settle();
  });

  it('measures great-circle miles', () => {
    // Lowell to Boston (42.3601 N, 71.0589 W): about 23 miles.
    expect(milesBetween(LOWELL, { lat: 42.3601, lon: -71.0589 })).toBeGreaterThan(22);
    expect(milesBetween(LOWELL, { lat: 42.3601, lon: -71.0589 })).toBeLessThan(24);
  });
});

describe('when the first digest comes', () => {
  it('is the next digest day at the digest hour, in the region zone, across the DST change', () => {
    // 2026-10-31T12:00Z is Sat 08:00 EDT; the next Monday 7 a.m. is Mon 2026-11-02 07:00 EST (−5,
    // DST ended Sun Nov 1) = 12:00Z.
    expect(nextDigestAt({ weekDay: 'MON', hour: 7 }, new Date('2026-10-31T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-02T12:00:00.000Z');
    // Mon 2026-11-23 at 08:00 EST (13:00Z) is past this week's 7 a.m.: the next one is Mon Nov 30, 12:00Z.
    expect(nextDigestAt({ weekDay: 'MON', hour: 7 }, new Date('2026-11-23T13:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-30T12:00:00.000Z');
    // Thursday 6 p.m. EDT before the spring change: Sat 2027-03-13 → Thu 2027-03-18 18:00 EDT (−4) = 22:00Z.
    expect(nextDigestAt({ weekDay: 'THU', hour: 18 }, new Date('2027-03-13T12:00:00Z'), 'America/New_York').toISOString()).toBe('2027-03-18T22:00:00.000Z');
  });

  it('is said in words on the sign-up page and in the confirmation mail', async () => {
    expect(firstDigestSentence({ weekDay: 'MON', hour: 7 }, new Date('2026-11-22T12:00:00Z'), 'America/New_York')).toBe(
      'Your first digest comes Monday, November 23, at 7 a.m. ET, and then every Monday.',
    );
    const h = createHarness();
    const app = createSubscriptionApp({ ...h.deps, digestSchedule: { weekDay: 'TUE', hour: 18 } });
    expect(await (await app.request('/')).text()).toContain('Your first digest comes Tuesday, November 24, at 6 p.m. ET');
    await postForm(app, '/subscribe', [['email', 'when@example.com'], ['zip', '01852']]);
    await h.settle();
    // Soft line breaks of quoted-printable joined, so the sentence reads as one line.
    const mail = new TextDecoder().decode(h.mailer.sent[0]).replaceAll('=\r\n', '');
    expect(mail).toContain('Your first digest comes Tuesday, November 24, at 6 p.m. ET');
  });
});

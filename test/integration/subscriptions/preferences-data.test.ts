/**
 * The preferences page's buttons against DynamoDB Local over HTTP: pause and resume, export my
 * data, delete my data (subscriber, address item and deliveries erased, only the suppression hash
 * kept), and "I found a job" as a recorded unsubscribe reason.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SubscriberSchema } from '../../../shared/model/subscriber';
import { createLinkBuilder, type LinkBuilder } from '../../../shared/subscriptions/links';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';
import { serveAppOverLocalServices, uniqueAddress, type ServedSubscriptionApp } from './served-app';

let served: ServedSubscriptionApp;
let links: LinkBuilder;

beforeAll(async () => {
  served = await serveAppOverLocalServices(await useLocalServices());
  links = createLinkBuilder(served.url, served.keys);
}, LOCAL_SERVICES_TIMEOUT_MS);

afterAll(async () => {
  await served.close();
});

async function activeSubscriber(): Promise<{ id: string; email: string }> {
  const id = randomBytes(16).toString('hex');
  const email = uniqueAddress('prefs');
  const now = served.clock.now().toISOString();
  const consent = { at: now, ip: '127.0.0.1', userAgent: 'test', formVersion: 'signup-2026-11' };
  await served.subscribers.create(
    SubscriberSchema.parse({ id, email, status: 'active', zip: '01852', lat: 42.63, lon: -71.32, placeName: 'Lowell', timeZone: 'America/New_York', consent, createdAt: now, updatedAt: now }),
  );
  return { id, email };
}

function post(url: string, fields: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: served.url },
    body: new URLSearchParams(fields).toString(),
  });
}

const ExportSchema = z.object({
  subscriber: z.object({ id: z.string(), email: z.string() }),
  consent: z.object({ ip: z.string() }),
  deliveries: z.array(z.object({ isoWeek: z.string(), messageId: z.string().nullable() })),
});

describe('preferences: pause, export and delete against DynamoDB Local', () => {
  it('pauses for 3 weeks and resumes; a GET of the button path changes nothing', async () => {
    const { id } = await activeSubscriber();
    const page = links.preferencesUrl(id, served.clock.now());
    expect((await fetch(`${page}/pause`)).status).toBe(404);
    const paused = await post(`${page}/pause`, { weeks: '3' });
    expect(paused.status).toBe(200);
    expect(await paused.text()).toContain('No weekly email until Sunday, December 13');
    // 2026-11-22T12:00:00Z (the served clock) + 3 × 7 days = 2026-12-13T12:00:00Z (no DST change in between).
    expect((await served.subscribers.get(id))?.pausedUntil).toBe('2026-12-13T12:00:00.000Z');
    expect((await post(`${page}/pause`, { weeks: '9' })).status).toBe(400);
    expect((await served.subscribers.get(id))?.pausedUntil).toBe('2026-12-13T12:00:00.000Z');
    expect(await (await post(`${page}/resume`)).text()).toContain('Welcome back');
    expect((await served.subscribers.get(id))?.pausedUntil).toBeNull();
  });

  it('exports the record, consent and deliveries as JSON, then deletes them, keeping only the suppression hash', async () => {
    const { id, email } = await activeSubscriber();
    const claim = await served.deliveries.claim({
      subscriberId: id,
      isoWeek: '2026-W47',
      events: [{ id: 'a'.repeat(32), contentHash: 'h1' }],
      claimedAt: '2026-11-16T12:00:00.000Z',
      leaseUntil: '2026-11-16T12:15:00.000Z',
    });
    if (claim.status !== 'claimed') throw new Error(`claim ${claim.status}`);
    await served.deliveries.complete(id, '2026-W47', claim.claimId, 'ses-1');
    const page = links.preferencesUrl(id, served.clock.now());
    expect(await (await fetch(page)).text()).toContain('Sent Monday, November 16');

    const exported = await post(`${page}/export`);
    expect(exported.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const data = ExportSchema.parse(await exported.json());
    expect(data).toMatchObject({ subscriber: { id, email }, consent: { ip: '127.0.0.1' }, deliveries: [{ isoWeek: '2026-W47', messageId: 'ses-1' }] });

    expect((await post(`${page}/delete`)).status).toBe(400);
    expect(await served.subscribers.get(id)).not.toBeNull();
    const deleted = await post(`${page}/delete`, { confirmDelete: 'yes' });
    expect(await deleted.text()).toContain('Your data is deleted');
    expect(await served.subscribers.get(id)).toBeNull();
    expect(await served.subscribers.getByEmail(email)).toBeNull();
    expect(await served.deliveries.listFor(id)).toEqual([]);
    expect((await fetch(page)).status).toBe(404);

    // A late bounce is still honoured on the hash; the address can sign up again as a new one.
    expect(await served.subscribers.isErasedSuppressed(email)).toBe(false);
    expect(await served.subscribers.suppressErased(email, served.clock.now())).toBe(true);
    expect(await served.subscribers.isErasedSuppressed(email)).toBe(true);
    expect(await served.subscribers.suppressErased(uniqueAddress('never'), served.clock.now())).toBe(false);
    const again = await activeSubscriber();
    expect(again.id).not.toBe(id);
  });

  it('records "I found a job" and answers with a congratulation', async () => {
    const { id } = await activeSubscriber();
    const response = await post(links.unsubscribeUrl(id, served.clock.now()), { reason: 'found-a-job' });
    expect(await response.text()).toContain('Congratulations on the new job!');
    expect(await served.subscribers.get(id)).toMatchObject({ status: 'unsubscribed', unsubscribeReason: 'found-a-job' });
  });
});

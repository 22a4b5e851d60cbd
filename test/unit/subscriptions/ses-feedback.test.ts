import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleSesFeedback } from '../../../shared/subscriptions/ses-feedback';
import { createHarness, subscriberFixture } from './support/memory-ports';

function notification(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./ses-notifications/${name}`, import.meta.url), 'utf8'));
}

const JANE = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
const RICHARD = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2';
const RECIPIENT = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3';

async function setup() {
  const h = createHarness();
  await h.subscribers.put(subscriberFixture({ id: JANE, email: 'jane@example.com', status: 'active' }));
  await h.subscribers.put(subscriberFixture({ id: RICHARD, email: 'richard@example.com', status: 'active' }));
  await h.subscribers.put(subscriberFixture({ id: RECIPIENT, email: 'recipient@example.com', status: 'pending' }));
  const statuses = async (): Promise<Record<string, string | undefined>> =>
    Object.fromEntries(await Promise.all([JANE, RICHARD, RECIPIENT].map(async (id) => [id, (await h.subscribers.get(id))?.status] as const)));
  return { deps: { subscribers: h.subscribers, clock: h.clock }, statuses };
}

describe('handleSesFeedback (EM-23)', () => {
  it('suppresses the known recipient of a permanent bounce and skips the unknown one', async () => {
    const s = await setup();
    const result = await handleSesFeedback(notification('bounce-permanent.json'), s.deps);
    expect(result).toEqual({
      outcome: 'suppressed',
      kind: 'bounce',
      reason: null,
      suppressedIds: [JANE],
      skippedRecipients: 1,
      sesMessageId: '00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000',
    });
    expect(await s.statuses()).toEqual({ [JANE]: 'suppressed', [RICHARD]: 'active', [RECIPIENT]: 'pending' });
  });

  it('reads the same bounce inside the SNS HTTP envelope, and as its JSON text', async () => {
    for (const message of [notification('sns-envelope-bounce.json'), readFileSync(new URL('./ses-notifications/sns-envelope-bounce.json', import.meta.url), 'utf8')]) {
      const s = await setup();
      expect(await handleSesFeedback(message, s.deps)).toMatchObject({ outcome: 'suppressed', suppressedIds: [JANE] });
      expect((await s.statuses())[JANE]).toBe('suppressed');
    }
  });

  it('suppresses on a complaint delivered as a Lambda SNS record, whatever the address case', async () => {
    const s = await setup();
    const result = await handleSesFeedback(notification('lambda-sns-record-complaint.json'), s.deps);
    expect(result).toMatchObject({ outcome: 'suppressed', kind: 'complaint', suppressedIds: [RICHARD] });
    expect(await s.statuses()).toEqual({ [JANE]: 'active', [RICHARD]: 'suppressed', [RECIPIENT]: 'pending' });
  });

  it('reads the configuration-set event shape (eventType) too', async () => {
    const s = await setup();
    expect(await handleSesFeedback(notification('event-publishing-bounce.json'), s.deps)).toMatchObject({
      outcome: 'suppressed',
      suppressedIds: [RECIPIENT],
    });
    expect((await s.statuses())[RECIPIENT]).toBe('suppressed');
  });

  it('ignores a transient bounce and a delivery, changing nothing', async () => {
    const s = await setup();
    expect(await handleSesFeedback(notification('bounce-transient.json'), s.deps)).toMatchObject({
      outcome: 'ignored',
      kind: 'bounce',
      reason: 'Transient bounce',
      suppressedIds: [],
    });
    expect(await handleSesFeedback(notification('delivery.json'), s.deps)).toMatchObject({ outcome: 'ignored', kind: 'delivery' });
    expect(await s.statuses()).toEqual({ [JANE]: 'active', [RICHARD]: 'active', [RECIPIENT]: 'pending' });
  });

  it('is idempotent: the same bounce twice suppresses once', async () => {
    const s = await setup();
    await handleSesFeedback(notification('bounce-permanent.json'), s.deps);
    expect(await handleSesFeedback(notification('bounce-permanent.json'), s.deps)).toMatchObject({
      outcome: 'ignored',
      suppressedIds: [],
      skippedRecipients: 2,
    });
  });

  it('returns invalid, as a value, for garbage and for an SNS subscription confirmation', async () => {
    const s = await setup();
    for (const message of [null, 42, 'not json', { hello: 'world' }, { Type: 'Notification', Message: '{' }]) {
      expect(await handleSesFeedback(message, s.deps)).toMatchObject({ outcome: 'invalid' });
    }
    expect(await handleSesFeedback({ Type: 'SubscriptionConfirmation', Message: 'You have chosen to subscribe…' }, s.deps)).toEqual({
      outcome: 'invalid',
      reason: 'SNS message of type SubscriptionConfirmation',
    });
    expect(await s.statuses()).toEqual({ [JANE]: 'active', [RICHARD]: 'active', [RECIPIENT]: 'pending' });
  });
});

/**
 * Hand-built states for the operator's report tests: ISO week 2026-W49 (Mon Nov 30 – Sun Dec 6
 * 2026, America/New_York, EST −5 all week: DST ended Nov 1), reported on Mon Dec 7 08:00 EST.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Event } from '../../../shared/model/event';
import type { Subscriber } from '../../../shared/model/subscriber';
import type { SourceState } from '../../../shared/ports';
import { createDynamoStores, type TableNames } from '../../../shared/store';
import { createDynamoRateTokenStore } from '../../../shared/store/dynamo-rate-token-store';
import { createDynamoWeekTallyStore } from '../../../shared/store/dynamo-week-tally';
import { handleSesFeedback } from '../../../shared/subscriptions/ses-feedback';
import { subscriber } from '../digest/support/digest-fixtures';
import { hex32, makeEvent } from '../store/event-fixtures';

export const WEEK = '2026-W49';
export const ZONE = 'America/New_York';
// Mon 2026-12-07 08:00 EST (−5) = 13:00Z.
export const NOW = new Date('2026-12-07T13:00:00.000Z');

const state = (sourceId: string, fields: Partial<SourceState>): SourceState => ({
  sourceId,
  etag: null,
  lastModified: null,
  contentHash: null,
  lastStatus: 'ok',
  lastAttemptAt: '2026-12-07T10:00:00.000Z',
  lastSuccessAt: '2026-12-07T10:00:00.000Z',
  lastError: null,
  consecutiveFailures: 0,
  eventsFound: 12,
  notBefore: null,
  horizonEnd: null,
  ...fields,
});

export const SOURCES: SourceState[] = [
  state('ok-src', {}),
  state('fail-src', { lastStatus: 'failed', lastError: '<script>alert(1)</script> HTTP 503', consecutiveFailures: 3, lastSuccessAt: '2026-12-01T10:00:00.000Z' }),
  state('empty-src', { lastStatus: 'empty', eventsFound: 0 }),
  // Last success Sun Nov 29 10:00Z: 8 days 3 hours before NOW, so ≥ 7 days: stale.
  state('stale-src', { lastStatus: 'unchanged', lastSuccessAt: '2026-11-29T10:00:00.000Z', eventsFound: 4 }),
];

/** An evening event (18:00 EST = 23:00Z) on `date`. */
function evening(key: string, date: string, overrides: Partial<Event>): Event {
  return { ...makeEvent(key, { start: `${date}T23:00:00.000Z`, end: `${date}T23:59:00.000Z`, startDate: date }), ...overrides };
}

export const EVENTS: Event[] = [
  // Next week is Dec 7–13: three live events there, one cancelled, one on each side outside it.
  evening('club', '2026-12-07', { audience: 'job-seeker', category: 'job-seeker-group' }),
  evening('fair', '2026-12-10', { audience: 'job-seeker', category: 'job-fair' }),
  evening('chapter', '2026-12-13', { audience: 'professional', category: 'professional-association' }),
  evening('cancelled', '2026-12-09', { audience: 'professional', category: 'conference', status: 'cancelled' }),
  evening('before', '2026-12-06', { audience: 'professional', category: 'conference' }),
  evening('after', '2026-12-14', { audience: 'professional', category: 'conference' }),
];

/** The week starts Mon Nov 30 00:00 EST = 05:00Z and ends Mon Dec 7 05:00Z (exclusive). */
export const PEOPLE: Subscriber[] = [
  subscriber('ops', 'old', { createdAt: '2026-11-01T12:00:00.000Z' }),
  subscriber('ops', 'first', { createdAt: '2026-11-30T05:00:00.000Z' }),
  subscriber('ops', 'last', { status: 'pending', consent: null, createdAt: '2026-12-07T04:59:59.999Z' }),
  subscriber('ops', 'next', { status: 'unsubscribed', createdAt: '2026-12-07T05:00:00.000Z' }),
  subscriber('ops', 'before', { status: 'suppressed', createdAt: '2026-11-30T04:59:59.999Z' }),
];

/** Writes every state the report reads into `names`' tables. */
export async function seedReportStates(client: DynamoDBClient, names: TableNames): Promise<void> {
  const stores = createDynamoStores(client, names);
  for (const each of SOURCES) await stores.sources.put(each);
  await stores.events.syncSourceEvents('src', EVENTS, new Date('2026-12-01T12:00:00.000Z'));
  for (const person of PEOPLE) await stores.subscribers.put(person);
  const [old, first, last] = PEOPLE;
  if (!old || !first || !last) throw new Error('fixtures');
  const claim = async (who: Subscriber, isoWeek: string, events: Event[], sent: boolean) => {
    const result = await stores.deliveries.claim({ subscriberId: who.id, isoWeek, events: events.map((e) => ({ id: e.id, contentHash: e.contentHash })), claimedAt: '2026-11-30T12:00:00.000Z', leaseUntil: '2026-11-30T12:06:00.000Z' });
    if (sent && result.status === 'claimed') await stores.deliveries.complete(who.id, isoWeek, result.claimId, `ses-${who.id.slice(0, 6)}`);
  };
  const [club, fair, chapter] = EVENTS;
  if (!club || !fair || !chapter) throw new Error('fixtures');
  await claim(old, WEEK, [club, fair, chapter], true);
  await claim(first, WEEK, [club, fair], true);
  // Claimed, lease over at 12:06Z Nov 30, never sent: a run died.
  await claim(last, WEEK, [club], false);
  // Last week's delivery is not this week's.
  await claim(old, '2026-W48', [club], true);
  // The shared send-rate item lives in the same table and must be skipped.
  await createDynamoRateTokenStore(client, names.deliveries).tryTake(Date.parse('2026-11-30T12:00:00.000Z'), 14);
  const tally = createDynamoWeekTallyStore(client, names.deliveries);
  await tally.addDigestRun({ isoWeek: WEEK, sent: 2, failed: 1, skipped: [{ reason: 'no events near', count: 2 }] });
  await tally.addDigestRun({ isoWeek: WEEK, sent: 0, failed: 0, skipped: [{ reason: 'already sent', count: 2 }] });
  // SES feedback through the real handler (unsigned: no verifier), on Wed Dec 2 (UTC week W49), for
  // addresses that are no subscriber: counted, nobody suppressed.
  const feedback = { subscribers: stores.subscribers, clock: { now: () => new Date('2026-12-02T15:00:00.000Z') }, tally };
  await handleSesFeedback({ notificationType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'gone@example.net' }] }, mail: { messageId: 'm1' } }, feedback);
  await handleSesFeedback({ notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'angry@example.net' }], complaintFeedbackType: 'abuse' }, mail: { messageId: 'm2' } }, feedback);
  // Not spam feedback is no complaint, and a transient bounce no bounce: neither is counted.
  await handleSesFeedback({ notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'happy@example.net' }], complaintFeedbackType: 'not-spam' }, mail: { messageId: 'm3' } }, feedback);
  await handleSesFeedback({ notificationType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'full@example.net' }] }, mail: { messageId: 'm4' } }, feedback);
}

export { hex32 };

/**
 * send-digests and the coaches' cadence against DynamoDB Local and the local SES: a delivery
 * records each event's series and audience, the next week's run reads it back as history (the
 * job club offered last week rests while other job-seeker meetings exist), feedback from the
 * optional source lowers a series, and a paused subscriber is skipped.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSesMailer } from '../../../shared/digest/ses-mailer';
import { sendDigests, SKIP_PAUSED, type SendDigestsDeps } from '../../../shared/digest/send-digests';
import { seriesKeyOf } from '../../../shared/digest/series';
import type { FeedbackEntry } from '../../../shared/digest/types';
import type { Event } from '../../../shared/model/event';
import type { DynamoStores } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { eveningOf, makeEvent, seriesWord } from '../../unit/digest/make-event';
import { clock, config, freshStores, links, subscriber } from './support/digest-fixtures';

let services: LocalServices;
beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

/** Two weeks: a free weekly job club (Tue), three other job-seeker meetings and six professional ones a week. */
function twoWeeks(tag: string): Event[] {
  return [0, 1].flatMap((week) => [
    makeEvent(`${tag}-club-${week}`, { ...eveningOf(week * 7 + 1), title: 'Lowell Job Club', organizer: 'Lowell Career Center', audience: 'job-seeker', cost: { kind: 'free', amount: null, currency: null, text: null } }),
    ...[0, 2, 3].map((day) => makeEvent(`${tag}-js-${week}-${day}`, { ...eveningOf(week * 7 + day), title: `Job Seeker Group ${seriesWord(`${week}-${day}`)}`, organizer: `Group ${week}-${day}`, audience: 'job-seeker' })),
    ...[0, 1, 2, 3, 4, 5].map((day) => makeEvent(`${tag}-pro-${week}-${day}`, { ...eveningOf(week * 7 + day), title: `Chapter Meeting ${seriesWord(`${week}-${day}`)}`, organizer: `Association ${day}`, audience: 'professional' })),
  ]);
}

function deps(stores: DynamoStores, feedback?: FeedbackEntry[]): SendDigestsDeps {
  return {
    ...stores,
    mailer: createSesMailer(services.ses),
    links,
    clock,
    sleep: () => Promise.resolve(),
    ...(feedback === undefined ? {} : { feedback: { forSubscriber: () => Promise.resolve(feedback) } }),
  };
}

describe('sendDigests with history', () => {
  it('records series and audience, rests last week’s job club, honours "Not for me" and skips a paused subscriber', async () => {
    const tag = randomBytes(4).toString('hex');
    const { stores } = await freshStores(services.dynamo);
    const events = twoWeeks(tag);
    await stores.events.syncSourceEvents('src-a', events, clock.now());
    const ann = subscriber(tag, 'ann');
    // Paused until Fri 2026-12-04 12:00Z: after the first run (Sun Nov 29 17:00Z), before the second.
    const paul = subscriber(tag, 'paul', { pausedUntil: '2026-12-04T12:00:00.000Z' });
    await stores.subscribers.put(ann);
    await stores.subscribers.put(paul);
    const club = seriesKeyOf({ title: 'Lowell Job Club', sources: [{ id: 'src-a', name: 'Source A', uid: 'x' }] });

    const first = await sendDigests(deps(stores), config);
    expect(first).toMatchObject({ isoWeek: '2026-W49', sent: 1, failed: 0 });
    expect(first.skipped).toEqual([{ reason: SKIP_PAUSED, count: 1 }]);
    const week49 = await stores.deliveries.previous(ann.id, '2026-W50');
    // The free club tops the job-seeker ranking in week 49; balanced size 8 takes 3 + 5.
    expect(week49?.events.find((item) => item.seriesKey === club)).toMatchObject({ id: events[0]?.id, audience: 'job-seeker' });
    expect(week49?.events.filter((item) => item.audience === 'job-seeker')).toHaveLength(3);

    // Sun 2026-12-06 17:00Z (12:00 EST): the run before the Mon Dec 7 digest.
    const nextRun = { now: () => new Date('2026-12-06T17:00:00.000Z') };
    const second = await sendDigests({ ...deps(stores), clock: nextRun }, { ...config, date: '2026-12-07' });
    expect(second).toMatchObject({ isoWeek: '2026-W50', sent: 2, failed: 0 });
    const week50 = await stores.deliveries.previous(ann.id, '2026-W51');
    // Three other job-seeker meetings exist, so the club offered in W49 rests in W50.
    expect(week50?.events.map((item) => item.seriesKey)).not.toContain(club);
    expect(week50?.events.filter((item) => item.audience === 'job-seeker')).toHaveLength(3);
    // Paul's first digest has no history: the club is in it.
    const paulsWeek = await stores.deliveries.previous(paul.id, '2026-W51');
    expect(paulsWeek?.events.map((item) => item.seriesKey)).toContain(club);
  });

  it('lowers a series the subscriber marked "Not for me" (feedback from the optional source)', async () => {
    const tag = randomBytes(4).toString('hex');
    const { stores } = await freshStores(services.dynamo);
    await stores.events.syncSourceEvents('src-a', twoWeeks(tag), clock.now());
    const ann = subscriber(tag, 'ann');
    await stores.subscribers.put(ann);
    const club = seriesKeyOf({ title: 'Lowell Job Club', sources: [{ id: 'src-a', name: 'Source A', uid: 'x' }] });
    const notForMe: FeedbackEntry = { eventId: 'earlier', kind: 'not-for-me', seriesKey: club, organiser: 'Lowell Career Center', category: 'professional-association', audience: 'job-seeker', eventStart: '2026-11-24T23:00:00.000Z', at: '2026-11-25T12:00:00.000Z' };

    expect(await sendDigests(deps(stores, [notForMe]), config)).toMatchObject({ sent: 1, failed: 0 });
    const delivery = await stores.deliveries.previous(ann.id, '2026-W50');
    expect(delivery?.events.map((item) => item.seriesKey)).not.toContain(club);
  });
});

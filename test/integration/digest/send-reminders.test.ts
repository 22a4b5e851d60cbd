/**
 * "I'm going" reminders through send-digests, against DynamoDB Local and the local SES: an event the
 * subscriber said they are going to, in this week's window but not in their digest (here 70 miles
 * away, beyond their 25-mile radius), comes back as one reminder line in both parts; a "going" event
 * that is over brings none.
 */
import { load } from 'cheerio';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSesMailer } from '../../../shared/digest/ses-mailer';
import { sendDigests } from '../../../shared/digest/send-digests';
import { seriesKeyOf } from '../../../shared/digest/series';
import type { FeedbackEntry } from '../../../shared/digest/types';
import type { Event } from '../../../shared/model/event';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { eveningOf, makeEvent, seriesWord } from '../../unit/digest/make-event';
import { clock, config, freshStores, links, mailsFor, subscriber } from './support/digest-fixtures';

let services: LocalServices;
beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

function going(event: Event): FeedbackEntry {
  return { eventId: event.id, kind: 'going', seriesKey: seriesKeyOf(event), organiser: event.organizer ?? '', category: event.category, audience: event.audience, eventStart: event.start, at: '2026-11-20T12:00:00.000Z' };
}

describe('reminders in the digest', () => {
  it('reminds of a "going" event this week that the digest leaves out, and not of one that is over', async () => {
    const tag = randomBytes(4).toString('hex');
    const { stores } = await freshStores(services.dynamo);
    const local = [0, 1, 2, 3, 4, 5].map((day) => makeEvent(`${tag}-pro-${day}`, { ...eveningOf(day), title: `Chapter Meeting ${seriesWord(`${tag}-${day}`)}`, organizer: `Association ${day}` }));
    // eveningOf(3): Thu 2026-12-03 18:00 EST (−5) = 23:00Z. Springfield, MA: about 70 miles from Lowell.
    const far = makeEvent(`${tag}-far`, {
      ...eveningOf(3),
      title: 'Pioneer Valley HR Summit',
      organizer: 'Pioneer Valley SHRM',
      venue: { name: 'MassMutual Center', address: '1277 Main St', city: 'Springfield', region: 'MA', postalCode: '01103', lat: 42.1015, lon: -72.5898 },
    });
    expect(far.start).toBe('2026-12-03T23:00:00.000Z');
    // Tue 2026-11-24 18:00 EST = 23:00Z: before this run (Sun Nov 29 17:00Z) and outside the week.
    const over = makeEvent(`${tag}-over`, { start: '2026-11-24T23:00:00.000Z', end: '2026-11-25T01:00:00.000Z', startDate: '2026-11-24', title: 'Last Week Mixer' });
    await stores.events.syncSourceEvents('src-a', [...local, far, over], clock.now());
    const ann = subscriber(tag, 'ann');
    await stores.subscribers.put(ann);

    const summary = await sendDigests(
      { ...stores, mailer: createSesMailer(services.ses), links, clock, sleep: () => Promise.resolve(), feedback: { forSubscriber: () => Promise.resolve([going(far), going(over)]) } },
      config,
    );
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    const [mail, ...others] = mailsFor(await services.fetchSesStore(), [ann.email]);
    expect(others).toEqual([]);
    const reminder = "Reminder: you said you're going to Pioneer Valley HR Summit on Thu Dec 3, 6 p.m.";
    expect((mail?.body.text ?? '').split('\n').filter((line) => line.startsWith('Reminder:'))).toEqual([reminder]);
    const $ = load(mail?.body.html ?? '');
    expect($('p').filter((_, element) => $(element).text() === reminder)).toHaveLength(1);
    expect(mail?.body.text).not.toContain('Last Week Mixer');
    // The far event is not among the digest's own picks: only the reminder names it.
    const delivery = await stores.deliveries.previous(ann.id, '2026-W50');
    expect(delivery?.events.map((item) => item.id)).not.toContain(far.id);
  });
});

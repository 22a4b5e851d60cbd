/**
 * A few confirmed demo subscribers around the sample region, so the first `npm start` has someone to
 * mail. They belong to the sample region only: another region's run stops them (`stopDemoSubscribers`).
 */
import { createHash } from 'node:crypto';
import type { Subscriber } from '../shared/model/subscriber';
import type { SubscriberStore } from '../shared/ports';
import { geocodeZip } from '../shared/subscriptions/geocode';

const DEMO: Pick<Subscriber, 'email' | 'zip' | 'radiusMiles' | 'mix' | 'fields' | 'interests' | 'targetEmployers' | 'online' | 'digestSize'>[] = [
  { email: 'dana.lowell@example.com', zip: '01852', radiusMiles: 25, mix: 'balanced', fields: ['human-resources'], interests: [], targetEmployers: [], online: true, digestSize: 8 },
  { email: 'sam.boston@example.com', zip: '02116', radiusMiles: 10, mix: 'job-seeker', fields: ['technology'], interests: ['product'], targetEmployers: [], online: true, digestSize: 6 },
  { email: 'alex.nashua@example.com', zip: '03060', radiusMiles: 40, mix: 'professional', fields: ['technology', 'engineering-manufacturing'], interests: [], targetEmployers: [], online: false, digestSize: 8 },
  { email: 'lee.framingham@example.com', zip: '01701', radiusMiles: 30, mix: 'balanced', fields: ['healthcare'], interests: ['biotech'], targetEmployers: ['Moderna'], online: true, digestSize: 10 },
];

const demoIdOf = (email: string): string => createHash('sha256').update(email).digest('hex').slice(0, 32);

/**
 * Adds (or makes active again) each demo subscriber that is not active; returns how many it wrote.
 * Call it for the sample region only.
 */
export async function seedDemoSubscribers(store: SubscriberStore, now: Date, timeZone: string): Promise<number> {
  const at = now.toISOString();
  let written = 0;
  for (const demo of DEMO) {
    if ((await store.getByEmail(demo.email))?.status === 'active') continue;
    const place = geocodeZip(demo.zip);
    if (!place) throw new Error(`demo ZIP ${demo.zip} is not in the gazetteer`);
    await store.put({
      pausedUntil: null,
      calendarGeneration: 0,
      ...demo,
      id: demoIdOf(demo.email),
      status: 'active',
      lat: place.lat,
      lon: place.lon,
      placeName: place.placeName,
      timeZone,
      consent: { at, ip: null, userAgent: 'netmix demo seed', formVersion: 'demo' },
      createdAt: at,
      updatedAt: at,
    });
    written += 1;
  }
  return written;
}

/**
 * Unsubscribes the sample region's demo subscribers left in the store, so another region's digests
 * never go to them; returns how many were active. They come back with the next sample-region run.
 */
export async function stopDemoSubscribers(store: SubscriberStore, now: Date): Promise<number> {
  let stopped = 0;
  for (const demo of DEMO) {
    const subscriber = await store.getByEmail(demo.email);
    if (subscriber?.status !== 'active') continue;
    await store.setStatus(subscriber.id, 'unsubscribed', now);
    stopped += 1;
  }
  return stopped;
}

/** The demo subscribers' addresses (for tests and messages). */
export const DEMO_EMAILS: readonly string[] = DEMO.map((demo) => demo.email);

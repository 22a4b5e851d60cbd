/** A few confirmed demo subscribers around the sample region, so the first `npm start` has someone to mail. */
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

/** Adds the demo subscribers unless the store already has active ones; returns how many it added. */
export async function seedDemoSubscribers(store: SubscriberStore, now: Date, timeZone: string): Promise<number> {
  if ((await store.listActive()).length > 0) return 0;
  const at = now.toISOString();
  for (const demo of DEMO) {
    const place = geocodeZip(demo.zip);
    if (!place) throw new Error(`demo ZIP ${demo.zip} is not in the gazetteer`);
    await store.put({
      pausedUntil: null,
      calendarGeneration: 0,
      ...demo,
      id: createHash('sha256').update(demo.email).digest('hex').slice(0, 32),
      status: 'active',
      lat: place.lat,
      lon: place.lon,
      placeName: place.placeName,
      timeZone,
      consent: { at, ip: null, userAgent: 'netmix demo seed', formVersion: 'demo' },
      createdAt: at,
      updatedAt: at,
    });
  }
  return DEMO.length;
}

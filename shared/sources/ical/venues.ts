import type ICAL from 'ical.js';
import type { RawVenue } from '../../model/raw-event';
import { geoOf } from './read-vevent';

/**
 * Non-standard VVENUE components (draft-norris-ical-venue, written by upcoming.org). A VEVENT
 * points at one with `LOCATION;VENUE-UID=...`; upcoming.org's VVENUEs carry no UID and follow
 * their VEVENT, so position is the fallback link.
 */
export interface VenueEntry {
  uid: string | null;
  /** Index of the VEVENT just before the VVENUE. */
  afterEvent: number;
  venue: RawVenue;
}

/** Reads one VVENUE component. */
export function readVenue(component: ICAL.Component, afterEvent: number): VenueEntry {
  const text = (name: string): string | null => {
    const value: unknown = component.getFirstPropertyValue(name);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const geo = geoOf(component.getFirstPropertyValue('geo'));
  return {
    uid: text('uid'),
    afterEvent,
    venue: {
      name: text('name'),
      address: text('address'),
      city: text('city'),
      region: text('region'),
      postalCode: text('postal-code') ?? text('postalcode'),
      lat: geo?.lat ?? null,
      lon: geo?.lon ?? null,
    },
  };
}

/** Finds the venue for an event: by VENUE-UID first, else the VVENUE right after it. */
export function venueLookup(entries: VenueEntry[]): (venueUid: string | null, eventIndex: number) => RawVenue | null {
  const byUid = new Map<string, RawVenue>();
  const byPosition = new Map<number, RawVenue>();
  for (const entry of entries) {
    if (entry.uid !== null) byUid.set(entry.uid, entry.venue);
    if (!byPosition.has(entry.afterEvent)) byPosition.set(entry.afterEvent, entry.venue);
  }
  return (venueUid, eventIndex) => {
    if (entries.length === 0) return null;
    if (venueUid !== null && byUid.has(venueUid)) return byUid.get(venueUid) ?? null;
    return venueUid !== null ? (byPosition.get(eventIndex) ?? null) : null;
  };
}

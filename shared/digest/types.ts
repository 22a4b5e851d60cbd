import type { Event } from '../model/event';
import type { Subscriber } from '../model/subscriber';

/** What selection needs to know about a subscriber: their preferences, ZIP centroid and zone. */
export type DigestProfile = Pick<
  Subscriber,
  'zip' | 'radiusMiles' | 'mix' | 'interests' | 'targetEmployers' | 'online' | 'digestSize' | 'lat' | 'lon' | 'timeZone'
>;

/** One event the subscriber got in an earlier digest (from their last `DeliveryRecord`). */
export interface PreviousItem {
  id: string;
  contentHash: string;
}

/** An event picked for a digest, with its distance (null when online-only) and a one-line reason. */
export interface ChosenEvent {
  event: Event;
  distanceMiles: number | null;
  why: string;
}

export interface AudienceCounts {
  'job-seeker': number;
  professional: number;
}

/** The outcome of selection for one subscriber: events in start order and how many of each audience. */
export interface DigestSelection {
  chosen: ChosenEvent[];
  counts: AudienceCounts;
}

export interface SelectOptions {
  /** First instant of the digest window (local midnight of its first day in the region's zone). */
  windowStart: Date;
  windowDays: 7 | 14;
  /** What the subscriber got last time: left out unless its content hash changed. */
  previous?: readonly PreviousItem[];
  /**
   * Zone whose calendar defines "`windowDays` days later" (DST-aware). Defaults to the subscriber's
   * zone in `selectDigest` and to each subscriber's zone in `selectForMany`.
   */
  timeZone?: string;
}

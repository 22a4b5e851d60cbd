import type { Event } from '../model/event';
import type { Audience, Category } from '../model/common';
import type { Subscriber } from '../model/subscriber';

/** What selection needs to know about a subscriber: their preferences, ZIP centroid and zone. */
export type DigestProfile = Pick<
  Subscriber,
  'zip' | 'radiusMiles' | 'mix' | 'fields' | 'interests' | 'targetEmployers' | 'online' | 'digestSize' | 'lat' | 'lon' | 'timeZone'
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
  /**
   * The digest's opening line: the week's plan and any shortfall in plain words ("Only 2
   * professional gatherings within 25 miles this week — widen your radius in preferences").
   */
  opening?: string;
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

/** One event offered in an earlier digest, as the cadence needs it. */
export interface OfferedItem {
  id: string;
  /** `seriesKeyOf(event)` (`series.ts`). */
  seriesKey: string;
  audience: Audience;
  /** The ISO week of the digest that offered it (`2026-W49`). */
  isoWeek: string;
}

/** What a subscriber told the digest about one event: "I'm going" or "Not for me". */
export interface FeedbackEntry {
  eventId: string;
  kind: 'going' | 'not-for-me';
  seriesKey: string;
  organiser: string | null;
  category: Category;
  audience: Audience;
  /** The event's start (UTC instant): a "going" event still ahead gets a reminder line. */
  eventStart: string;
  /** When the feedback was recorded (UTC instant). */
  at: string;
}

/**
 * A subscriber's recent past, for the coaches' cadence (issue 7): what the last four digests
 * offered, and their feedback. Absent means no history (a first digest).
 */
export interface SubscriberHistory {
  /** Events offered by the digests of the four ISO weeks before this one, newest first. */
  offered: readonly OfferedItem[];
  /** Their feedback, newest first. */
  feedback: readonly FeedbackEntry[];
}

import type { SourceInput } from '../model/source';

/** A way to read a site, as `sources discover --json` prints it. */
export interface DiscoveredCandidate {
  url: string;
  kind: 'ical' | 'html' | 'json';
  /** `the-events-calendar`, `squarespace`, `localist`, `libcal`, `google-calendar`, `meetup`, or null. */
  platform: string | null;
  /** The candidate was fetched and read as the kind it claims. */
  verified: boolean;
  /** Upcoming events it lists (first page of a paged API), or null when not verified. */
  events: number | null;
  /** How it was found and what verifying it showed, in a few words. */
  note: string;
}

/** What discovery found: candidates best first, and the sources-file entry it suggests. */
export interface Discovery {
  candidates: DiscoveredCandidate[];
  /** Built from the best verified candidate; null when none was verified. */
  suggested: SourceInput | null;
}

/** A candidate found on a page, before it is verified. */
export interface FoundCandidate {
  url: string;
  kind: DiscoveredCandidate['kind'];
  platform: string | null;
  /** How it was found ("<link rel=alternate> iCal feed"). */
  how: string;
}

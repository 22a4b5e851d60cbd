/**
 * What no other record keeps: how each week's digest runs ended (skipped and why, failed; a failed
 * send's claim is released, so the deliveries table forgets it) and how many bounces and complaints
 * SES reported. One small counter per ISO week, added to by the digest runs and the feedback handler,
 * read by the operator's weekly report.
 */
import type { DigestRunSummary } from '../digest/send-digests';

/** One week's counters. */
export interface WeekTally {
  isoWeek: string;
  /** Digest runs (batches) that reported into this week. */
  runs: number;
  sent: number;
  failed: number;
  /** Skipped subscribers by reason ("no events near", "already sent", …). */
  skipped: { reason: string; count: number }[];
  /** Recipients of permanent bounces SES reported this week. */
  bounces: number;
  /** Recipients of complaints (not `not-spam` feedback) SES reported this week. */
  complaints: number;
}

/** The counters' store (the deliveries table's `#tally` items on AWS and locally). */
export interface WeekTallyStore {
  /** Adds one digest run's outcome to its week. */
  addDigestRun(summary: Pick<DigestRunSummary, 'isoWeek' | 'sent' | 'failed' | 'skipped'>): Promise<void>;
  /** Counts `recipients` bounced or complaining recipients in `isoWeek`. */
  addFeedback(isoWeek: string, kind: 'bounce' | 'complaint', recipients: number): Promise<void>;
  /** The week's counters (all zero when nothing reported). */
  get(isoWeek: string): Promise<WeekTally>;
}

/** An all-zero tally of `isoWeek`. */
export function emptyTally(isoWeek: string): WeekTally {
  return { isoWeek, runs: 0, sent: 0, failed: 0, skipped: [], bounces: 0, complaints: 0 };
}

/**
 * The weekly digest: selection (pure), rendering (MJML compiled once), MIME, and the send run.
 * `ses-mailer.ts` is the Mailer adapter over SES and is imported directly by whoever wires AWS.
 */
export { selectDigest, windowEndFor, jobSeekerTarget, MAX_PER_ORGANISER, type DigestRecipient } from './select';
export { selectForMany } from './select-many';
export { prepareEvents, type PreparedEvent, type PreparedEvents } from './prepare';
export type { ChosenEvent, DigestProfile, DigestSelection, AudienceCounts, PreviousItem, SelectOptions } from './types';
export { renderDigest, digestSubject, type DigestLinks, type Operator, type RenderInput, type RenderedDigest } from './render';
export { buildDigestMime, UnsubscribeUrlError, type DigestMimeInput } from './mime';
export {
  sendDigests,
  DEFAULT_LEASE_MS,
  SKIP_ALREADY_SENT,
  SKIP_DRY_RUN,
  SKIP_IN_PROGRESS,
  SKIP_NO_EVENTS,
  type DigestProgress,
  type DigestRunSummary,
  type SendDigestsConfig,
  type SendDigestsDeps,
} from './send-digests';
export { previewDigest, type PreviewOptions } from './preview';
export { googleCalendarUrl } from './calendar-links';
export { isoWeekOf } from './iso-week';
export { TokenBucket, backoffMs, createSharedSendRate, type SharedSendRateOptions, type Sleep } from './pacing';
export { candidatesFrom, loadCandidatesOnce, type CandidateEvents } from './candidate-events';

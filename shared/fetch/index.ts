/** Polite, SSRF-safe fetching of feeds and pages (reliability.md §2). */
export { createFetcher } from './fetcher';
export { buildUserAgent, type UserAgentParts } from './user-agent';
export type { ConditionalHeaders, FetchLimits, FetchOutcome, Fetcher, FetcherOptions, FetchTimeouts } from './types';
export {
  BadUrlError,
  BlockedByRobotsError,
  FetchError,
  FetchTimeoutError,
  ForbiddenAddressError,
  HttpStatusError,
  InsecureRedirectError,
  NetworkError,
  RetryLaterError,
  RobotsUnreachableError,
  TlsError,
  TooLargeError,
  TooManyRedirectsError,
  type FetchErrorCode,
} from './errors';
export { isAllowedAddress, parseHttpUrl, type LoopbackAllowance } from './address-policy';
export { parseRetryAfter } from './retry-after';
export { resolveWithSystem, type ResolveHost } from './pinned-connector';
export type { Clock, Sleep } from './host-queue';

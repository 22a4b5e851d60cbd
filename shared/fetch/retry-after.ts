/**
 * Seconds to wait according to a Retry-After value (RFC 9110 §10.2.3): either delay-seconds or an
 * HTTP-date, counted from `nowMs`. A date in the past gives 0; a missing or malformed value gives null.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // HTTP-dates always spell a weekday or month name; this keeps bare numbers like "-5" or "1.5" out.
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

import { isSafeHttpUrl } from '../model/common';

const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$/i;

/**
 * A link fit to store: an absolute http(s) URL without credentials, at most 2,048 characters,
 * with tracking parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`, `mc_eid`…) removed.
 * Anything else (`javascript:`, relative, malformed) is null.
 */
export function cleanUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || !isSafeHttpUrl(trimmed)) return null;
  const url = new URL(trimmed);
  const tracking = [...url.searchParams.keys()].filter((name) => TRACKING_PARAM.test(name));
  // Only rewrite the query when there is something to drop: URLSearchParams re-encodes it.
  for (const name of tracking) url.searchParams.delete(name);
  const cleaned = url.toString();
  return cleaned.length <= 2048 && isSafeHttpUrl(cleaned) ? cleaned : null;
}

import { isSafeHttpUrl } from '../model/common';

const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$/i;
/** Links cleanUrl returned lately; bounded, so a long-lived process does not keep every feed's links. */
const MAX_REMEMBERED = 20_000;
const remembered = new Set<string>();

/**
 * A link fit to store: an absolute http(s) URL without credentials, at most 2,048 characters,
 * with tracking parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`, `mc_eid`…) removed.
 * Anything else (`javascript:`, relative, malformed) is null.
 */
export function cleanUrl(value: string | null | undefined): string | null {
  return cleanUrlParts(value)?.href ?? null;
}

/** {@link cleanUrl} with the parsed URL beside it, so callers need not parse the link again. */
export function cleanUrlParts(value: string | null | undefined): { href: string; url: URL } | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const url = safeHttpUrl(trimmed);
  if (url === null) return null;
  const tracking = [...url.searchParams.keys()].filter((name) => TRACKING_PARAM.test(name));
  // Only rewrite the query when there is something to drop: URLSearchParams re-encodes it.
  for (const name of tracking) url.searchParams.delete(name);
  const href = url.toString();
  if (href.length > 2048) return null;
  // An http(s) URL's serialisation parses back to the same scheme and credentials; a rewritten
  // query is still checked again, as the old code did for every link.
  if (tracking.length > 0 && !isSafeHttpUrl(href)) return null;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.add(href);
  return { href, url };
}

/**
 * `isSafeHttpUrl` answered from memory for links {@link cleanUrl} produced (one `new URL` less
 * per link when the Event schema checks it again).
 */
export function isStoredUrl(value: string): boolean {
  return remembered.has(value) || isSafeHttpUrl(value);
}

/** The same test as `isSafeHttpUrl`, keeping the parsed URL. */
function safeHttpUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' ? url : null;
}

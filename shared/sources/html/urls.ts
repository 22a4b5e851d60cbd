import { isSafeHttpUrl } from '../../model/common';

/**
 * Resolves `href` against `baseUrl` and keeps it only when it is an http(s) URL without credentials.
 * The WHATWG parser strips tabs, newlines and edge controls as browsers do, so `java\tscript:` is
 * seen as `javascript:` and dropped.
 */
export function safeUrl(href: string | null | undefined, baseUrl: string | undefined): string | null {
  if (href === null || href === undefined) return null;
  const stripped = href.trim();
  if (stripped === '') return null;
  let resolved: string;
  try {
    resolved = baseUrl === undefined ? new URL(stripped).href : new URL(stripped, baseUrl).href;
  } catch {
    return null;
  }
  return isSafeHttpUrl(resolved) ? resolved : null;
}

/** True when `url` names something more specific than the page itself or a site's home page. */
export function isSpecificUrl(url: string, baseUrl: string | undefined): boolean {
  const parsed = new URL(url);
  if (parsed.pathname === '/' && parsed.search === '') return false;
  if (baseUrl === undefined) return true;
  try {
    const base = new URL(baseUrl);
    base.hash = '';
    parsed.hash = '';
    return base.href !== parsed.href;
  } catch {
    return true;
  }
}

import type { MiddlewareHandler } from 'hono';
import { STYLE_HASH_SOURCE } from './html';

/**
 * No scripts, no external anything: the pages need only their own stylesheet (allowed by hash) and
 * forms that post back to this origin. `frame-ancestors` stops clickjacking of the one-click buttons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${STYLE_HASH_SOURCE}`,
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Sets the security headers on every response, errors included. `Referrer-Policy: no-referrer`
 * matters most: the pages' URLs carry link tokens, which must not leak to other sites. Responses
 * are `no-store` unless a route chose its own caching, for the same reason.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Strict-Transport-Security', 'max-age=31536000');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };
}

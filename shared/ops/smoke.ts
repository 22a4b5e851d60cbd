/**
 * The post-deploy smoke check: does the origin every mail's links are built on answer, and does it
 * accept links signed with the deployment's key (and refuse forged ones)? It changes nothing: it
 * only GETs `/health` and the unsubscribe page of a made-up subscriber (GET never unsubscribes).
 */
import { randomBytes } from 'node:crypto';
import { createLinkBuilder } from '../subscriptions/links';
import type { TokenKeys } from '../subscriptions/tokens';

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SmokeOptions {
  /** The link origin (the stack's `LinkOrigin` output). */
  origin: string;
  keys: TokenKeys;
  now: Date;
  fetch?: typeof fetch;
  /** Allow http (only for a local run of the API). */
  allowHttp?: boolean;
}

async function get(fetcher: typeof fetch, url: string): Promise<{ status: number; body: string } | { error: string }> {
  try {
    const response = await fetcher(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { error: error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error) };
  }
}

function describe(result: { status: number } | { error: string }): string {
  return 'error' in result ? result.error : `HTTP ${result.status}`;
}

/** Runs every check; a failed one says what was seen. */
export async function runSmokeChecks(options: SmokeOptions): Promise<SmokeCheck[]> {
  const fetcher = options.fetch ?? fetch;
  const checks: SmokeCheck[] = [];
  const origin = options.origin.replace(/\/+$/, '');
  const scheme = new URL(origin).protocol;
  checks.push({
    name: 'links are https',
    ok: scheme === 'https:' || (options.allowHttp === true && scheme === 'http:'),
    detail: scheme === 'https:' ? origin : `${origin} is not https: mail clients and RFC 8058 need https links`,
  });

  const health = await get(fetcher, `${origin}/health`);
  const healthy = 'status' in health && health.status === 200 && /"status"\s*:\s*"ok"/.test(health.body);
  checks.push({ name: '/health answers ok', ok: healthy, detail: healthy ? `${origin}/health` : `${origin}/health: ${describe(health)}` });

  // A made-up subscriber: the page is served from the token alone, so nothing stored is read or changed.
  const subscriberId = randomBytes(16).toString('hex');
  const genuine = createLinkBuilder(origin, options.keys).unsubscribeUrl(subscriberId, options.now);
  const signed = await get(fetcher, genuine);
  const accepted = 'status' in signed && signed.status === 200;
  checks.push({
    name: 'a link signed with the deployment key opens',
    ok: accepted,
    detail: accepted ? 'unsubscribe page served (GET changes nothing)' : `${describe(signed)}: the API does not accept this key's links (wrong secret, or links point elsewhere)`,
  });

  const forgedKeys: TokenKeys = { current: { id: options.keys.current.id, secret: randomBytes(32).toString('hex') } };
  const forged = await get(fetcher, createLinkBuilder(origin, forgedKeys).unsubscribeUrl(subscriberId, options.now));
  const refused = 'status' in forged && forged.status === 404;
  checks.push({ name: 'a forged link is refused', ok: refused, detail: refused ? 'HTTP 404' : `${describe(forged)} (expected 404)` });
  return checks;
}

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../shared/fetch/body';
import {
  createRobotsCache,
  parseRobotsTxt,
  robotsAllows,
  robotsTextOf,
  ROBOTS_MAX_BYTES,
  type RobotsPolicy,
} from '../../../shared/fetch/robots';

const ROBOTS_URL = new URL('https://events.example/robots.txt');

const ROBOTS = `# Everyone else stays out.
User-agent: *
Disallow: /

User-agent: netmix
Disallow: /private
Allow: /private/public
Allow: /page
Disallow: /page
Disallow: /*.pdf$
Disallow: /search*q=
Crawl-delay: 10
`;

const allowed = (policy: RobotsPolicy, path: string) => robotsAllows(policy, new URL(path, 'https://events.example'));

describe('robots.txt matching (SC-01, RFC 9309 §2.2)', () => {
  const policy = parseRobotsTxt(ROBOTS_URL, ROBOTS);

  it('uses the group for our token (case-insensitive) and does not inherit the * group', () => {
    expect(allowed(policy, '/events')).toBe(true);
  });

  it('lets the longest match win', () => {
    expect(allowed(policy, '/private/board')).toBe(false);
    expect(allowed(policy, '/private/public/calendar.ics')).toBe(true);
  });

  it('lets allow win a tie of equal length', () => {
    expect(allowed(policy, '/page')).toBe(true);
  });

  it('anchors a pattern ending in $', () => {
    expect(allowed(policy, '/files/flyer.pdf')).toBe(false);
    expect(allowed(policy, '/files/flyer.pdfx')).toBe(true);
    expect(allowed(policy, '/files/flyer.pdf?download=1')).toBe(true);
  });

  it('treats * inside a pattern as any run of characters', () => {
    expect(allowed(policy, '/search?type=event&q=jobs')).toBe(false);
    expect(allowed(policy, '/search?type=event')).toBe(true);
  });

  it('reads Crawl-delay for our token as milliseconds', () => {
    expect(policy.kind === 'rules' ? policy.crawlDelayMs : null).toBe(10_000);
  });

  it('falls back to the * group when no group names us', () => {
    const star = parseRobotsTxt(ROBOTS_URL, 'User-agent: *\nDisallow: /admin\n');
    expect(allowed(star, '/admin/x')).toBe(false);
    expect(allowed(star, '/events')).toBe(true);
  });

  it('does not apply one origin’s rules to another', () => {
    const open = parseRobotsTxt(ROBOTS_URL, 'User-agent: *\nAllow: /\n');
    expect(robotsAllows(open, new URL('https://other.example/'))).toBe(false);
  });

  it('allows everything for allow-all and nothing for unreachable (RFC 9309 §2.3.1)', () => {
    expect(robotsAllows({ kind: 'allow-all' }, new URL('https://events.example/x'))).toBe(true);
    expect(robotsAllows({ kind: 'unreachable', reason: 'HTTP 503' }, new URL('https://events.example/x'))).toBe(false);
  });
});

describe('robots.txt size cap (SC-03)', () => {
  it('truncates a 2 MiB file to 500 KiB instead of rejecting it, dropping the cut line', async () => {
    const head = 'User-agent: Netmix\nDisallow: /early\n';
    const padding = '# padding padding padding padding padding padding padding padding padding\n';
    const tail = 'Disallow: /late\n';
    let text = head;
    while (text.length < 2 * 1024 * 1024) text += padding;
    text += tail;
    const bytes = await readBody(Readable.from([Buffer.from(text)]), {
      maxBytes: ROBOTS_MAX_BYTES,
      overflow: 'truncate',
      contentEncoding: null,
    });
    expect(bytes.length).toBe(ROBOTS_MAX_BYTES);
    const kept = robotsTextOf(bytes);
    expect(kept.endsWith('\n')).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(ROBOTS_MAX_BYTES);
    const policy = parseRobotsTxt(ROBOTS_URL, kept);
    expect(allowed(policy, '/early')).toBe(false);
    expect(allowed(policy, '/late')).toBe(true);
  });
});

describe('createRobotsCache (SC-03: ≤ 24 h)', () => {
  const HOUR = 60 * 60 * 1000;

  function setup(result: () => Promise<RobotsPolicy>) {
    const time = { now: 0 };
    const loads: string[] = [];
    const cache = createRobotsCache({
      clock: () => time.now,
      load: (url) => {
        loads.push(url.href);
        return result();
      },
    });
    return { time, loads, cache };
  }

  it('loads once per origin, shares a pending load, and reloads after 24 h', async () => {
    const { time, loads, cache } = setup(() => Promise.resolve({ kind: 'allow-all' }));
    await Promise.all([
      cache.policyFor(new URL('https://events.example/a')),
      cache.policyFor(new URL('https://events.example/b?x=1')),
    ]);
    expect(loads).toEqual(['https://events.example/robots.txt']);
    time.now = 24 * HOUR - 1;
    await cache.policyFor(new URL('https://events.example/c'));
    expect(loads).toHaveLength(1);
    time.now = 24 * HOUR;
    await cache.policyFor(new URL('https://events.example/c'));
    expect(loads).toHaveLength(2);
  });

  it('keeps origins apart: scheme and port count', async () => {
    const { loads, cache } = setup(() => Promise.resolve({ kind: 'allow-all' }));
    await cache.policyFor(new URL('https://events.example/'));
    await cache.policyFor(new URL('http://events.example/'));
    await cache.policyFor(new URL('https://events.example:8443/'));
    expect(loads).toEqual([
      'https://events.example/robots.txt',
      'http://events.example/robots.txt',
      'https://events.example:8443/robots.txt',
    ]);
  });

  it('re-asks an unreachable robots.txt after an hour', async () => {
    const { time, loads, cache } = setup(() => Promise.resolve({ kind: 'unreachable', reason: 'HTTP 503' }));
    await cache.policyFor(new URL('https://events.example/'));
    time.now = HOUR - 1;
    await cache.policyFor(new URL('https://events.example/'));
    expect(loads).toHaveLength(1);
    time.now = HOUR;
    await cache.policyFor(new URL('https://events.example/'));
    expect(loads).toHaveLength(2);
  });

  it('does not cache a failed load', async () => {
    let calls = 0;
    const { loads, cache } = setup(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve({ kind: 'allow-all' });
    });
    await expect(cache.policyFor(new URL('https://events.example/'))).rejects.toThrow('boom');
    await expect(cache.policyFor(new URL('https://events.example/'))).resolves.toEqual({ kind: 'allow-all' });
    expect(loads).toHaveLength(2);
  });
});

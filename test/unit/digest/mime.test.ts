import { describe, expect, it } from 'vitest';
import { buildDigestMime, UnsubscribeUrlError } from '../../../shared/digest/mime';
import { renderDigest } from '../../../shared/digest/render';
import { headerLinesOf, parseMail } from './parse-mail';
import { sampleInput } from './sample-digest';

const UNSUBSCRIBE = `https://api.example.org/u/${'eyJzIjoiYWJjIn0'.repeat(8)}.c2lnbmF0dXJl`;

function headerLines(raw: string, name: string): string[] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head.split(/\r\n(?![ \t])/).filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
}

describe('buildDigestMime', () => {
  const digest = renderDigest(sampleInput());
  const build = (extra: Partial<Parameters<typeof buildDigestMime>[0]> = {}) =>
    buildDigestMime({ from: 'Netmix <digest@example.org>', to: 'jo@example.net', subject: digest.subject, html: digest.html, text: digest.text, unsubscribeUrl: UNSUBSCRIBE, ...extra });

  it('holds both parts and the one-click headers exactly once', async () => {
    const raw = Buffer.from(await build()).toString('utf8');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(headerLines(raw, 'List-Unsubscribe')).toEqual([`List-Unsubscribe: <${UNSUBSCRIBE}>`]);
    expect(headerLines(raw, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
    const parsed = await parseMail(raw);
    expect(parsed.subject).toBe('4 networking events near Lowell, Nov 30 – Dec 6');
    expect(parsed.text).toContain('Wednesday Is Networking Day');
    expect(parsed.html).toContain('<h1');
    expect(headerLinesOf(parsed, 'list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
    expect(headerLinesOf(parsed, 'list-unsubscribe')).toEqual([`List-Unsubscribe: <${UNSUBSCRIBE}>`]);
  });

  it('adds a mailto after the https URL and a Reply-To when given', async () => {
    const raw = Buffer.from(await build({ unsubscribeMailto: 'mailto:unsubscribe@example.org?subject=stop', replyTo: 'help@example.org' })).toString('utf8');
    expect(headerLines(raw, 'List-Unsubscribe')).toEqual([`List-Unsubscribe: <${UNSUBSCRIBE}>, <mailto:unsubscribe@example.org?subject=stop>`]);
    const parsed = await parseMail(raw);
    expect(parsed.replyTo?.text).toBe('help@example.org');
  });

  it('keeps the subject on one line', async () => {
    const parsed = await parseMail(await build({ subject: 'Hello\r\nBcc: victim@example.org' }));
    expect(parsed.subject).toBe('Hello Bcc: victim@example.org');
    expect(parsed.bcc).toBeUndefined();
  });

  it('refuses an unsubscribe URL that is not https or would break the header', async () => {
    await expect(build({ unsubscribeUrl: 'http://api.example.org/u/x' })).rejects.toBeInstanceOf(UnsubscribeUrlError);
    await expect(build({ unsubscribeUrl: 'https://api.example.org/u/x>, <https://evil.example' })).rejects.toBeInstanceOf(UnsubscribeUrlError);
    await expect(build({ unsubscribeUrl: 'javascript:alert(1)' })).rejects.toBeInstanceOf(UnsubscribeUrlError);
    // The local runner's loopback http endpoint is allowed.
    await expect(build({ unsubscribeUrl: 'http://127.0.0.1:3000/u/x' })).resolves.toBeInstanceOf(Uint8Array);
  });
});

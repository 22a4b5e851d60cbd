import { describe, expect, it } from 'vitest';
import { buildDigestMime } from '../../../shared/digest/mime';
import { senderAddress } from '../../../shared/digest/sender';
import { parseMail } from './parse-mail';

describe('senderAddress', () => {
  it("puts the operator's name before the address, quoted and on one line", () => {
    expect(senderAddress('Merrimack Valley Career Center', 'digest@news.example.org')).toBe('"Merrimack Valley Career Center" <digest@news.example.org>');
    expect(senderAddress('The "Best" \\ Center\r\nBcc: x@evil.example', 'd@example.org')).toBe('"The \\"Best\\" \\\\ Center Bcc: x@evil.example" <d@example.org>');
    expect(senderAddress('  ', 'd@example.org')).toBe('d@example.org');
  });
});

describe('the From header of a digest', () => {
  it("shows the operator's name, RFC 2047-encoded when it is not ASCII, and the address", async () => {
    const raw = Buffer.from(
      await buildDigestMime({
        from: senderAddress('Centre d’emploi de Lowell', 'digest@news.example.org'),
        to: 'jo@example.net',
        subject: 'Events',
        html: '<p>x</p>',
        text: 'x',
        unsubscribeUrl: 'https://api.example.org/u/abc.def',
      }),
    ).toString('utf8');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    const fromLine = head.split('\r\n').find((line) => line.startsWith('From:')) ?? '';
    expect(fromLine).toMatch(/^From: (=\?UTF-8\?[QB]\?\S+\?= ?)+ <digest@news\.example\.org>$/);
    const parsed = await parseMail(raw);
    expect(parsed.from?.value).toEqual([{ name: 'Centre d’emploi de Lowell', address: 'digest@news.example.org' }]);
  });
});

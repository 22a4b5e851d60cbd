import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TooLargeError } from '../../../shared/fetch';
import { charsetOf, decodeText, readBody } from '../../../shared/fetch/body';
import { gzipBomb } from '../../support/http-fixtures';

describe('readBody', () => {
  it('undoes gzip, deflate and br', async () => {
    const text = Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const cases: [string, Buffer][] = [
      ['gzip', gzipSync(text)],
      ['deflate', deflateSync(text)],
      ['br', brotliCompressSync(text)],
      ['identity', text],
    ];
    for (const [coding, bytes] of cases) {
      const body = await readBody(Readable.from([bytes]), { maxBytes: 1000, overflow: 'reject', contentEncoding: coding });
      expect(body.toString('utf8')).toBe(text.toString('utf8'));
    }
  });

  it('stops a gzip bomb (256 MiB of zeros) at the 1 MiB cap without reading the whole stream', async () => {
    const compressed = gzipBomb(256);
    const total = compressed.length;
    let pulled = 0;
    // Hand the compressed bytes over in slices so we can see how far the reader got; piping reads
    // ahead about 16 KiB, a small part of the whole.
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < compressed.length; i += 256) {
          const slice = compressed.subarray(i, i + 256);
          pulled += slice.length;
          yield slice;
        }
      })(),
    );
    await expect(
      readBody(source, { maxBytes: 1024 * 1024, overflow: 'reject', contentEncoding: 'gzip' }),
    ).rejects.toBeInstanceOf(TooLargeError);
    expect(pulled).toBeLessThan(total / 4);
  });

  it('refuses an encoding it cannot undo', async () => {
    await expect(
      readBody(Readable.from([Buffer.from('x')]), { maxBytes: 10, overflow: 'reject', contentEncoding: 'zstd' }),
    ).rejects.toMatchObject({ code: 'network' });
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 by default and strips its BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFCafé', 'utf8'), 'text/calendar')).toBe('Café');
  });

  it('honours charset=ISO-8859-1 (é is 0xE9)', () => {
    expect(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9]), 'text/html; charset=ISO-8859-1')).toBe('Café');
  });

  it('honours charset="windows-1252" (0x93 0x94 are curly quotes)', () => {
    expect(decodeText(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'text/html; charset="windows-1252"')).toBe('\u201chi\u201d');
  });

  it('lets a UTF-8 BOM win over a latin1 label', () => {
    expect(decodeText(Buffer.from('\uFEFFCafé', 'utf8'), 'text/html; charset=latin1')).toBe('Café');
  });

  it('reads UTF-16LE with a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFhi', 'utf16le'), null)).toBe('hi');
  });

  it('maps every windows-1252 C1 byte: 0x80 is €, 0x9F is Ÿ, undefined 0x81 stays U+0081', () => {
    expect(decodeText(Buffer.from([0x80, 0x81, 0x9f, 0xff]), 'text/html; charset=cp1252')).toBe('\u20ac\u0081\u0178\u00ff');
  });

  it('treats an unknown charset as UTF-8', () => {
    expect(decodeText(Buffer.from('Café', 'utf8'), 'text/plain; charset=x-made-up')).toBe('Café');
  });

  it('extracts the charset parameter', () => {
    expect(charsetOf('text/calendar; method=PUBLISH; charset="UTF-8"')).toBe('utf-8');
    expect(charsetOf('text/calendar')).toBeNull();
    expect(charsetOf(null)).toBeNull();
  });
});

import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { NetworkError, TooLargeError } from './errors';
import { decodeWindows1252 } from './windows-1252';

/** What to do when the decompressed body passes the cap. */
export type OverflowPolicy = 'reject' | 'truncate';

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** Cap on the DECOMPRESSED size, in bytes. */
  readonly maxBytes: number;
  /** `reject` throws `TooLargeError`; `truncate` keeps the first `maxBytes` (robots.txt). */
  readonly overflow: OverflowPolicy;
  /** The response's Content-Encoding header, if any. */
  readonly contentEncoding: string | null;
}

/** The encodings we advertise in Accept-Encoding and can undo ourselves. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/**
 * Reads a response body through our own decompressors, stopping as soon as the decoded size passes
 * the cap, so a gzip bomb costs at most `maxBytes` plus one zlib chunk of memory.
 */
export async function readBody(source: Readable, options: ReadBodyOptions): Promise<Buffer> {
  let decoders: Transform[];
  try {
    decoders = decodersFor(options.contentEncoding);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const streams: Readable[] = [source, ...decoders];
  let tail: Readable = source;
  for (const decoder of decoders) {
    const upstream = tail;
    upstream.on('error', (error) => decoder.destroy(error));
    tail = upstream.pipe(decoder);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of tail) {
      const buffer = toBuffer(chunk);
      const room = options.maxBytes - total;
      if (buffer.length > room) {
        if (options.overflow === 'reject') {
          throw new TooLargeError(`body is larger than ${options.maxBytes} bytes`);
        }
        chunks.push(buffer.subarray(0, room));
        total += room;
        break;
      }
      chunks.push(buffer);
      total += buffer.length;
    }
  } finally {
    for (const stream of streams) stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new NetworkError('unexpected chunk type in response body');
}

function decodersFor(contentEncoding: string | null): Transform[] {
  if (contentEncoding === null) return [];
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  // Codings are listed in the order they were applied, so they are undone last-first.
  return codings.reverse().map(decoderFor);
}

function decoderFor(coding: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new NetworkError(`unsupported content-encoding ${coding}`);
  }
}

/**
 * Decodes body bytes as text: a byte-order mark wins (and is stripped), then a Content-Type charset
 * that names latin1 / windows-1252 (WHATWG treats these labels as one encoding), else UTF-8.
 */
export function decodeText(bytes: Uint8Array, contentType: string | null): string {
  const encoding = sniffEncoding(bytes, contentType);
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

function sniffEncoding(bytes: Uint8Array, contentType: string | null): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  const charset = charsetOf(contentType);
  if (charset !== null && labelsWindows1252(charset)) return 'windows-1252';
  return 'utf-8';
}

/** The `charset` parameter of a Content-Type value, lower-cased, or null. */
export function charsetOf(contentType: string | null): string | null {
  if (contentType === null) return null;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? null;
}

function labelsWindows1252(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === 'windows-1252';
  } catch {
    return false;
  }
}

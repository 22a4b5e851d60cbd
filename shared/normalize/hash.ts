import { createHash } from 'node:crypto';

/** First 32 hex characters of the SHA-256 of `text` (UTF-8), as a flat string of its own (a slice of the 64-character digest would keep the whole and compare slower as a map key). */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest().toString('hex', 0, 16);
}

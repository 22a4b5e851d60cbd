import { decodeEntities } from './entities';

// CMS templates fill empty fields with "-" or "," placeholders; text without a letter, digit or symbol says nothing.
const MEANINGFUL = /[\p{L}\p{N}\p{S}]/u;

/** Decoded, whitespace-collapsed, trimmed text; null when nothing meaningful is left. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return MEANINGFUL.test(cleaned) ? cleaned : null;
}

/** Decoded text whose line structure is kept (descriptions); null when blank. */
export function cleanBlock(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const decoded = decodeEntities(value).trim();
  return decoded === '' ? null : decoded;
}

function repeatsSegment(earlier: string[], part: string): boolean {
  const wanted = part.toLowerCase();
  return earlier.some((text) => text.split(',').some((segment) => segment.trim().toLowerCase() === wanted));
}

/** Joins the non-empty parts, dropping a part that repeats a comma-separated segment of an earlier one (`Varies…, Varies…`). */
export function joinParts(parts: ReadonlyArray<string | null | undefined>, separator = ', '): string | null {
  const kept: string[] = [];
  for (const part of parts) {
    const cleaned = cleanText(part);
    // A street address often repeats the city and ZIP that follow it.
    if (cleaned !== null && !repeatsSegment(kept, cleaned)) kept.push(cleaned);
  }
  return kept.length === 0 ? null : kept.join(separator);
}

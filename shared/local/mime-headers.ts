/** One header field of a MIME message, as written (encoded words are left encoded). */
export interface MimeHeader {
  name: string;
  value: string;
}

/**
 * The header fields of a raw RFC 5322 message, in order, unfolded. Reads up to the first empty
 * line; a message without a body yields all its lines as headers.
 */
export function readMimeHeaders(raw: string): MimeHeader[] {
  const end = raw.search(/\r?\n\r?\n/);
  const block = end === -1 ? raw : raw.slice(0, end);
  const headers: MimeHeader[] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last !== undefined) {
      // RFC 5322 §2.2.3: unfolding removes the CRLF before the whitespace.
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

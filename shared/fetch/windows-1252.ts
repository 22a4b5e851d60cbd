/**
 * windows-1252 code points for bytes 0x80–0x9F (WHATWG Encoding). Node 20's TextDecoder decodes the
 * label as ISO-8859-1 and yields C1 controls for these bytes, so curly quotes and € come out wrong.
 */
const C1_TO_UNICODE = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes windows-1252 (which WHATWG also uses for `latin1`, `iso-8859-1` and `us-ascii`). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (C1_TO_UNICODE[byte - 0x80] ?? byte) : byte);
  }
  return text;
}

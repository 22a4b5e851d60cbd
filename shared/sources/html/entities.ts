/**
 * HTML entity decoding for strings that never went through an HTML parser (JSON-LD values) or that a
 * site encoded twice (`&amp;amp;`). Only the entities event pages actually use are named here; an
 * unknown name stays as written rather than being guessed.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  euro: '\u20ac',
  pound: '\u00a3',
  cent: '\u00a2',
  times: '\u00d7',
  frac12: '\u00bd',
  eacute: '\u00e9',
  egrave: '\u00e8',
  ecirc: '\u00ea',
  aacute: '\u00e1',
  agrave: '\u00e0',
  acirc: '\u00e2',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  oacute: '\u00f3',
  iacute: '\u00ed',
  uacute: '\u00fa',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  szlig: '\u00df',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

function codePointToString(codePoint: number, original: string): string {
  if (!Number.isFinite(codePoint) || codePoint <= 0 || codePoint > 0x10ffff) return original;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return original;
  return String.fromCodePoint(codePoint);
}

/** Decodes one layer of HTML character references. */
export function decodeEntitiesOnce(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return codePointToString(Number.parseInt(decimal, 10), match);
    if (hex !== undefined) return codePointToString(Number.parseInt(hex, 16), match);
    if (name !== undefined && match.endsWith(';')) return NAMED[name] ?? match;
    return match;
  });
}

/** Decodes until the text stops changing, at most three layers (sites double- and triple-encode). */
export function decodeEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3; pass += 1) {
    const next = decodeEntitiesOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Feed text → plain text. A small tag stripper instead of cheerio: normalise runs once per
 * occurrence (thousands per ingest), and a DOM per description costs more than the rest of
 * the step together. Output is plain text; HTML escaping happens where it is rendered.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  deg: '°', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', cent: '¢', pound: '£',
  euro: '€', yen: '¥', sect: '§', para: '¶', dagger: '†', iexcl: '¡', iquest: '¿', shy: '',
  zwj: '', zwnj: '', lrm: '', rlm: '', agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã',
  auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë',
  igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï', ntilde: 'ñ', ograve: 'ò', oacute: 'ó',
  ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù', uacute: 'ú', ucirc: 'û',
  uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß', Agrave: 'À', Aacute: 'Á', Acirc: 'Â',
  Auml: 'Ä', Ccedil: 'Ç', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Iacute: 'Í', Ntilde: 'Ñ',
  Oacute: 'Ó', Ouml: 'Ö', Uacute: 'Ú', Uuml: 'Ü',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

function fromCodePoint(code: number, original: string): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return original === '' ? '' : '\uFFFD';
  return String.fromCodePoint(code);
}

/** Decodes numeric and common named HTML entities; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10), match);
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), match);
    if (name !== undefined) {
      const decoded = NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()];
      if (decoded !== undefined) return decoded;
    }
    return match;
  });
}

/** Elements whose content is never text a reader should see. */
const INVISIBLE_ELEMENT = /<(script|style|noscript|template|iframe|object|embed|svg|math|head|title|textarea|select)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[|\]\]>|<![^>]*>|<\?[^>]*>/g;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const PARAGRAPH_TAG = /<\/?(?:p|div|h[1-6]|ul|ol|table|section|article|blockquote|pre|header|footer|aside|nav|figure|dl|form|fieldset|hr)\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/gi;
const LINE_TAG = /<\/?(?:li|tr|dt|dd|figcaption|address|caption)\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/gi;
// No tag pattern may cross a "<": each failed attempt then stops at the next one, which keeps
// a hostile run of unclosed tags linear instead of quadratic.
const ANY_TAG = /<\/?[A-Za-z][^\s/>]*(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/g;
/** A tag cut off by the end of the input (`…<img src=x onerror=…`). */
const TRAILING_OPEN_TAG = /<\/?[A-Za-z][^<>]*$/;
const LOOKS_LIKE_HTML = /<\/?[A-Za-z][^<>]*>|<!--/;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g;

function stripTags(html: string): string {
  return html
    .replace(COMMENT, ' ')
    .replace(INVISIBLE_ELEMENT, ' ')
    .replace(LINE_BREAK_TAG, '\n')
    .replace(PARAGRAPH_TAG, '\n\n')
    .replace(LINE_TAG, '\n')
    .replace(ANY_TAG, '')
    .replace(TRAILING_OPEN_TAG, '');
}

/** Collapses runs of spaces in each line and runs of blank lines to one paragraph break. */
function collapseWhitespace(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ').trim());
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Longest raw input looked at: keeps a pathological description from costing seconds. */
const MAX_INPUT = 100_000;

/**
 * Plain text from a description that may hold HTML: invisible elements (`script`, `style`…)
 * dropped with their content, block elements and `<br>` turned into line breaks, entities
 * decoded, whitespace collapsed with paragraph breaks kept. HTML that was escaped once more
 * (`&lt;p&gt;`) is stripped after decoding too.
 */
export function htmlToText(input: string): string {
  let text = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  text = text.replace(/\r\n?/g, '\n');
  if (LOOKS_LIKE_HTML.test(text)) {
    text = stripTags(text.replace(/\n/g, ' '));
  }
  text = decodeEntities(text);
  if (LOOKS_LIKE_HTML.test(text)) text = stripTags(text);
  return collapseWhitespace(text.replace(CONTROL, ''));
}

/** One trimmed line of plain text (titles, names, organisers). */
export function toSingleLine(input: string): string {
  return htmlToText(input).replace(/\s+/g, ' ').trim();
}

/**
 * Cuts `text` to at most `max` characters at a word boundary and marks the cut with `…`.
 * Text that fits is returned as is.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let room = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(room)) room = room.slice(0, -1);
  const lastSpace = room.search(/\s\S*$/);
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

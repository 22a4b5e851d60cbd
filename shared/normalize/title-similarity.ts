/**
 * How alike two event titles are, for merging the same event listed by two sources
 * ("HR Breakfast Roundtable (Boston HR Association)" vs "Boston HR Breakfast Roundtable").
 */

const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'and', 'for', 'at', 'in', 'on', 'with', 'to', 'by', 'from', 'our', 'your', 'event',
]);

/** Lower-case, accents dropped, `&` read as "and", punctuation as space, whitespace collapsed. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a title that carry meaning: stopwords dropped, a plural `s` cut. */
export function titleTokens(title: string): Set<string> {
  const tokens = new Set<string>();
  for (const word of titleKey(title).split(' ')) {
    if (word === '' || STOPWORDS.has(word)) continue;
    tokens.add(word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return tokens;
}

/** Titles at least this similar name the same event (when time and place agree too). */
export const SAME_TITLE_THRESHOLD = 0.75;

/**
 * Similarity of two titles in [0, 1]: the larger of the Dice coefficient of their word sets and
 * (for titles of two words or more) how much of the shorter title the longer one contains, so
 * a title with the organiser's name added still matches. Identical titles score 1; titles with
 * no word in common score 0. Symmetric.
 */
export function titleSimilarity(a: string, b: string): number {
  const left = titleTokens(a);
  const right = titleTokens(b);
  if (left.size === 0 || right.size === 0) return titleKey(a) === titleKey(b) ? 1 : 0;
  let shared = 0;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  for (const token of small) if (large.has(token)) shared += 1;
  const dice = (2 * shared) / (left.size + right.size);
  const containment = small.size >= 2 ? (shared / small.size) * 0.95 : 0;
  return Math.max(dice, containment);
}

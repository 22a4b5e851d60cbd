import type { Cheerio } from 'cheerio/slim';

/** cheerio's element node type, named without importing its parser's packages directly. */
export type DomElement = ReturnType<Cheerio<never>['children']> extends Cheerio<infer E> ? E : never;

/** Text of a selection with whitespace collapsed; null when blank. */
export function collapsedText(selection: Cheerio<DomElement>): string | null {
  const text = selection.text().replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The class names on an element (only the first `class` attribute counts, as in browsers). */
export function classesOf(selection: Cheerio<DomElement>): string[] {
  return (selection.attr('class') ?? '').split(/\s+/).filter((name) => name !== '');
}

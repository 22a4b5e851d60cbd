import { DomHandler, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';

/**
 * htmlparser2 keeps its open-element stack top-first in a plain array and pays O(depth) for every
 * `unshift`/`shift`, so a page of 100,000 nested `<div>`s costs seconds to minutes before any
 * extractor runs. This is the same array-like view (index 0 is the innermost open element) over an
 * array whose top is its end, so opening and closing an element is O(1). The parser only uses
 * `length`, numeric indexes, `shift`, `unshift` and `indexOf` (checked against htmlparser2 10.1).
 */
class TopFirstStack<T> {
  readonly items: T[] = [];
  /** How many open elements have each name: a close tag nothing matches costs O(1), not O(depth). */
  private readonly counts = new Map<T, number>();

  get length(): number {
    return this.items.length;
  }

  set length(value: number) {
    while (this.items.length > value) this.shift();
  }

  unshift(value: T): number {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    return this.items.push(value);
  }

  shift(): T | undefined {
    const value = this.items.pop();
    if (value !== undefined) this.counts.set(value, (this.counts.get(value) ?? 1) - 1);
    return value;
  }

  /** Distance from the top; the parser then closes everything above it, so the scan is paid back. */
  indexOf(value: T): number {
    if ((this.counts.get(value) ?? 0) === 0) return -1;
    for (let index = this.items.length - 1; index >= 0; index -= 1) {
      if (this.items[index] === value) return this.items.length - 1 - index;
    }
    return -1;
  }
}

const INDEX = /^\d+$/;

/** A TopFirstStack that also answers `stack[i]` as the parser reads it (i = 0 is the top). */
function topFirstArray<T>(): TopFirstStack<T> {
  return new Proxy(new TopFirstStack<T>(), {
    get(target, key, receiver) {
      if (typeof key === 'string' && INDEX.test(key)) return target.items[target.items.length - 1 - Number(key)];
      const value: unknown = Reflect.get(target, key, receiver);
      return value;
    },
  });
}

/**
 * Parses an HTML page into the same DOM cheerio's `load` builds (htmlparser2 with its defaults), in
 * time linear in the page's size whatever its nesting depth. The DOM may be as deep as the page:
 * code that walks it must not recurse.
 */
export function parseDocumentLinear(html: string): Document {
  const handler = new DomHandler();
  const parser = new Parser(handler, {});
  // Private fields of htmlparser2, replaced before the first byte is read; if a later version
  // renames them the parse stays correct and only the speed falls back (the hostile-page tests and
  // `npm run bench parse-html` show it).
  Reflect.set(parser, 'stack', topFirstArray<string>());
  const foreignContext = topFirstArray<boolean>();
  foreignContext.unshift(false);
  Reflect.set(parser, 'foreignContext', foreignContext);
  parser.end(html);
  return handler.root;
}

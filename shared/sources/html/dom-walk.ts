import type { AnyNode, Element, ParentNode } from 'domhandler';
import { hasChildren, isTag, isText } from 'domhandler';

/**
 * The extractors read the page in one walk over its DOM, never by a selector per scope: css-select
 * and domutils keep their traversal stacks with `unshift`, and a selector per item re-walks the
 * item's subtree, so both grow with depth × size. Everything here is iterative, because a page's
 * DOM may be 100,000 elements deep.
 */

/** Called for every element in document order: `enter` before its descendants, `leave` after. */
export interface ElementVisitor {
  enter(element: Element, order: number): void;
  leave(element: Element): void;
}

interface Frame {
  node: ParentNode;
  next: number;
}

/** Visits every element below `root` once, in document order, calling each visitor in turn. */
export function walkElements(root: ParentNode, visitors: readonly ElementVisitor[]): void {
  const frames: Frame[] = [{ node: root, next: 0 }];
  let order = 0;
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const child: AnyNode | undefined = frame.node.children[frame.next];
    frame.next += 1;
    if (child === undefined) {
      frames.pop();
      const done = frame.node;
      if (done !== root && isTag(done)) for (const visitor of visitors) visitor.leave(done);
      continue;
    }
    if (!isTag(child)) continue;
    for (const visitor of visitors) visitor.enter(child, order);
    order += 1;
    frames.push({ node: child, next: 0 });
  }
}

/** The class names on an element. */
export function classesOf(element: Element): string[] {
  return (element.attribs['class'] ?? '').split(/\s+/).filter((name) => name !== '');
}

/** An attribute's value, or undefined. */
export function attributeOf(element: Element, name: string): string | undefined {
  return element.attribs[name];
}

/** Text of the element's own text children only (a `<script>`'s body, unbounded). */
export function ownText(element: Element): string {
  let text = '';
  for (const child of element.children) if (isText(child)) text += child.data;
  return text;
}

/** Characters of text kept per element: more than any field Netmix keeps (descriptions stop at 2,000). */
export const TEXT_CAP = 8_000;
/** Characters of markup kept for an `e-content` property. */
export const HTML_CAP = 20_000;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface TextFrame {
  node: ParentNode;
  next: number;
  text: string;
}

/**
 * Text content of elements, each element's computed once and cut to the first `TEXT_CAP`
 * characters (up to twice that before the cut, so a chain of nested elements is not copied at
 * every level). Reading every element's text this way costs O(page) in all, where asking each
 * property for its full `textContent` costs O(size × depth).
 */
export class BoundedText {
  private readonly memo = new WeakMap<ParentNode, string>();

  /** The element's text content (at most 2 × TEXT_CAP characters). */
  of(element: ParentNode): string {
    const known = this.memo.get(element);
    if (known !== undefined) return known;
    const frames: TextFrame[] = [{ node: element, next: 0, text: '' }];
    let result = '';
    for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
      const child = frame.text.length >= TEXT_CAP ? undefined : frame.node.children[frame.next];
      frame.next += 1;
      if (child === undefined) {
        frames.pop();
        const text = frame.text.length > 2 * TEXT_CAP ? frame.text.slice(0, TEXT_CAP) : frame.text;
        this.memo.set(frame.node, text);
        const parent = frames.at(-1);
        if (parent === undefined) result = text;
        else parent.text += text;
        continue;
      }
      if (isText(child)) {
        frame.text += child.data.length > TEXT_CAP ? child.data.slice(0, TEXT_CAP) : child.data;
      } else if (hasChildren(child)) {
        const cached = this.memo.get(child);
        if (cached !== undefined) frame.text += cached;
        else frames.push({ node: child, next: 0, text: '' });
      }
    }
    return result;
  }

  /** The element's text with whitespace collapsed; null when blank. */
  collapsed(element: ParentNode): string | null {
    const text = this.of(element).replace(/\s+/g, ' ').trim();
    return text === '' ? null : text;
  }
}

/**
 * The element's inner markup, tags without their attributes (a description needs only its block
 * structure), cut after about `HTML_CAP` characters. Costs O(HTML_CAP), however large the subtree.
 */
export function boundedInnerHtml(element: Element): string {
  let html = '';
  const frames: Frame[] = [{ node: element, next: 0 }];
  for (let frame = frames.at(-1); frame !== undefined && html.length < HTML_CAP; frame = frames.at(-1)) {
    const child: AnyNode | undefined = frame.node.children[frame.next];
    frame.next += 1;
    if (child === undefined) {
      frames.pop();
      if (frame.node !== element && isTag(frame.node)) html += `</${frame.node.name}>`;
      continue;
    }
    if (isText(child)) {
      html += escapeText(child.data.length > HTML_CAP ? child.data.slice(0, HTML_CAP) : child.data);
    } else if (isTag(child)) {
      html += `<${child.name}>`;
      if (!VOID_ELEMENTS.has(child.name)) frames.push({ node: child, next: 0 });
    }
  }
  return html;
}

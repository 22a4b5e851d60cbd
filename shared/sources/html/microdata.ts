import type { Element } from 'domhandler';
import type { Candidate } from './candidate';
import type { BoundedText, ElementVisitor } from './dom-walk';
import { attributeOf } from './dom-walk';
import type { SchemaNode } from './schema-values';
import { isEventNode } from './schema-values';
import { schemaEventToCandidate } from './schema-event';

const URL_ELEMENTS = new Set(['a', 'area', 'link']);
const SRC_ELEMENTS = new Set(['img', 'audio', 'video', 'source', 'iframe', 'embed', 'track']);
const MAX_ITEM_DEPTH = 6;

/** An `itemscope` element and the `itemprop` elements whose nearest enclosing item it is. */
interface ItemRecord {
  element: Element;
  properties: Element[];
}

/**
 * Collects microdata items during the page walk: each `itemprop` element is filed under the item
 * on top of the scope stack, so finding an item's properties costs nothing per item.
 */
export class MicrodataCollector implements ElementVisitor {
  /** Every item, in document order. */
  readonly items = new Map<Element, ItemRecord>();
  private readonly scopes: ItemRecord[] = [];

  enter(element: Element): void {
    const scope = this.scopes.at(-1);
    if (scope !== undefined && attributeOf(element, 'itemprop') !== undefined) scope.properties.push(element);
    if (attributeOf(element, 'itemscope') !== undefined) {
      const record: ItemRecord = { element, properties: [] };
      this.items.set(element, record);
      this.scopes.push(record);
    }
  }

  leave(element: Element): void {
    if (this.scopes.at(-1)?.element === element) this.scopes.pop();
  }
}

/**
 * A property's value per the HTML microdata rules, plus `content` on any element (sites put it on
 * `<span>`). `data-*` attributes are never read: some hold epoch numbers that disagree with the text.
 */
function propertyValue(items: MicrodataCollector, text: BoundedText, element: Element, depth: number): unknown {
  const item = items.items.get(element);
  if (item !== undefined) return readItem(items, text, item, depth + 1);
  const tag = element.name;
  const attribute = (name: string): string | undefined => attributeOf(element, name);
  if (tag === 'meta') return attribute('content') ?? '';
  if (URL_ELEMENTS.has(tag)) return attribute('href') ?? '';
  if (SRC_ELEMENTS.has(tag)) return attribute('src') ?? '';
  if (tag === 'object') return attribute('data') ?? '';
  if (tag === 'time') return attribute('datetime') ?? text.of(element);
  if (tag === 'data' || tag === 'meter') return attribute('value') ?? text.of(element);
  return attribute('content') ?? text.collapsed(element) ?? '';
}

function readItem(items: MicrodataCollector, text: BoundedText, item: ItemRecord, depth: number): SchemaNode {
  const node: SchemaNode = {};
  const type = attributeOf(item.element, 'itemtype');
  if (type !== undefined) node['@type'] = type.split(/\s+/).filter((t) => t !== '');
  const id = attributeOf(item.element, 'itemid');
  if (id !== undefined) node['@id'] = id;
  if (depth > MAX_ITEM_DEPTH) return node;
  for (const property of item.properties) {
    const value = propertyValue(items, text, property, depth);
    for (const name of (attributeOf(property, 'itemprop') ?? '').split(/\s+/)) {
      if (name === '') continue;
      const existing: unknown = node[name];
      node[name] = Array.isArray(existing) ? existing.concat([value]) : [value];
    }
  }
  return node;
}

/** Events from `itemscope itemtype=".../Event"` (and subtypes) anywhere on the page. */
export function extractMicrodata(items: MicrodataCollector, text: BoundedText, baseUrl: string | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  let index = 0;
  for (const item of items.items.values()) {
    const type = attributeOf(item.element, 'itemtype');
    if (type === undefined || !isEventNode({ '@type': type.split(/\s+/) })) continue;
    index += 1;
    candidates.push(schemaEventToCandidate(readItem(items, text, item, 0), `microdata item ${index}`, baseUrl));
  }
  return candidates;
}

/** Every item that is no other item's property, as a schema tree (to check the reader against other parsers). */
export function topLevelItems(items: MicrodataCollector, text: BoundedText): SchemaNode[] {
  const nodes: SchemaNode[] = [];
  for (const item of items.items.values()) {
    if (attributeOf(item.element, 'itemprop') === undefined) nodes.push(readItem(items, text, item, 0));
  }
  return nodes;
}

import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { Candidate } from './candidate';
import type { DomElement } from './dom';
import type { SchemaNode } from './schema-values';
import { isEventNode } from './schema-values';
import { schemaEventToCandidate } from './schema-event';

const URL_ELEMENTS = new Set(['a', 'area', 'link']);
const SRC_ELEMENTS = new Set(['img', 'audio', 'video', 'source', 'iframe', 'embed', 'track']);
const MAX_ITEM_DEPTH = 6;

/**
 * A property's value per the HTML microdata rules, plus `content` on any element (sites put it on
 * `<span>`). `data-*` attributes are never read: some hold epoch numbers that disagree with the text.
 */
function propertyValue($: CheerioAPI, element: Cheerio<DomElement>, depth: number): unknown {
  if (element.attr('itemscope') !== undefined) return readItem($, element, depth + 1);
  const tag = (element.prop('tagName') ?? '').toLowerCase();
  if (tag === 'meta') return element.attr('content') ?? '';
  if (URL_ELEMENTS.has(tag)) return element.attr('href') ?? '';
  if (SRC_ELEMENTS.has(tag)) return element.attr('src') ?? '';
  if (tag === 'object') return element.attr('data') ?? '';
  if (tag === 'time') return element.attr('datetime') ?? element.text();
  if (tag === 'data' || tag === 'meter') return element.attr('value') ?? element.text();
  const content = element.attr('content');
  if (content !== undefined) return content;
  return element.text().replace(/\s+/g, ' ').trim();
}

/** The properties whose nearest enclosing item is `item` itself. */
function readItem($: CheerioAPI, item: Cheerio<DomElement>, depth: number): SchemaNode {
  const node: SchemaNode = {};
  const type = item.attr('itemtype');
  if (type !== undefined) node['@type'] = type.split(/\s+/).filter((t) => t !== '');
  const id = item.attr('itemid');
  if (id !== undefined) node['@id'] = id;
  if (depth > MAX_ITEM_DEPTH) return node;
  const itemElement = item.get(0);
  item.find('[itemprop]').each((_, element) => {
    const property = $(element);
    if (property.parent().closest('[itemscope]').get(0) !== itemElement) return;
    const value = propertyValue($, property, depth);
    for (const name of (property.attr('itemprop') ?? '').split(/\s+/)) {
      if (name === '') continue;
      const existing: unknown = node[name];
      node[name] = Array.isArray(existing) ? existing.concat([value]) : [value];
    }
  });
  return node;
}

/** Events from `itemscope itemtype=".../Event"` (and subtypes) anywhere on the page. */
export function extractMicrodata($: CheerioAPI, baseUrl: string | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  let index = 0;
  $('[itemscope][itemtype]').each((_, element) => {
    const item = $(element);
    const probe: SchemaNode = { '@type': (item.attr('itemtype') ?? '').split(/\s+/) };
    if (!isEventNode(probe)) return;
    index += 1;
    candidates.push(schemaEventToCandidate(readItem($, item, 0), `microdata item ${index}`, baseUrl));
  });
  return candidates;
}

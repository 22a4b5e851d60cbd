/**
 * A page's text cut into blocks, one a group: a heading (h2–h6, dt, or a paragraph's leading
 * bold name) and the text under it until the next such heading. The page's main heading (h1, else
 * its title) names the blocks that have none. Section labels ("When we meet", "Location") are
 * not group names: the text under them stays in the block they are part of.
 */
import type { CheerioAPI } from 'cheerio/slim';

export interface TextBlock {
  /** The group's name: the block's heading, else the page's. */
  title: string | null;
  /** The block's text, one paragraph or list item a line. */
  text: string;
  /** The text of an `<address>` in the block, when it has one. */
  address: string | null;
}

export interface PageBlocks {
  pageTitle: string | null;
  blocks: TextBlock[];
}

const TEXT_ELEMENTS = 'h1, h2, h3, h4, h5, h6, dt, dd, p, li, td, address, blockquote, pre';
const SECTION_LABEL = /^(?:when(?:\s+and\s+where)?(?:\s+we\s+meet)?|where(?:\s+we\s+meet)?|meetings?|meeting\s+(?:times?|schedule|information|info|details)|schedule|location|directions|time|times|hours|details|about(?:\s+us)?|contact(?:\s+us)?|more\s+information|join\s+us|upcoming\s+meetings?)\s*:?$/i;
/** Most elements looked at on one page: a volunteer list is a few hundred. */
const MAX_ELEMENTS = 5000;
const MAX_TITLE = 200;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts the page into blocks; scripts, styles, navigation and footers are left out. */
export function pageBlocks($: CheerioAPI): PageBlocks {
  $('script, style, noscript, template, nav, footer, header nav, form, select').remove();
  const h1 = collapse($('h1').first().text());
  const title = collapse($('title').first().text());
  const pageTitle = (h1 || title || null)?.slice(0, MAX_TITLE) ?? null;
  const blocks: TextBlock[] = [];
  let current: TextBlock = { title: pageTitle, text: '', address: null };
  const open = (name: string | null): void => {
    if (current.text.trim() !== '') blocks.push(current);
    current = { title: name ?? current.title, text: '', address: null };
  };
  const elements = $(TEXT_ELEMENTS).toArray().slice(0, MAX_ELEMENTS);
  // The innermost text element carries the text; an outer li or td around paragraphs does not.
  // One walk up from each element marks its selected ancestors (cheaper than a find per element).
  const selected = new Set<unknown>(elements);
  const containers = new Set<unknown>();
  for (const element of elements) {
    for (let parent = element.parent; parent !== null; parent = parent.parent) if (selected.has(parent)) containers.add(parent);
  }
  for (const element of elements) {
    const node = $(element);
    if (containers.has(element) && !/^h[1-6]$/.test(element.tagName)) continue;
    const text = collapse(node.text());
    if (text === '') continue;
    if (/^h[2-6]$|^dt$/.test(element.tagName)) {
      // "When we meet", "Where" label parts of the group's block: they neither name nor split it.
      if (!SECTION_LABEL.test(text)) open(text.slice(0, MAX_TITLE));
      continue;
    }
    if (element.tagName === 'h1') continue;
    const lead = node.children('strong, b').first();
    const leadText = collapse(lead.text());
    const startsWithLead = leadText !== '' && text.startsWith(leadText) && leadText.length < text.length - 10;
    if (startsWithLead && !SECTION_LABEL.test(leadText)) {
      open(leadText.replace(/[:\s\u2013\u2014-]+$/, '').slice(0, MAX_TITLE));
      current.text = `${text.slice(leadText.length).replace(/^[\s:\u2013\u2014-]+/, '')}\n`;
      continue;
    }
    if (element.tagName === 'address') current.address = text;
    current.text += `${text}\n`;
  }
  open(null);
  return { pageTitle, blocks };
}

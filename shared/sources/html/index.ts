/**
 * The HTML event-page source: schema.org JSON-LD and microdata, h-event/hCalendar microformats,
 * Wix warmup data and per-source CSS-selector recipes.
 */
export { parseHtml } from './parse-html';
export type { HtmlParseOptions } from './parse-html';
export { looksLikeHtml } from './looks-like-html';

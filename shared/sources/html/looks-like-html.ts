const LEADING_NOISE = /^(?:\ufeff|\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->)+/;
const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|section|main|article|header|nav|span|p|ul|ol|table|h[1-6])[\s>/]/i;

/**
 * True when `text` looks like an HTML page or fragment rather than an iCalendar feed or JSON, judged
 * from its start (after a BOM, an XML declaration and comments) and from an `<html>`/`<body>` tag
 * near the top.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(LEADING_NOISE, '');
  if (/^BEGIN:VCALENDAR/i.test(head)) return false;
  if (HTML_START.test(head)) return true;
  return /<(?:html|body)[\s>]/i.test(head) && !/^[[{]/.test(head);
}

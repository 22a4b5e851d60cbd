/**
 * Server-rendered HTML for the subscription pages: escaped text, one inline stylesheet allowed by
 * its hash in the CSP, no scripts and no external assets.
 */
import { createHash } from 'node:crypto';

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Marks a string as already-built HTML. Page builders take `Html` for markup and plain strings for
 * text, so a value from a subscriber or a feed can only reach a page through `escapeHtml`.
 */
export interface Html {
  readonly html: string;
}

/** Tagged template: interpolated strings are escaped, interpolated `Html` values are kept. */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | readonly Html[])[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? '');
  });
  return { html: out };
}

function renderValue(value: string | number | Html | readonly Html[]): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (isHtmlList(value)) return value.map((item) => item.html).join('');
  return value.html;
}

function isHtmlList(value: Html | readonly Html[]): value is readonly Html[] {
  return Array.isArray(value);
}

const STYLESHEET = [
  ':root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}',
  'body{margin:0;padding:1rem;display:flex;justify-content:center}',
  'main{width:100%;max-width:34rem}',
  'h1{font-size:1.5rem;margin:.5rem 0 1rem}',
  'label,legend{display:block;font-weight:600;margin-top:1rem}',
  'legend{padding:0;margin:0}',
  'fieldset{border:0;padding:0;margin:1rem 0 0}',
  'fieldset label{font-weight:400;margin-top:.25rem}',
  'input[type=email],input[type=text],input[type=number],select{width:100%;box-sizing:border-box;font-size:1rem;padding:.5rem;margin-top:.25rem}',
  'input[type=radio],input[type=checkbox]{width:1.1rem;height:1.1rem;margin-right:.4rem;vertical-align:middle}',
  'button{font-size:1rem;padding:.7rem 1.4rem;margin-top:1.5rem;border-radius:.4rem;border:0;background:#1a5fb4;color:#fff;cursor:pointer}',
  'button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f6d32d;outline-offset:2px}',
  '.hint{font-size:.9rem;opacity:.8;margin:.2rem 0 0}',
  '.notice{padding:.75rem 1rem;border-radius:.4rem;background:#e8f3e8;color:#163d16}',
  '.errors{padding:.75rem 1rem;border-radius:.4rem;background:#fbe9e9;color:#5c1111}',
  'footer{margin-top:2rem;font-size:.85rem;opacity:.8}',
].join('\n');

/** The CSP source that allows exactly the page stylesheet and nothing else inline. */
export const STYLE_HASH_SOURCE = `'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`;

/** A whole page: language, viewport for phones, the title, the body and the operator footer. */
export function renderPage(page: { title: string; body: Html; operatorName: string }): string {
  return `<!DOCTYPE html>\n${
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title}</title>
<style>${{ html: STYLESHEET }}</style>
</head>
<body>
<main>
<h1>${page.title}</h1>
${page.body}
<footer>${page.operatorName}</footer>
</main>
</body>
</html>
`.html
  }`;
}

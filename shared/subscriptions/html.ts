/**
 * Server-rendered HTML for the subscription pages: escaped text, one inline stylesheet allowed by
 * its hash in the CSP, no scripts and no external assets. Light and dark by `prefers-color-scheme`.
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

// Colours are set for both schemes (never left to the browser's defaults or dimmed with opacity):
// every text pair is at least 4.5:1 and the focus ring at least 3:1 against its background, as the
// browser test measures on the rendered pages. Inputs, buttons and choice rows are at least 44 px tall.
const STYLESHEET = [
  ':root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;--bg:#ffffff;--fg:#1b1b1b;--muted:#4a4a4a;--link:#1a56a8;--ring:#1a56a8;--field-bg:#ffffff;--field-border:#6b6b6b;--primary-bg:#1a5fb4;--primary-fg:#ffffff;--secondary-bg:#e6edf7;--secondary-fg:#123a6b;--danger-bg:#a4161a;--danger-fg:#ffffff;--notice-bg:#e8f3e8;--notice-fg:#163d16;--error-bg:#fbe9e9;--error-fg:#5c1111;--error-text:#a4161a;--warn-bg:#fff4d6;--warn-fg:#4a3500}',
  '@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#e8e8e8;--muted:#b8b8b8;--link:#8ab4f8;--ring:#8ab4f8;--field-bg:#1e1e1e;--field-border:#8a8a8a;--primary-bg:#a8c7fa;--primary-fg:#0b1d3a;--secondary-bg:#233047;--secondary-fg:#d6e4ff;--danger-bg:#f2b8b5;--danger-fg:#4a0e0b;--notice-bg:#16331a;--notice-fg:#cdebd0;--error-bg:#3b1414;--error-fg:#f6caca;--error-text:#ff9b9b;--warn-bg:#3a2e0a;--warn-fg:#f7e3a3}}',
  'html,body{background:var(--bg);color:var(--fg)}',
  'body{margin:0;padding:1rem;display:flex;justify-content:center}',
  'main{width:100%;max-width:34rem}',
  'h1{font-size:1.5rem;margin:.5rem 0 1rem}',
  'h2{font-size:1.2rem;margin:2rem 0 .5rem}',
  'a{color:var(--link)}',
  'label,legend{display:block;font-weight:600;margin-top:1rem}',
  'legend{padding:0;margin:0}',
  'fieldset{border:0;padding:0;margin:1rem 0 0}',
  'label.choice{display:flex;align-items:center;min-height:44px;font-weight:400;margin-top:0}',
  'input[type=email],input[type=text],input[type=number],select{width:100%;box-sizing:border-box;min-height:44px;font-size:1rem;padding:.5rem;margin-top:.25rem;background:var(--field-bg);color:var(--fg);border:1px solid var(--field-border);border-radius:.3rem}',
  'input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;margin:0 .6rem 0 0;flex:none;accent-color:var(--primary-bg)}',
  '[aria-invalid=true]{border:2px solid var(--error-text)}',
  'button{font-size:1rem;min-height:44px;padding:.7rem 1.4rem;margin-top:1.5rem;border-radius:.4rem;border:0;background:var(--primary-bg);color:var(--primary-fg);cursor:pointer}',
  'button.secondary{background:var(--secondary-bg);color:var(--secondary-fg);margin-top:.5rem}',
  'button.danger{background:var(--danger-bg);color:var(--danger-fg);margin-top:.5rem}',
  'button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid var(--ring);outline-offset:2px}',
  'input:focus,select:focus{outline:3px solid var(--ring);outline-offset:2px}',
  '.hint,.when{font-size:.9rem;color:var(--muted);margin:.2rem 0 0}',
  '.field-error{color:var(--error-text);font-weight:600;margin:.25rem 0 0}',
  '.notice{padding:.75rem 1rem;border-radius:.4rem;background:var(--notice-bg);color:var(--notice-fg)}',
  '.errors{padding:.75rem 1rem;border-radius:.4rem;background:var(--error-bg);color:var(--error-fg)}',
  '.errors a{color:var(--error-fg)}',
  '.warning{padding:.75rem 1rem;margin-top:1rem;border-radius:.4rem;background:var(--warn-bg);color:var(--warn-fg)}',
  '.events{padding-left:1.2rem}',
  '.events li{margin:.4rem 0}',
  'footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}',
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

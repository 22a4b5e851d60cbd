/**
 * The digest's layout as MJML: the source of `template-html.generated.ts`, which
 * `npm run generate` compiles at build time so no bundle carries MJML (6.7 MB with what it pulls
 * in). Edit here, then run `npm run generate`; a test fails while the two disagree.
 */

import { DARK, LIGHT } from './palette';

// No web fonts: MJML would add a remote stylesheet for a known font name, and the mail must need nothing remote.
const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

// Every wrapper down from <body> gets an explicit background in both schemes: a client that
// forces dark (Gmail and Outlook apps) then re-colours text and background as a pair, and none
// is left light behind light text (the 1.1:1 footer this replaced).
const BACKGROUNDS: readonly [string, string][] = [
  ['body.nm-page, .nm-page > div[role="article"], .nm-foot, .nm-foot > table', DARK.page],
  ['.nm-card, .nm-card > table', DARK.card],
  ['.nm-head, .nm-head > table', DARK.head],
  ['.nm-text a.nm-btn', DARK.button],
];

const COLOURS: readonly [string, string][] = [
  ['.nm-text div, .nm-text p, .nm-text h1, .nm-text h2, .nm-text h3, .nm-text li', DARK.text],
  ['.nm-text a, .nm-event h3 a', DARK.link],
  ['.nm-text .nm-meta', DARK.muted],
  ['.nm-text .nm-why', DARK.why],
  ['.nm-text a.nm-btn', DARK.buttonText],
];

function prefixed(prefix: string, selectors: string): string {
  return selectors
    .split(',')
    .map((selector) => `${prefix} ${selector.trim()}`)
    .join(', ');
}

function darkRules(colourPrefix: string, backgroundPrefix: string): string {
  return [
    ...BACKGROUNDS.map(([selectors, colour]) => `${prefixed(backgroundPrefix, selectors)} { background: ${colour} !important; background-color: ${colour} !important; }`),
    ...COLOURS.map(([selectors, colour]) => `${prefixed(colourPrefix, selectors)} { color: ${colour} !important; }`),
    `${prefixed(colourPrefix, '.nm-text a.nm-btn')} { border-color: ${DARK.buttonBorder} !important; }`,
    `${prefixed(colourPrefix, '.nm-event')} { border-color: ${DARK.rule} !important; }`,
  ].join('\n    ');
}

const STYLES = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  .nm-event h3 a { color: ${LIGHT.link}; }
  .nm-meta { color: ${LIGHT.muted}; }
  .nm-why { color: ${LIGHT.why}; }
  .nm-footer a { color: ${LIGHT.link}; }
  @media (prefers-color-scheme: dark) {
    ${darkRules('', '')}
  }
  ${darkRules('[data-ogsc]', '[data-ogsb]')}
`;

/** The MJML source of the digest layout, with `%%SLOT%%` placeholders. */
export const DIGEST_LAYOUT_MJML = `<mjml lang="en">
  <mj-head>
    <mj-title>%%TITLE%%</mj-title>
    <mj-preview>%%PREVIEW%%</mj-preview>
    <mj-raw>
      <meta name="color-scheme" content="light dark">
      <meta name="supported-color-schemes" content="light dark">
    </mj-raw>
    <mj-attributes>
      <mj-all font-family="${FONT}" />
      <mj-text font-size="16px" line-height="1.45" color="${LIGHT.text}" padding="8px 24px" />
      <mj-section padding="0" />
    </mj-attributes>
    <mj-style>${STYLES}</mj-style>
  </mj-head>
  <mj-body background-color="${LIGHT.page}" width="600px" css-class="nm-page">
    <mj-section background-color="${LIGHT.head}" padding="20px 0 12px" css-class="nm-head">
      <mj-column>
        <mj-text color="#ffffff" css-class="nm-text"><h1 style="margin:0 0 8px;font-size:24px;line-height:1.25;color:#ffffff;">%%HEADING%%</h1><p style="margin:0;color:#ffffff;">%%INTRO%%</p></mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${LIGHT.card}" padding="0" css-class="nm-card">
      <mj-column>
        <mj-text padding="0 24px" css-class="nm-text">%%REMINDERS%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${LIGHT.card}" padding="16px 0 0" css-class="nm-card">
      <mj-column>
        <mj-text css-class="nm-text">%%JOB_SEEKER%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${LIGHT.card}" padding="8px 0 0" css-class="nm-card">
      <mj-column>
        <mj-text css-class="nm-text">%%PROFESSIONAL%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${LIGHT.card}" padding="8px 0 16px" css-class="nm-card">
      <mj-column>
        <mj-text css-class="nm-text"><h2 style="margin:8px 0;font-size:20px;">Networking tip</h2><p style="margin:0;">%%TIP%%</p></mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${LIGHT.page}" padding="16px 0 24px" css-class="nm-foot">
      <mj-column>
        <mj-text font-size="14px" color="${LIGHT.muted}" css-class="nm-text nm-footer">%%FOOTER%%</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

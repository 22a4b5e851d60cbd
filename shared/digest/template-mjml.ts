/**
 * The digest's layout as MJML: the source of `template-html.generated.ts`, which
 * `npm run generate` compiles at build time so no bundle carries MJML (6.7 MB with what it pulls
 * in). Edit here, then run `npm run generate`; a test fails while the two disagree.
 */

// No web fonts: MJML would add a remote stylesheet for a known font name, and the mail must need nothing remote.
const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

// Dark mode: clients that honour prefers-color-scheme get these; others (Gmail app) invert colours
// themselves, which is why nothing here depends on an image or a white-on-transparent graphic.
const STYLES = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  .nm-event h3 a { color: #0b5cad; }
  .nm-meta { color: #3d4852; }
  .nm-why { color: #2d5a27; }
  .nm-footer a { color: #0b5cad; }
  @media (prefers-color-scheme: dark) {
    .nm-page, .nm-page > table, .nm-card, .nm-card > table { background: #15191e !important; }
    .nm-head, .nm-head > table { background: #0f2d4a !important; }
    .nm-text div, .nm-text p, .nm-text h1, .nm-text h2, .nm-text h3 { color: #e8ecf0 !important; }
    .nm-event h3 a, .nm-footer a, .nm-text a { color: #8cc4ff !important; }
    .nm-meta { color: #c2cad3 !important; }
    .nm-why { color: #a8d5a0 !important; }
  }
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
      <mj-text font-size="16px" line-height="1.45" color="#1b1f24" padding="8px 24px" />
      <mj-section padding="0" />
    </mj-attributes>
    <mj-style>${STYLES}</mj-style>
  </mj-head>
  <mj-body background-color="#eef1f4" width="600px" css-class="nm-page">
    <mj-section background-color="#16416b" padding="20px 0 12px" css-class="nm-head">
      <mj-column>
        <mj-text color="#ffffff" css-class="nm-text"><h1 style="margin:0 0 8px;font-size:24px;line-height:1.25;color:#ffffff;">%%HEADING%%</h1><p style="margin:0;color:#ffffff;">%%INTRO%%</p></mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px 0 0" css-class="nm-card">
      <mj-column>
        <mj-text css-class="nm-text">%%JOB_SEEKER%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 0 0" css-class="nm-card">
      <mj-column>
        <mj-text css-class="nm-text">%%PROFESSIONAL%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 0 16px" css-class="nm-card">
      <mj-column>
        <mj-text css-class="nm-text"><h2 style="margin:8px 0;font-size:20px;">Networking tip</h2><p style="margin:0;">%%TIP%%</p></mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0 24px">
      <mj-column>
        <mj-text font-size="13px" color="#3d4852" css-class="nm-text nm-footer">%%FOOTER%%</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

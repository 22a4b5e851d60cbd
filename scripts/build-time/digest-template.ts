/**
 * Compiles the digest layout (`shared/digest/template-mjml.ts`) to the HTML module the bundles
 * import, so MJML and what it pulls in (TypeScript, full cheerio, lodash: 6.7 MB) stay out of them.
 */
import mjml2html from 'mjml';
import { DIGEST_LAYOUT_MJML } from '../../shared/digest/template-mjml';

/** The generated module's path in the repo. */
export const TEMPLATE_HTML_PATH = 'shared/digest/template-html.generated.ts';

/** The MJML did not compile; MJML's messages are in `cause`. */
export class TemplateMjmlError extends Error {
  override readonly name = 'TemplateMjmlError';
}

/** The source text of `template-html.generated.ts`. */
export async function generateTemplateModule(): Promise<string> {
  const result = await mjml2html(DIGEST_LAYOUT_MJML, { validationLevel: 'strict', minify: false, keepComments: false, fonts: {} });
  if (result.errors.length > 0) throw new TemplateMjmlError('digest layout does not compile', { cause: result.errors });
  return [
    '// Generated from template-mjml.ts by `npm run generate` (scripts/build-time/digest-template.ts); do not edit.',
    '',
    '/** The digest layout compiled from MJML, with `%%SLOT%%` placeholders. */',
    `export const DIGEST_LAYOUT_HTML = ${JSON.stringify(result.html)};`,
    '',
  ].join('\n');
}

/**
 * The digest's layout, compiled from MJML (`template-mjml.ts`) at build time into
 * `template-html.generated.ts`. Rendering a mail only fills the `%%SLOT%%` placeholders with
 * escaped strings: no MJML at run time, in the bundle or per email.
 */
import { DIGEST_LAYOUT_HTML } from './template-html.generated';

/** The placeholders the compiled layout holds; every value is already escaped HTML. */
export type TemplateSlot = 'TITLE' | 'PREVIEW' | 'HEADING' | 'INTRO' | 'REMINDERS' | 'JOB_SEEKER' | 'PROFESSIONAL' | 'TIP' | 'FOOTER';

/** A compiled layout as alternating literal HTML and slot names, for one-pass filling. */
export interface CompiledTemplate {
  literals: readonly string[];
  slots: readonly TemplateSlot[];
}

/** Thrown when the compiled layout holds a placeholder this module does not fill. */
export class TemplateCompileError extends Error {
  override readonly name = 'TemplateCompileError';
}

const SLOT_NAMES = new Set<string>(['TITLE', 'PREVIEW', 'HEADING', 'INTRO', 'REMINDERS', 'JOB_SEEKER', 'PROFESSIONAL', 'TIP', 'FOOTER']);

function isSlot(name: string): name is TemplateSlot {
  return SLOT_NAMES.has(name);
}

/** Splits compiled layout HTML at its `%%SLOT%%` placeholders; throws on an unknown one. */
export function splitTemplate(html: string): CompiledTemplate {
  const pieces = html.split(/%%([A-Z_]+)%%/);
  const literals: string[] = [];
  const slots: TemplateSlot[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) literals.push(piece);
    else if (isSlot(piece)) slots.push(piece);
    else throw new TemplateCompileError(`unknown placeholder ${piece}`);
  });
  return { literals, slots };
}

/** Fills every slot in one pass; values are inserted as given, so they must be escaped already. */
export function fillTemplate(template: CompiledTemplate, values: Record<TemplateSlot, string>): string {
  let html = template.literals[0] ?? '';
  template.slots.forEach((slot, index) => {
    html += values[slot] + (template.literals[index + 1] ?? '');
  });
  return html;
}

/** The layout, split once per process from the HTML compiled at build time. */
export const digestTemplate: CompiledTemplate = splitTemplate(DIGEST_LAYOUT_HTML);

/**
 * The fields of interest a subscriber can tick at sign-up, by id. Events are tagged with these ids
 * during normalise (`shared/normalize/fields.ts`); subscribers' fields match events by id, while
 * free words in `interests` still match event text.
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const FIELD_IDS = [
  'technology',
  'healthcare',
  'finance',
  'education',
  'engineering-manufacturing',
  'nonprofit-government',
  'sales-marketing',
  'human-resources',
  'creative-media',
  'trades-logistics',
] as const;

export const FieldIdSchema = lazySchema(() => z.enum(FIELD_IDS));
export type FieldId = z.infer<typeof FieldIdSchema>;

/** What the sign-up form and the digest call each field. */
export const FIELD_LABELS: Record<FieldId, string> = {
  technology: 'Technology',
  healthcare: 'Healthcare',
  finance: 'Finance and accounting',
  education: 'Education',
  'engineering-manufacturing': 'Engineering and manufacturing',
  'nonprofit-government': 'Nonprofit and government',
  'sales-marketing': 'Sales and marketing',
  'human-resources': 'Human resources',
  'creative-media': 'Creative and media',
  'trades-logistics': 'Trades and logistics',
};

/** The field an id or a label names (case and spacing ignored), or null. */
export function fieldIdOf(idOrLabel: string): FieldId | null {
  const wanted = idOrLabel.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const id of FIELD_IDS) {
    if (id === wanted || FIELD_LABELS[id].toLowerCase() === wanted) return id;
  }
  return null;
}

/**
 * Splits what a person listed into the fields it names (by id or label, once each, in the order
 * given) and the free words left over, so "Human resources, biotech" becomes the field
 * `human-resources` and the word `biotech`. Used by the forms, the CLI and the stored-record migration.
 */
export function splitFieldWords(words: readonly string[]): { fields: FieldId[]; interests: string[] } {
  const fields: FieldId[] = [];
  const interests: string[] = [];
  for (const word of words) {
    const field = fieldIdOf(word);
    if (field === null) interests.push(word);
    else if (!fields.includes(field)) fields.push(field);
  }
  return { fields, interests };
}

/** True when `value` is one of FIELD_IDS exactly. */
export function isFieldId(value: string): value is FieldId {
  return FIELD_IDS.some((id) => id === value);
}

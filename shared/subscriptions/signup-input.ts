/**
 * The bodies the signup and preferences forms send (SEC-11): the same zod schemas for JSON and for
 * form posts, unknown keys rejected. Form fields are strings, so `coerceFormFields` turns them into
 * the JSON shape first and leaves anything it does not recognise for the schema to refuse.
 */
import * as z from 'zod';
import { splitFieldWords } from '../model/fields';
import { EmailSchema, PreferencesSchema } from '../model/subscriber';

/** Body of `POST /subscribe`: an address and the preferences. */
export const SignupInputSchema = PreferencesSchema.extend({ email: EmailSchema }).strict();
export type SignupInput = z.infer<typeof SignupInputSchema>;

/** Body of `POST /preferences/:token`. */
export const PreferencesInputSchema = PreferencesSchema.strict();

/**
 * The field names the HTML forms use; `online` is `yes` or `no`, `targetEmployers` and `interests`
 * comma-separated, `fields` one checkbox (an id) each.
 */
const NUMBER_FIELDS = new Set(['radiusMiles', 'digestSize']);

/** A form value as Hono's `parseBody({ all: true })` gives it. */
export type FormValue = string | File | (string | File)[];

/**
 * Turns form fields into the JSON body shape. Empty optional fields are dropped so the schema's
 * defaults apply; a value of the wrong shape (a file, a repeated scalar, a non-numeric number) is
 * passed through unchanged so the schema reports it.
 */
export function coerceFormFields(form: Record<string, FormValue>): Record<string, unknown> {
  // A Map, not an object literal, so a field named `__proto__` stays a field.
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(form)) {
    if (key === 'fields') {
      out.set(key, (Array.isArray(value) ? value : [value]).filter((item) => item !== ''));
      continue;
    }
    if (key === 'interests') {
      // One text box, or (from a page cached before fields had ids) one checkbox per label.
      const items = (Array.isArray(value) ? value : [value]).flatMap((item): (string | File)[] => (typeof item === 'string' ? item.split(',') : [item]));
      out.set(key, items.map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== ''));
      continue;
    }
    if (typeof value !== 'string') {
      out.set(key, value);
      continue;
    }
    if (key === 'targetEmployers') {
      out.set(
        key,
        value
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
      );
    } else if (NUMBER_FIELDS.has(key)) {
      if (value.trim() !== '') out.set(key, /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value);
    } else if (key === 'online') {
      out.set(key, value === 'yes' ? true : value === 'no' ? false : value);
    } else if (value !== '' || key === 'email' || key === 'zip') {
      out.set(key, value);
    }
  }
  moveFieldWords(out);
  return Object.fromEntries(out);
}

/** A field's id or label typed or posted among the free words ("Human resources") is that field. */
function moveFieldWords(out: Map<string, unknown>): void {
  const interests = out.get('interests');
  const fields = out.get('fields') ?? [];
  if (!isStringList(interests) || !isStringList(fields)) return;
  const split = splitFieldWords(interests);
  if (split.fields.length === 0) return;
  out.set('interests', split.interests);
  out.set('fields', [...fields, ...split.fields.filter((field) => !fields.includes(field))]);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** One problem with a submitted field, worded for the person who filled the form in. */
export interface InputIssue {
  field: string;
  message: string;
}

const FIELD_LABELS: Record<string, string> = {
  email: 'Email address',
  zip: 'ZIP code',
  radiusMiles: 'Distance',
  mix: 'Mix',
  fields: 'Fields of interest',
  interests: 'Other words to look for',
  targetEmployers: 'Employers',
  online: 'Online events',
  digestSize: 'Events per digest',
};

/** Flattens zod issues into one message per field, using the form's labels. */
export function describeIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    if (issue.code === 'unrecognized_keys') return { field: '', message: 'The form sent fields this page does not know.' };
    return { field: key, message: `${FIELD_LABELS[key] ?? 'Form'}: ${issue.message}` };
  });
}

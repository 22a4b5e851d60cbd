/**
 * The bodies the signup and preferences forms send (SEC-11): the same zod schemas for JSON and for
 * form posts, unknown keys rejected. Form fields are strings, so `coerceFormFields` turns them into
 * the JSON shape first and leaves anything it does not recognise for the schema to refuse.
 */
import * as z from 'zod';
import { splitFieldWords } from '../model/fields';
import { EmailSchema, PreferencesSchema } from '../model/subscriber';
import { lazySchema } from '../model/lazy-schema';

/** Body of `POST /subscribe`: an address and the preferences. */
export const SignupInputSchema = lazySchema(() => PreferencesSchema.extend({ email: EmailSchema }).strict());
export type SignupInput = z.infer<typeof SignupInputSchema>;

/** Body of `POST /preferences/:token`. */
export const PreferencesInputSchema = lazySchema(() => PreferencesSchema.strict());

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

/**
 * What to tell the person for each field, whatever the validator said: raw validator text ("Too
 * big: expected number to be <=200") helps no one filling in a form.
 */
const FIELD_MESSAGES: Record<string, string> = {
  email: 'Enter your email address, like name@example.com.',
  zip: 'Enter your five-digit ZIP code, like 01852.',
  radiusMiles: 'Choose a radius between 1 and 200 miles.',
  mix: 'Choose one of the three mixes of events.',
  fields: 'Choose fields of interest from the list.',
  interests: 'List up to 20 other words, each under 60 characters, separated by commas.',
  targetEmployers: 'List up to 20 employers, each under 80 characters, separated by commas.',
  online: 'Choose yes or no for online events.',
  digestSize: 'Choose between 3 and 15 events per email.',
};

/** One plain-words message per field, in form order, tied to the field by its name. */
export function describeIssues(error: z.ZodError): InputIssue[] {
  const out = new Map<string, InputIssue>();
  for (const issue of error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    const message = issue.code === 'unrecognized_keys' ? 'The form sent fields this page does not know.' : FIELD_MESSAGES[key];
    const field = issue.code === 'unrecognized_keys' || message === undefined ? '' : key;
    if (!out.has(field)) out.set(field, { field, message: message ?? 'Something in the form could not be read; check it and send it again.' });
  }
  // Form order, so the summary reads top to bottom and the first field to fix is the first one.
  const order = Object.keys(FIELD_MESSAGES);
  const rank = (field: string): number => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...out.values()].sort((a, b) => rank(a.field) - rank(b.field));
}

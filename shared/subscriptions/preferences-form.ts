/**
 * The form shared by the signup page and the preferences page: labelled fields that work on a
 * phone, prefilled from the stored preferences, with the problems of the last submission on top.
 */
import { FIELD_IDS, FIELD_LABELS, isFieldId, type FieldId } from '../model/fields';
import type { Preferences } from '../model/subscriber';
import { html, type Html } from './html';
import type { InputIssue } from './signup-input';

const MIX_OPTIONS: { value: Preferences['mix']; label: string }[] = [
  { value: 'job-seeker', label: 'Mostly job-seeker groups, workshops and job fairs' },
  { value: 'balanced', label: 'A balance of job-seeker and professional events' },
  { value: 'professional', label: 'Mostly professional gatherings (associations, mixers, chambers)' },
];

/** What the form shows: the stored or submitted values, or the defaults for a new signup. */
export interface FormValues {
  email: string;
  zip: string;
  /** A string when the submitted value was not a usable number: it is shown back as typed. */
  radiusMiles: number | string;
  mix: Preferences['mix'];
  /** Ticked fields of interest, by id (the checkboxes post ids). */
  fields: FieldId[];
  /** Free words, shown comma-separated in "Other words to look for". */
  interests: string[];
  targetEmployers: string[];
  online: boolean;
  digestSize: number;
}

export const EMPTY_FORM: FormValues = {
  email: '',
  zip: '',
  radiusMiles: 25,
  mix: 'balanced',
  fields: [],
  interests: [],
  targetEmployers: [],
  online: true,
  digestSize: 8,
};

/**
 * The problems of the last submission, summed up on top (announced first by a screen reader); each
 * one links to its field, where the same words stand beside it.
 */
export function renderIssues(issues: readonly InputIssue[]): Html {
  if (issues.length === 0) return html``;
  return html`<div class="errors" role="alert"><p>Please fix this and send the form again:</p><ul>${issues.map((issue) =>
    issue.field === '' ? html`<li>${issue.message}</li>` : html`<li><a href="#${issue.field}">${issue.message}</a></li>`,
  )}</ul></div>`;
}

/** The error beside a field and the attributes that tie it to the field (WCAG 3.3.1, 1.3.1). */
interface FieldState {
  error: Html;
  attributes: Html;
}

function fieldStates(issues: readonly InputIssue[]): (field: string, hintId?: string) => FieldState {
  const first = issues.find((issue) => issue.field !== '')?.field;
  return (field, hintId) => {
    const issue = issues.find((each) => each.field === field);
    const describedBy = [issue ? `${field}-error` : null, hintId ?? null].filter((id) => id !== null).join(' ');
    const described = describedBy === '' ? '' : ` aria-describedby="${describedBy}"`;
    if (!issue) return { error: html``, attributes: { html: described } };
    // autofocus puts the cursor in the first field to fix; the pages run no script (CSP).
    return {
      error: html`<p class="field-error" id="${field}-error">${issue.message}</p>`,
      attributes: { html: `${described} aria-invalid="true"${field === first ? ' autofocus' : ''}` },
    };
  };
}

function checked(on: boolean): Html {
  return { html: on ? ' checked' : '' };
}

/** The form; `withEmail` adds the address field (signup only); `extra` goes before the button. */
export function renderPreferencesForm(options: {
  action: string;
  values: FormValues;
  withEmail: boolean;
  submitLabel: string;
  issues?: readonly InputIssue[];
  extra?: Html;
}): Html {
  const { values } = options;
  const state = fieldStates(options.issues ?? []);
  const sizes = [3, 5, 8, 10, 15];
  if (!sizes.includes(values.digestSize)) sizes.push(values.digestSize);
  sizes.sort((a, b) => a - b);
  const email = state('email');
  const zip = state('zip', 'zip-hint');
  const radius = state('radiusMiles');
  const mix = state('mix');
  const fields = state('fields');
  const interests = state('interests', 'interests-hint');
  const employers = state('targetEmployers', 'employers-hint');
  const online = state('online');
  const size = state('digestSize');
  const emailField = options.withEmail
    ? html`<label for="email">Email address</label>${email.error}
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${values.email}"${email.attributes}>`
    : html``;
  return html`<form method="post" action="${options.action}" novalidate>
${emailField}
<label for="zip">ZIP code</label>${zip.error}
<input id="zip" name="zip" type="text" inputmode="numeric" pattern="[0-9]{5}" maxlength="5" autocomplete="postal-code" required value="${values.zip}"${zip.attributes}>
<p class="hint" id="zip-hint">Five digits; events are picked around it.</p>
<label for="radiusMiles">How far will you travel (miles)?</label>${radius.error}
<input id="radiusMiles" name="radiusMiles" type="number" inputmode="numeric" min="1" max="200" step="1" required value="${String(values.radiusMiles)}"${radius.attributes}>
<fieldset id="mix"${mix.attributes}>
<legend>Mix of events</legend>${mix.error}
${MIX_OPTIONS.map(
  (option) =>
    html`<label class="choice"><input type="radio" name="mix" value="${option.value}"${checked(values.mix === option.value)}>${option.label}</label>`,
)}
</fieldset>
<fieldset id="fields"${fields.attributes}>
<legend>Fields of interest (optional)</legend>${fields.error}
${FIELD_IDS.map(
  (field) => html`<label class="choice"><input type="checkbox" name="fields" value="${field}"${checked(values.fields.includes(field))}>${FIELD_LABELS[field]}</label>`,
)}
</fieldset>
<label for="interests">Other words to look for (optional)</label>${interests.error}
<input id="interests" name="interests" type="text" maxlength="1300" value="${values.interests.join(', ')}"${interests.attributes}>
<p class="hint" id="interests-hint">Separate words with commas, for example "biotech, payroll".</p>
<label for="targetEmployers">Employers you'd like to meet (optional)</label>${employers.error}
<input id="targetEmployers" name="targetEmployers" type="text" maxlength="1700" value="${values.targetEmployers.join(', ')}"${employers.attributes}>
<p class="hint" id="employers-hint">Separate names with commas.</p>
<fieldset id="online"${online.attributes}>
<legend>Include online events?</legend>${online.error}
<label class="choice"><input type="radio" name="online" value="yes"${checked(values.online)}>Yes</label>
<label class="choice"><input type="radio" name="online" value="no"${checked(!values.online)}>No, in person only</label>
</fieldset>
<label for="digestSize">Events per weekly email</label>${size.error}
<select id="digestSize" name="digestSize"${size.attributes}>
${sizes.map((n) => html`<option value="${n}"${{ html: n === values.digestSize ? ' selected' : '' }}>${n}</option>`)}
</select>
${options.extra ?? html``}
<button type="submit">${options.submitLabel}</button>
</form>`;
}

/** Refills the form with what was sent, field by field, keeping what was typed even when it was wrong. */
export function formValuesFrom(submitted: unknown, fallback: FormValues = EMPTY_FORM): FormValues {
  if (typeof submitted !== 'object' || submitted === null) return fallback;
  const get = (key: string): unknown => (Object.hasOwn(submitted, key) ? Reflect.get(submitted, key) : undefined);
  const text = (key: string, otherwise: string): string => {
    const value = get(key);
    return typeof value === 'string' ? value.slice(0, 300) : otherwise;
  };
  const list = (key: string, otherwise: string[]): string[] => {
    const value = get(key);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, 20) : otherwise;
  };
  const radius = get('radiusMiles');
  const size = get('digestSize');
  const mix = get('mix');
  const online = get('online');
  return {
    email: text('email', fallback.email),
    zip: text('zip', fallback.zip),
    radiusMiles: typeof radius === 'number' && Number.isFinite(radius) ? radius : typeof radius === 'string' ? radius.slice(0, 10) : fallback.radiusMiles,
    mix: mix === 'job-seeker' || mix === 'professional' || mix === 'balanced' ? mix : fallback.mix,
    fields: list('fields', fallback.fields).filter(isFieldId),
    interests: list('interests', fallback.interests),
    targetEmployers: list('targetEmployers', fallback.targetEmployers),
    online: typeof online === 'boolean' ? online : fallback.online,
    digestSize: typeof size === 'number' && Number.isInteger(size) && size >= 3 && size <= 15 ? size : fallback.digestSize,
  };
}

/**
 * The form shared by the signup page and the preferences page: labelled fields that work on a
 * phone, prefilled from the stored preferences, with the problems of the last submission on top.
 */
import { FIELD_IDS, FIELD_LABELS, type FieldId } from '../model/fields';
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
  radiusMiles: number;
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

/** The problems of the last submission, as a list the screen reader announces first. */
export function renderIssues(issues: readonly InputIssue[]): Html {
  if (issues.length === 0) return html``;
  return html`<div class="errors" role="alert"><p>Please fix this and send the form again:</p><ul>${issues.map(
    (issue) => html`<li>${issue.message}</li>`,
  )}</ul></div>`;
}

function checked(on: boolean): Html {
  return { html: on ? ' checked' : '' };
}

/** The form; `withEmail` adds the address field (signup only). */
export function renderPreferencesForm(options: { action: string; values: FormValues; withEmail: boolean; submitLabel: string }): Html {
  const { values } = options;
  const sizes = [3, 5, 8, 10, 15];
  if (!sizes.includes(values.digestSize)) sizes.push(values.digestSize);
  sizes.sort((a, b) => a - b);
  const emailField = options.withEmail
    ? html`<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${values.email}">`
    : html``;
  return html`<form method="post" action="${options.action}">
${emailField}
<label for="zip">ZIP code</label>
<input id="zip" name="zip" type="text" inputmode="numeric" pattern="[0-9]{5}" maxlength="5" autocomplete="postal-code" required value="${values.zip}" aria-describedby="zip-hint">
<p class="hint" id="zip-hint">Five digits; events are picked around it.</p>
<label for="radiusMiles">How far will you travel (miles)?</label>
<input id="radiusMiles" name="radiusMiles" type="number" min="1" max="200" step="1" required value="${values.radiusMiles}">
<fieldset>
<legend>Mix of events</legend>
${MIX_OPTIONS.map(
  (option) =>
    html`<label><input type="radio" name="mix" value="${option.value}"${checked(values.mix === option.value)}>${option.label}</label>`,
)}
</fieldset>
<fieldset>
<legend>Fields of interest (optional)</legend>
${FIELD_IDS.map(
  (field) => html`<label><input type="checkbox" name="fields" value="${field}"${checked(values.fields.includes(field))}>${FIELD_LABELS[field]}</label>`,
)}
</fieldset>
<label for="interests">Other words to look for (optional)</label>
<input id="interests" name="interests" type="text" maxlength="1300" value="${values.interests.join(', ')}" aria-describedby="interests-hint">
<p class="hint" id="interests-hint">Separate words with commas, for example "biotech, payroll".</p>
<label for="targetEmployers">Employers you'd like to meet (optional)</label>
<input id="targetEmployers" name="targetEmployers" type="text" maxlength="1700" value="${values.targetEmployers.join(', ')}" aria-describedby="employers-hint">
<p class="hint" id="employers-hint">Separate names with commas.</p>
<fieldset>
<legend>Include online events?</legend>
<label><input type="radio" name="online" value="yes"${checked(values.online)}>Yes</label>
<label><input type="radio" name="online" value="no"${checked(!values.online)}>No, in person only</label>
</fieldset>
<label for="digestSize">Events per weekly email</label>
<select id="digestSize" name="digestSize">
${sizes.map((size) => html`<option value="${size}"${{ html: size === values.digestSize ? ' selected' : '' }}>${size}</option>`)}
</select>
<button type="submit">${options.submitLabel}</button>
</form>`;
}

/**
 * The pages of the subscription API, as a title and a body; `renderPage` wraps them. Every page
 * reached from a link in an email changes nothing on GET: it shows a button that POSTs (EM-13, EM-35).
 */
import { html, type Html } from './html';
import { renderIssues, renderPreferencesForm, type FormValues } from './preferences-form';
import type { UnsubscribeReason } from '../model/subscriber';
import type { InputIssue } from './signup-input';

/** A page before the layout is applied. */
export interface Page {
  title: string;
  body: Html;
}

/** A ZIP far from every listed event: the signup form asks before accepting it. */
export interface FarZipWarning {
  zip: string;
  placeName: string;
  miles: number;
}

export function signupPage(
  values: FormValues,
  issues: readonly InputIssue[],
  options: { firstDigest: string; farZip?: FarZipWarning } = { firstDigest: '' },
): Page {
  const far = options.farZip;
  const farBox = far
    ? html`<div class="warning" role="alert" id="far-zip">
<p>The ZIP code ${far.zip} (${far.placeName}) is ${Math.round(far.miles).toLocaleString('en-US')} miles from the events we list, so most weeks your email would be empty. Check the ZIP code, or sign up anyway.</p>
<label class="choice"><input type="checkbox" name="confirmFarZip" value="yes" autofocus aria-describedby="far-zip">Yes, sign me up with this ZIP code anyway</label>
</div>`
    : html``;
  return {
    title: 'Networking events near you, once a week',
    body: html`<p>One email a week with networking events near your ZIP code: job-seeker groups and workshops, and the professional gatherings where people who are hiring go.</p>
${options.firstDigest === '' ? html`` : html`<p class="notice">${options.firstDigest}</p>`}
${renderIssues(issues)}
${renderPreferencesForm({ action: '/subscribe', values, withEmail: true, submitLabel: far ? 'Sign up with this ZIP code' : 'Sign up', issues, extra: farBox })}
<p class="hint">We send a confirmation link first; nothing else arrives until you confirm. Every email has a one-click unsubscribe link.</p>`,
  };
}

/** The one answer to every accepted signup, whatever the address's state (SEC-04). */
export const CHECK_INBOX_PAGE: Page = {
  title: 'Check your inbox',
  body: html`<p class="notice" role="status">If this address can receive our email, a message is on its way. Open the link in it to confirm your subscription.</p>
<p>Nothing after a few minutes? Look in your spam folder, or send the form again in 10 minutes.</p>`,
};

export function confirmPage(action: string): Page {
  return {
    title: 'Confirm your subscription',
    body: html`<p>Press the button to start receiving the weekly email of networking events.</p>
<form method="post" action="${action}"><button type="submit">Confirm subscription</button></form>`,
  };
}

export function confirmedPage(links: { preferencesUrl: string; unsubscribeUrl: string; firstDigest?: string }): Page {
  return {
    title: "You're subscribed",
    body: html`<p class="notice" role="status">Thank you. ${links.firstDigest ?? 'Your first weekly email arrives with the next digest.'}</p>
<p><a href="${links.preferencesUrl}">Change your preferences</a> or <a href="${links.unsubscribeUrl}">unsubscribe</a> at any time; every email has both links.</p>`,
  };
}

export const LINK_INVALID_PAGE: Page = {
  title: "This link doesn't work",
  body: html`<p>The link may be incomplete; try copying the whole link from the email. You can also <a href="/">sign up again</a>.</p>`,
};

export const LINK_EXPIRED_PAGE: Page = {
  title: 'This link has expired',
  body: html`<p>Links in our emails work for a limited time. <a href="/">Sign up again</a> to get a fresh one; it takes a minute.</p>`,
};

export const CANNOT_CONFIRM_PAGE: Page = {
  title: 'This confirmation link is no longer valid',
  body: html`<p>This address was unsubscribed or can no longer receive our email since the link was sent. <a href="/">Sign up again</a> if you want the weekly email.</p>`,
};

const UNSUBSCRIBE_REASONS: { value: UnsubscribeReason; label: string }[] = [
  { value: 'found-a-job', label: 'I found a job' },
  { value: 'too-many-emails', label: 'Too many emails' },
  { value: 'not-relevant', label: "The events aren't right for me" },
  { value: 'other', label: 'Another reason' },
];

/** The unsubscribe page; the preferences link is left out when the opening link is too old to derive one. */
export function unsubscribePage(action: string, preferencesUrl: string | null): Page {
  const preferences =
    preferencesUrl === null
      ? html``
      : html`
<p>Too many emails or the wrong events? <a href="${preferencesUrl}">Change your preferences</a> instead.</p>`;
  return {
    title: 'Unsubscribe',
    body: html`<p>Press the button to stop the weekly email of networking events.</p>
<form method="post" action="${action}">
<fieldset>
<legend>Why are you leaving? (optional)</legend>
${UNSUBSCRIBE_REASONS.map((reason) => html`<label class="choice"><input type="radio" name="reason" value="${reason.value}">${reason.label}</label>`)}
</fieldset>
<button type="submit">Unsubscribe</button></form>${preferences}`,
  };
}

export const UNSUBSCRIBED_PAGE: Page = {
  title: "You're unsubscribed",
  body: html`<p class="notice" role="status">You won't get the weekly email any more. Changed your mind? <a href="/">Sign up again</a>.</p>`,
};

/** The answer to "I found a job": the email stops, and a word of congratulation. */
export const FOUND_A_JOB_PAGE: Page = {
  title: 'Congratulations on the new job!',
  body: html`<p class="notice" role="status">Well done, and good luck in the new role. You won't get the weekly email any more.</p>
<p>Networking still pays once you're in: the professional gatherings keep going. If you want them again, <a href="/">sign up</a> any time.</p>`,
};

export function preferencesPage(options: {
  action: string;
  values: FormValues;
  issues: readonly InputIssue[];
  saved: boolean;
  active: boolean;
  unsubscribeUrl: string;
  /** A line on top after a pause, a resume or a save ("Paused until …"). */
  notice?: string;
  /** Sections below the form: this week's picks, the last digest, the pause and "your data" (`preferences-page.ts`), the calendar feed (`feedback-pages.ts`). */
  sections?: readonly Html[];
}): Page {
  const notice = options.notice ?? (options.saved ? 'Saved. The next weekly email uses these preferences.' : null);
  const saved = notice === null ? html`` : html`<p class="notice" role="status">${notice}</p>`;
  const inactive = options.active
    ? html``
    : html`<p class="notice">This address is not receiving the weekly email. Saving keeps your preferences; <a href="/">sign up</a> to start the email.</p>`;
  return {
    title: 'Your preferences',
    body: html`${saved}${inactive}${renderIssues(options.issues)}
${renderPreferencesForm({ action: options.action, values: options.values, withEmail: false, submitLabel: 'Save preferences', issues: options.issues })}
${options.sections ?? []}
<p><a href="${options.unsubscribeUrl}">Unsubscribe from the weekly email</a></p>`,
  };
}

export const NOT_FOUND_PAGE: Page = { title: 'Page not found', body: html`<p><a href="/">Go to the signup page</a>.</p>` };

export const ERROR_PAGE: Page = {
  title: 'Something went wrong',
  body: html`<p>Sorry, we could not finish that. Please try again in a few minutes.</p>`,
};

export const TOO_LARGE_PAGE: Page = { title: 'Too much data', body: html`<p>The form sent more than this page accepts.</p>` };

export const UNSUPPORTED_BODY_PAGE: Page = {
  title: 'Unsupported form',
  body: html`<p>Send the form as a web form or as JSON.</p>`,
};

export function unknownZipIssue(zip: string): InputIssue {
  return { field: 'zip', message: `ZIP code: we don't know the ZIP code ${zip}. Check it and try again.` };
}

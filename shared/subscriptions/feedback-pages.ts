/**
 * The pages of the digest's feedback links and the preferences page's calendar section. A feedback
 * GET shows one button and records nothing (link scanners follow GETs); only its POST records.
 */
import type { Event } from '../model/event';
import { html, type Html } from './html';
import type { Page } from './pages';

export type FeedbackKind = 'going' | 'not-for-me';

const BUTTON: Record<FeedbackKind, string> = { going: "I'm going", 'not-for-me': 'Not for me' };

/** "Wed, Dec 9, 6:00 PM" in the event's own zone (a date alone when all-day). */
function whenOf(event: Event): string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: event.timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(!event.allDay && { hour: 'numeric', minute: '2-digit' }),
  });
  return format.format(new Date(event.allDay ? `${event.startDate}T12:00:00Z` : event.start));
}

/** The GET page: what the button will record, and the button. */
export function feedbackPage(action: string, kind: FeedbackKind, event: Event): Page {
  const explain =
    kind === 'going'
      ? html`<p>Press the button and we add it to your personal calendar feed and remind you of it in your next weekly email.</p>`
      : html`<p>Press the button and your next weekly emails show fewer events like this one (same group, organiser and kind of event).</p>`;
  return {
    title: BUTTON[kind],
    body: html`<p><strong>${event.title}</strong><br>${whenOf(event)}</p>
${explain}
<form method="post" action="${action}"><button type="submit">${BUTTON[kind]}</button></form>`,
  };
}

/** The POST answer. */
export function feedbackRecordedPage(kind: FeedbackKind, event: Event): Page {
  const said = kind === 'going' ? html`You're going to <strong>${event.title}</strong>. Enjoy it!` : html`Noted: <strong>${event.title}</strong> is not for you.`;
  return {
    title: 'Thank you',
    body: html`<p class="notice" role="status">${said}</p>
<p>Changed your mind? The other link under the event in the email replaces this choice.</p>`,
  };
}

/** The event is no longer listed (removed, or past its retention). */
export const FEEDBACK_EVENT_GONE_PAGE: Page = {
  title: 'This event is no longer listed',
  body: html`<p>The organiser may have cancelled or moved it. Your next weekly email has the current events.</p>`,
};

/**
 * The feed address in a read-only field (easy to select and copy, and it never widens a phone
 * screen the way a 200-character link would), with a link that opens it.
 */
function feedAddress(feedUrl: string): Html {
  return html`<p><label for="calendar-feed-url">Calendar address</label>
<input id="calendar-feed-url" type="text" readonly value="${feedUrl}"></p>
<p><a href="${feedUrl}">Open the calendar feed</a></p>`;
}

/**
 * The preferences page's "Your calendar" section: the feed address to subscribe to, and a button
 * that replaces it (the old address then stops working), for a leaked or shared address.
 */
export function calendarFeedSection(options: { feedUrl: string; renewAction: string }): Html {
  return html`<section aria-labelledby="calendar-feed">
<h2 id="calendar-feed">Your calendar</h2>
<p>Subscribe to this address in Google Calendar ("From URL") or Outlook ("Subscribe from web"): it holds the events picked for you for the next four weeks and the ones you said you're going to, refreshed twice a day.</p>
${feedAddress(options.feedUrl)}
<form method="post" action="${options.renewAction}"><button type="submit">New calendar address</button></form>
<p class="hint">A new address stops the old one from working; anyone you shared it with loses access.</p>
</section>`;
}

/** After "New calendar address". */
export function calendarRenewedPage(options: { feedUrl: string; preferencesUrl: string }): Page {
  return {
    title: 'Your new calendar address',
    body: html`<p class="notice" role="status">The old address no longer works. Subscribe to the new one in your calendar app:</p>
${feedAddress(options.feedUrl)}
<p><a href="${options.preferencesUrl}">Back to your preferences</a></p>`,
  };
}

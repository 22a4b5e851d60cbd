/**
 * The parts of the preferences page around the form: this week's picks (what the digest would
 * choose now), the last digest sent, the pause, and "your data" (export and delete). Every button
 * POSTs to a path under the page's own token, so a link scanner's GET changes nothing.
 */
import { selectDigest } from '../digest/select';
import type { Subscriber } from '../model/subscriber';
import type { DeliveryArchive, EventStore } from '../ports';
import { addDays, localDateOf } from '../time/zoned';
import { html, type Html } from './html';

/** One event as the page lists it. */
export interface ListedEvent {
  title: string;
  when: string;
}

/** What the sections show. */
export interface PreferencesExtras {
  /** `/preferences/<token>`: the buttons post below it. */
  base: string;
  pausedUntil: string | null;
  picks: ListedEvent[];
  lastDigest: { sentOn: string; events: ListedEvent[] } | null;
}

function formatWhen(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(instant);
}

/** "Tuesday, December 29" in the subscriber's zone. */
export function formatDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(instant);
}

/** Reads the picks (the next seven days from `now`) and the last digest actually sent. */
export async function loadPreferencesExtras(
  subscriber: Subscriber,
  base: string,
  now: Date,
  deps: { events: EventStore; deliveries?: DeliveryArchive | undefined },
): Promise<PreferencesExtras> {
  const zone = subscriber.timeZone;
  const today = localDateOf(now, zone);
  const [upcoming, deliveries] = await Promise.all([
    deps.events.listStartingBetween(today, addDays(today, 7)),
    deps.deliveries ? deps.deliveries.listFor(subscriber.id) : Promise.resolve([]),
  ]);
  const selection = selectDigest(upcoming, subscriber, { windowStart: now, windowDays: 7, timeZone: zone });
  const picks = selection.chosen.map(({ event }) => ({ title: event.title, when: formatWhen(new Date(event.start), zone) }));
  const sent = deliveries.filter((d) => d.messageId !== null).at(-1);
  let lastDigest: PreferencesExtras['lastDigest'] = null;
  if (sent) {
    const events = await Promise.all(sent.events.map((item) => deps.events.get(item.id)));
    lastDigest = {
      sentOn: formatDay(new Date(sent.claimedAt), zone),
      events: events.flatMap((event) => (event ? [{ title: event.title, when: formatWhen(new Date(event.start), zone) }] : [])),
    };
  }
  const paused = subscriber.pausedUntil !== null && Date.parse(subscriber.pausedUntil) > now.getTime() ? subscriber.pausedUntil : null;
  return { base, pausedUntil: paused, picks, lastDigest };
}

function eventList(events: readonly ListedEvent[], empty: string): Html {
  if (events.length === 0) return html`<p>${empty}</p>`;
  return html`<ul class="events">${events.map((event) => html`<li><strong>${event.title}</strong><br><span class="when">${event.when}</span></li>`)}</ul>`;
}

/** The sections, in the order a person looks for them. */
export function renderPreferencesSections(extras: PreferencesExtras, timeZone: string): Html {
  const pause =
    extras.pausedUntil === null
      ? html`<form method="post" action="${extras.base}/pause">
<label for="weeks">Pause the weekly email for</label>
<select id="weeks" name="weeks">${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => html`<option value="${n}"${{ html: n === 2 ? ' selected' : '' }}>${n} week${n === 1 ? '' : 's'}</option>`)}</select>
<button type="submit" class="secondary">Pause</button>
</form>`
      : html`<p>Paused until ${formatDay(new Date(extras.pausedUntil), timeZone)}.</p>
<form method="post" action="${extras.base}/resume"><button type="submit" class="secondary">Resume now</button></form>`;
  const last = extras.lastDigest;
  return html`<section aria-labelledby="picks-h"><h2 id="picks-h">This week's picks for you</h2>
${eventList(extras.picks, 'Nothing matches these preferences in the next seven days. Try a wider distance.')}</section>
<section aria-labelledby="last-h"><h2 id="last-h">Your last digest</h2>
${last === null ? html`<p>No digest has been sent to you yet.</p>` : html`<p>Sent ${last.sentOn}:</p>${eventList(last.events, 'Its events are no longer listed.')}`}</section>
<section aria-labelledby="pause-h"><h2 id="pause-h">Take a break</h2>
${pause}</section>
<section aria-labelledby="data-h"><h2 id="data-h">Your data</h2>
<form method="post" action="${extras.base}/export"><button type="submit" class="secondary">Download my data (JSON)</button></form>
<form method="post" action="${extras.base}/delete">
<label class="choice"><input type="checkbox" name="confirmDelete" value="yes" required>Yes, delete my address, preferences and digest history</label>
<button type="submit" class="danger">Delete my data</button>
</form>
<p class="hint">Deleting keeps only a one-way fingerprint of your address, so a bounce or a spam report is still honoured. You can sign up again at any time.</p></section>`;
}

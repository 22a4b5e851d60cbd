/**
 * Renders one digest: subject, HTML (the compiled MJML layout filled with escaped strings) and a
 * plain-text part. Feed text is escaped for HTML text and attributes; only http(s) links are kept.
 */
import { localDateOf } from '../time/zoned';
import { escapeHtml, singleLine, withoutControls } from './escape';
import { formatRange } from './format';
import { LIGHT } from './palette';
import { renderText } from './render-text';
import { digestTemplate, fillTemplate } from './template';
import { tipForWeek } from './tips';
import { SECTION_TITLES, reminderLine, safeLink, viewOf, type EventView, type RenderedDigest, type RenderInput } from './view';

export type { DigestLinks, Operator, RenderedDigest, RenderInput, SourceFacts } from './view';

/** `5 networking events near Lowell, Nov 30 – Dec 6`: one line, no control characters. */
export function digestSubject(count: number, placeName: string, firstDay: string, windowDays: number): string {
  const place = singleLine(placeName).slice(0, 60) || 'you';
  const noun = count === 1 ? 'networking event' : 'networking events';
  return singleLine(`${count} ${noun} near ${place}, ${formatRange(firstDay, windowDays)}`);
}

const LINK_STYLE = `color:${LIGHT.link};`;

// 12 + 20 + 12 px and a 1 px border: a 46 px tall tap target (WCAG 2.5.5 asks 44).
const BUTTON_STYLE =
  `display:inline-block;margin:0 8px 8px 0;padding:12px 14px;border:1px solid ${LIGHT.buttonBorder};border-radius:6px;` +
  `background-color:${LIGHT.button};color:${LIGHT.buttonText};font-size:15px;line-height:20px;font-weight:600;text-decoration:none;`;

function link(href: string, text: string, style = LINK_STYLE): string {
  return `<a href="${escapeHtml(href)}"${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</a>`;
}

function button(href: string, text: string): string {
  return `<a class="nm-btn" href="${escapeHtml(href)}" style="${BUTTON_STYLE}">${escapeHtml(text)}</a>`;
}

/** "Meets every Wednesday — check the group's page before you go", the page linked. */
function scheduleNoteHtml(view: EventView): string {
  if (view.scheduleNote === null) return '';
  const page = view.url === null ? "the group's page" : link(view.url, "the group's page");
  return `<p style="margin:0 0 6px;">${escapeHtml(view.scheduleNote)} — check ${page} before you go</p>`;
}

function eventHtml(view: EventView): string {
  const title = view.url === null ? escapeHtml(view.title) : link(view.url, view.title, `${LINK_STYLE}text-decoration:underline;`);
  const meta = [view.place, view.cost, `By ${view.organiser}`];
  const buttons = [
    ...(view.feedback === null ? [] : [button(view.feedback.going, "I'm going"), button(view.feedback.notForMe, 'Not for me')]),
    button(view.googleCalendar, 'Add to Google Calendar'),
    ...(view.ics === null ? [] : [button(view.ics, `Download ${view.icsFileName}`)]),
  ];
  return (
    `<div class="nm-event" style="margin:0 0 18px;padding:0 0 10px;border-bottom:1px solid ${LIGHT.rule};">` +
    `<h3 style="margin:0 0 4px;font-size:18px;line-height:1.3;">${title}</h3>` +
    `<p style="margin:0 0 2px;font-weight:600;">${escapeHtml(view.when)}</p>` +
    `<p class="nm-meta" style="margin:0 0 4px;color:${LIGHT.muted};">${meta.map(escapeHtml).join(' · ')}</p>` +
    `<p class="nm-why" style="margin:0 0 6px;color:${LIGHT.why};font-style:italic;">${escapeHtml(view.why)}</p>` +
    scheduleNoteHtml(view) +
    (view.description === '' ? '' : `<p style="margin:0 0 6px;">${escapeHtml(view.description)}</p>`) +
    (view.url === null ? '' : `<p style="margin:0 0 8px;">${link(view.url, 'Details and registration')}</p>`) +
    `<p style="margin:0;">${buttons.join('')}</p>` +
    '</div>'
  );
}

function sectionHtml(title: string, views: readonly EventView[], empty: string): string {
  const heading = `<h2 style="margin:8px 0 12px;font-size:20px;">${escapeHtml(title)}</h2>`;
  if (views.length === 0) return `${heading}<p style="margin:0 0 12px;">${escapeHtml(empty)}</p>`;
  return heading + views.map(eventHtml).join('');
}

function remindersHtml(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `<div style="padding:16px 0 4px;">${lines.map((line) => `<p style="margin:0 0 6px;font-weight:600;">${escapeHtml(line)}</p>`).join('')}</div>`;
}

function footerHtml(input: RenderInput): string {
  const { operator, links, subscriber } = input;
  const address = withoutControls(operator.postalAddress)
    .split('\n')
    .map((line) => escapeHtml(singleLine(line)))
    .filter((line) => line !== '')
    .join('<br>');
  const site = safeLink(operator.siteUrl);
  const name = escapeHtml(singleLine(operator.name));
  const feed = safeLink(links.calendarFeed);
  return (
    `<p style="margin:0 0 8px;">You get this mail because you signed up for ${name}'s weekly digest of networking events within ` +
    `${subscriber.radiusMiles} miles of ${escapeHtml(singleLine(subscriber.zip))}.</p>` +
    (feed === null ? '' : `<p style="margin:0 0 8px;">${button(feed, 'Add all your picks to your calendar')}</p>`) +
    `<p style="margin:0 0 8px;">${button(links.unsubscribe, 'Unsubscribe')}${button(links.preferences, 'Change your preferences')}</p>` +
    `<p style="margin:0;">${site === null ? name : link(site, singleLine(operator.name))}<br>${address}</p>`
  );
}

/** Renders subject, HTML and text for one subscriber's chosen events. */
export function renderDigest(input: RenderInput): RenderedDigest {
  const { subscriber, chosen, windowStart, windowDays, links } = input;
  const firstDay = localDateOf(windowStart, subscriber.timeZone);
  const subject = digestSubject(chosen.length, subscriber.placeName, firstDay, windowDays);
  const views = chosen.map((item) => ({ audience: item.event.audience, view: viewOf(item, subscriber.timeZone, links, input.sources) }));
  const jobSeeker = views.filter((item) => item.audience === 'job-seeker').map((item) => item.view);
  const professional = views.filter((item) => item.audience === 'professional').map((item) => item.view);
  const place = singleLine(subscriber.placeName) || 'you';
  const range = formatRange(firstDay, windowDays);
  const tip = tipForWeek(firstDay);
  const opening = singleLine(input.opening ?? '');
  const intro = opening || `${range}: ${jobSeeker.length} for your job search, ${professional.length} where professionals meet.`;
  const reminders = (input.reminders ?? []).map((item) => reminderLine(item.event));
  const html = fillTemplate(digestTemplate, {
    TITLE: escapeHtml(subject),
    PREVIEW: escapeHtml(intro),
    HEADING: escapeHtml(`Your networking week near ${place}`),
    INTRO: escapeHtml(intro),
    REMINDERS: remindersHtml(reminders),
    JOB_SEEKER: sectionHtml(SECTION_TITLES['job-seeker'], jobSeeker, 'No job-search events near you this week.'),
    PROFESSIONAL: sectionHtml(SECTION_TITLES.professional, professional, 'No professional gatherings near you this week.'),
    TIP: escapeHtml(tip),
    FOOTER: footerHtml(input),
  });
  const text = renderText({ subject, intro, reminders, jobSeeker, professional, tip, input });
  return { subject, html, text };
}

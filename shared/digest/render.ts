/**
 * Renders one digest: subject, HTML (the compiled MJML layout filled with escaped strings) and a
 * plain-text part. Feed text is escaped for HTML text and attributes; only http(s) links are kept.
 */
import { localDateOf } from '../time/zoned';
import { escapeHtml, singleLine, withoutControls } from './escape';
import { formatRange } from './format';
import { renderText } from './render-text';
import { digestTemplate, fillTemplate } from './template';
import { tipForWeek } from './tips';
import { SECTION_TITLES, safeLink, viewOf, type EventView, type RenderedDigest, type RenderInput } from './view';

export type { DigestLinks, Operator, RenderedDigest, RenderInput } from './view';

/** `5 networking events near Lowell, Nov 30 – Dec 6`: one line, no control characters. */
export function digestSubject(count: number, placeName: string, firstDay: string, windowDays: number): string {
  const place = singleLine(placeName).slice(0, 60) || 'you';
  const noun = count === 1 ? 'networking event' : 'networking events';
  return singleLine(`${count} ${noun} near ${place}, ${formatRange(firstDay, windowDays)}`);
}

function link(href: string, text: string, style = ''): string {
  return `<a href="${escapeHtml(href)}"${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</a>`;
}

/** "Meets every Wednesday — check the group's page before you go", the page linked. */
function scheduleNoteHtml(view: EventView): string {
  if (view.scheduleNote === null) return '';
  const page = view.url === null ? "the group's page" : link(view.url, "the group's page", 'color:#0b5cad;');
  return `<p style="margin:0 0 6px;">${escapeHtml(view.scheduleNote)} — check ${page} before you go</p>`;
}

function eventHtml(view: EventView): string {
  const title = view.url === null ? escapeHtml(view.title) : link(view.url, view.title, 'color:#0b5cad;text-decoration:underline;');
  const meta = [view.place, view.cost, view.organiser === null ? null : `By ${view.organiser}`].filter((part): part is string => part !== null);
  const linkStyle = 'color:#0b5cad;';
  const calendar = [link(view.googleCalendar, 'Add to Google Calendar', linkStyle), view.ics === null ? null : link(view.ics, 'Download .ics', linkStyle)].filter(
    (part): part is string => part !== null,
  );
  return (
    '<div class="nm-event" style="margin:0 0 18px;padding:0 0 14px;border-bottom:1px solid #d5dbe1;">' +
    `<h3 style="margin:0 0 4px;font-size:18px;line-height:1.3;">${title}</h3>` +
    `<p style="margin:0 0 2px;font-weight:600;">${escapeHtml(view.when)}</p>` +
    `<p class="nm-meta" style="margin:0 0 4px;color:#3d4852;">${meta.map(escapeHtml).join(' · ')}</p>` +
    `<p class="nm-why" style="margin:0 0 6px;color:#2d5a27;font-style:italic;">${escapeHtml(view.why)}</p>` +
    scheduleNoteHtml(view) +
    (view.description === '' ? '' : `<p style="margin:0 0 6px;">${escapeHtml(view.description)}</p>`) +
    `<p style="margin:0;font-size:14px;">${calendar.join(' · ')}</p>` +
    '</div>'
  );
}

function sectionHtml(title: string, views: readonly EventView[], empty: string): string {
  const heading = `<h2 style="margin:8px 0 12px;font-size:20px;">${escapeHtml(title)}</h2>`;
  if (views.length === 0) return `${heading}<p style="margin:0 0 12px;">${escapeHtml(empty)}</p>`;
  return heading + views.map(eventHtml).join('');
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
  return (
    `<p style="margin:0 0 8px;">You get this mail because you signed up for ${name}'s weekly digest of networking events within ` +
    `${subscriber.radiusMiles} miles of ${escapeHtml(singleLine(subscriber.zip))}.</p>` +
    `<p style="margin:0 0 8px;">${link(links.unsubscribe, 'Unsubscribe')} · ${link(links.preferences, 'Change your preferences')}</p>` +
    `<p style="margin:0;">${site === null ? name : link(site, singleLine(operator.name))}<br>${address}</p>`
  );
}

/** Renders subject, HTML and text for one subscriber's chosen events. */
export function renderDigest(input: RenderInput): RenderedDigest {
  const { subscriber, chosen, windowStart, windowDays, links } = input;
  const firstDay = localDateOf(windowStart, subscriber.timeZone);
  const subject = digestSubject(chosen.length, subscriber.placeName, firstDay, windowDays);
  const views = chosen.map((item) => ({ audience: item.event.audience, view: viewOf(item, subscriber.timeZone, links) }));
  const jobSeeker = views.filter((item) => item.audience === 'job-seeker').map((item) => item.view);
  const professional = views.filter((item) => item.audience === 'professional').map((item) => item.view);
  const place = singleLine(subscriber.placeName) || 'you';
  const range = formatRange(firstDay, windowDays);
  const tip = tipForWeek(firstDay);
  const intro = `${range}: ${jobSeeker.length} for your job search, ${professional.length} where professionals meet.`;
  const html = fillTemplate(digestTemplate, {
    TITLE: escapeHtml(subject),
    PREVIEW: escapeHtml(intro),
    HEADING: escapeHtml(`Your networking week near ${place}`),
    INTRO: escapeHtml(intro),
    JOB_SEEKER: sectionHtml(SECTION_TITLES['job-seeker'], jobSeeker, 'No job-search events near you this week.'),
    PROFESSIONAL: sectionHtml(SECTION_TITLES.professional, professional, 'No professional gatherings near you this week.'),
    TIP: escapeHtml(tip),
    FOOTER: footerHtml(input),
  });
  const text = renderText({ subject, intro, jobSeeker, professional, tip, input });
  return { subject, html, text };
}

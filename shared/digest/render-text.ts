/** The plain-text alternative: every event with its time, place and links, and the footer links. */
import { singleLine, withoutControls } from './escape';
import { SECTION_TITLES, safeLink, type EventView, type RenderInput } from './view';

function eventText(view: EventView): string {
  const lines = [`* ${view.title}`, `  ${view.when}`, `  ${[view.place, view.cost, `By ${view.organiser}`].join(' · ')}`, `  ${view.why}`];
  if (view.scheduleNote !== null) lines.push(`  ${view.scheduleNote} — check the group's page before you go${view.url === null ? '' : `: ${view.url}`}`);
  if (view.description !== '') lines.push(`  ${view.description}`);
  if (view.url !== null) lines.push(`  Details: ${view.url}`);
  if (view.feedback !== null) lines.push(`  I'm going: ${view.feedback.going}`, `  Not for me: ${view.feedback.notForMe}`);
  lines.push(`  Add to Google Calendar: ${view.googleCalendar}`);
  if (view.ics !== null) lines.push(`  Calendar file (${view.icsFileName}): ${view.ics}`);
  return lines.join('\n');
}

function section(title: string, views: readonly EventView[]): string {
  const body = views.length === 0 ? 'Nothing near you this week.' : views.map(eventText).join('\n\n');
  return `${title.toUpperCase()}\n\n${body}`;
}

/** The text/plain part of a digest. */
export function renderText(parts: {
  subject: string;
  intro: string;
  reminders: readonly string[];
  jobSeeker: readonly EventView[];
  professional: readonly EventView[];
  tip: string;
  input: RenderInput;
}): string {
  const { operator, links, subscriber } = parts.input;
  const address = withoutControls(operator.postalAddress)
    .split('\n')
    .map(singleLine)
    .filter((line) => line !== '')
    .join('\n');
  const feed = safeLink(links.calendarFeed);
  return (
    [
      parts.subject,
      parts.intro,
      ...(parts.reminders.length === 0 ? [] : [parts.reminders.join('\n')]),
      section(SECTION_TITLES['job-seeker'], parts.jobSeeker),
      section(SECTION_TITLES.professional, parts.professional),
      `NETWORKING TIP\n\n${parts.tip}`,
      '--',
      `You get this mail because you signed up for ${singleLine(operator.name)}'s weekly digest of networking events within ${subscriber.radiusMiles} miles of ${singleLine(subscriber.zip)}.`,
      ...(feed === null ? [] : [`Add all your picks to your calendar: ${feed}`]),
      `Unsubscribe: ${links.unsubscribe}\nChange your preferences: ${links.preferences}`,
      `${singleLine(operator.name)}\n${address}${safeLink(operator.siteUrl) === null ? '' : `\n${operator.siteUrl ?? ''}`}`,
    ].join('\n\n') + '\n'
  );
}

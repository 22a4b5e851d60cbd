/**
 * The one line under each event saying why it is in the digest. What matched comes first (an
 * employer they follow, a field they ticked, a word they typed), naming the event so a list of
 * matches does not read as one sentence repeated; otherwise a line about the kind of event that
 * names its organiser and what makes it worth going to.
 */
import type { Category } from '../model/common';
import type { Event } from '../model/event';
import { FIELD_LABELS, type FieldId } from '../model/fields';

/** What a subscriber's terms matched in one event. */
export interface Matched {
  fields: readonly FieldId[];
  interests: readonly string[];
  employers: readonly string[];
}

const BY_CATEGORY: Record<Category, (host: string) => string> = {
  'job-seeker-group': (host) => `${host}: others in a search, trading leads and support`,
  'career-center-workshop': (host) => `${host}: practical help with your search`,
  'job-fair': (host) => `${host}: employers with openings, ready to talk`,
  'professional-association': (host) => `${host}: where people who work in the field meet`,
  conference: (host) => `${host}: a room of people from the field, and their hallway talk`,
  'business-networking': (host) => `${host}: employed professionals from local firms`,
  alumni: (host) => `${host}: a shared school makes an easy first conversation`,
  meetup: (host) => `${host}: practitioners who meet for the subject itself`,
  volunteering: (host) => `${host}: work side by side with people who may hire`,
  other: (host) => `${host}: people outside your usual circle`,
};

/** "Boston HR Association's chapter meeting", or the title alone when it already names the organiser. */
function subjectOf(event: Pick<Event, 'title' | 'organizer'>): string {
  const organiser = event.organizer?.trim();
  if (!organiser || event.title.toLowerCase().includes(organiser.toLowerCase())) return event.title;
  return `${organiser}'s ${event.title.charAt(0).toLowerCase()}${event.title.slice(1)}`;
}

/** Who runs it, for the category line: the organiser, else the first source's name. */
function hostOf(event: Pick<Event, 'organizer' | 'sources' | 'title'>): string {
  return event.organizer?.trim() || event.sources[0]?.name || event.title;
}

/** The cost note that makes a category line worth reading, if any. */
function costNote(event: Pick<Event, 'cost'>): string {
  if (event.cost.kind === 'free-for-job-seekers') return ', free for job seekers';
  if (event.cost.kind === 'free') return ', free';
  return '';
}

/** One line saying why `event` is in the digest (see the module note). */
export function whyLine(event: Event, matched: Matched): string {
  const employer = matched.employers[0];
  if (employer !== undefined) return `${employer}, an employer you follow, comes up at ${subjectOf(event)}`;
  const field = matched.fields[0];
  if (field !== undefined) return `For people in ${FIELD_LABELS[field].toLowerCase()}: ${subjectOf(event)}`;
  const interest = matched.interests[0];
  if (interest !== undefined) return `On your interest “${interest}”: ${subjectOf(event)}`;
  return `${BY_CATEGORY[event.category](hostOf(event))}${costNote(event)}`;
}

import type { Category } from '../model/common';
import type { Event } from '../model/event';

const BY_CATEGORY: Record<Category, string> = {
  'job-seeker-group': 'Job-seeker group: meet others in a search and trade leads',
  'career-center-workshop': 'Career-center workshop: practical help with your search, free or cheap',
  'job-fair': 'Job fair: employers with openings, ready to talk',
  'professional-association': 'Professional association: people who work in the field go here',
  conference: 'Conference: a room full of people from the field, and their hallway talk',
  'business-networking': 'Business mixer: meet employed professionals from local firms',
  alumni: 'Alumni event: a shared school makes an easy first conversation',
  meetup: 'Meetup group: practitioners who meet for the subject itself',
  volunteering: 'Volunteering: work side by side with people who may hire',
  other: 'Networking: a chance to meet people outside your usual circle',
};

/** One line saying why an event is in the digest: a matched interest or employer first, else its kind. */
export function whyLine(event: Event, matchedInterests: readonly string[], matchedEmployers: readonly string[]): string {
  const employer = matchedEmployers[0];
  if (employer !== undefined) return `Mentions ${employer}, an employer you follow`;
  const interest = matchedInterests[0];
  if (interest !== undefined) return `Matches your interest: ${interest}`;
  return BY_CATEGORY[event.category];
}

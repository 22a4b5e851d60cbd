import { isoWeekOf } from './iso-week';

/** Short networking tips; one a week, in turn. */
export const NETWORKING_TIPS: readonly string[] = [
  'Go with one goal you can finish, such as "leave with two names to follow up with", and leave when you have it.',
  'Ask people what they are working on this month. It is easier to answer than "what do you do?" and tells you more.',
  'Follow up within two days: a short note that names what you talked about, and one useful link or introduction.',
  'Stand near the food or the registration table: that is where conversations start without an opening line.',
  'Say what you are looking for in one sentence, so others can think of who you should meet.',
  'Offer something first: a contact, an article, a tip about another event. People remember who helped them.',
  'Volunteer to check people in at a meeting. You meet everyone, and the organiser will introduce you.',
];

/** The tip for the ISO week holding `date` (`YYYY-MM-DD`): same week, same tip. */
export function tipForWeek(date: string): string {
  const { year, week } = isoWeekOf(date);
  return NETWORKING_TIPS[(year * 53 + week) % NETWORKING_TIPS.length] ?? '';
}

/** A sample digest input shared by the render, MIME and screenshot tests. */
import type { DigestLinks, RenderInput, SourceFacts } from '../../../shared/digest/render';
import type { ChosenEvent } from '../../../shared/digest/types';
import { WINDOW_START, eveningOf, makeEvent, makeProfile } from './make-event';

export const OPERATOR = { name: 'Merrimack Valley Career Center', postalAddress: '107 Merrimack St\nLowell, MA 01852', siteUrl: 'https://careers.example.org/' };

export const LINKS = {
  unsubscribe: 'https://api.example.org/u/tok-unsub',
  preferences: 'https://api.example.org/preferences/tok-prefs',
  eventIcs: (id: string) => `https://api.example.org/events/${id}.ics`,
};

// A signed token as long as the real ones (subscriber id, event id, expiry, HMAC): the size test needs real lengths.
const TOKEN = `${'s'.repeat(26)}.${'e'.repeat(32)}.1767225600.${'h'.repeat(43)}`;

/** Every link the contract allows: feedback per event and the personal calendar feed. */
export const FULL_LINKS: DigestLinks = {
  ...LINKS,
  feedback: (id: string) => ({ going: `https://api.example.org/f/${TOKEN}/${id}/going`, notForMe: `https://api.example.org/f/${TOKEN}/${id}/not-for-me` }),
  calendarFeed: `https://api.example.org/calendar/${TOKEN}.ics`,
};

/** The sources the sample events name, with their pages and usual places. */
export const SOURCES: ReadonlyMap<string, SourceFacts> = new Map([
  ['src-a', { url: 'https://source-a.example.org/events' }],
  ['career-center', { url: 'https://careers.example.org/calendar', place: { address: '107 Merrimack St', city: 'Lowell' } }],
]);

/** The sample digest with an opening line, a reminder, feedback buttons and the calendar feed. */
export function sampleFullInput(chosen: ChosenEvent[] = sampleChosen()): RenderInput {
  const reminder = makeEvent('job-club', { ...eveningOf(8), title: 'Job Club' });
  return {
    ...sampleInput(chosen),
    links: FULL_LINKS,
    sources: SOURCES,
    opening: 'This week: 2 job-search meetings and 2 professional gatherings, as your balanced mix asks.',
    reminders: [{ event: reminder, distanceMiles: 2, why: 'You said you are going' }],
  };
}

export function sampleChosen(): ChosenEvent[] {
  return [
    {
      event: makeEvent('wind', {
        ...eveningOf(2),
        title: 'Wednesday Is Networking Day',
        audience: 'job-seeker',
        category: 'job-seeker-group',
        organizer: 'WIND Lowell',
        cost: { kind: 'free', amount: null, currency: null, text: null },
        description: 'A weekly support group for people in a job search: short introductions, a speaker on LinkedIn profiles, then open networking.',
      }),
      distanceMiles: 2.6,
      why: 'Job-seeker group: meet others in a search and trade leads',
    },
    {
      event: makeEvent('workshop', {
        ...eveningOf(3),
        title: 'Resume Lab at the Career Center',
        audience: 'job-seeker',
        category: 'career-center-workshop',
        online: true,
        onlineUrl: 'https://meet.example.org/resume',
        venue: null,
        organizer: 'Merrimack Valley Career Center',
        cost: { kind: 'free-for-job-seekers', amount: null, currency: null, text: null },
      }),
      distanceMiles: null,
      why: 'Career-center workshop: practical help with your search, free or cheap',
    },
    {
      event: makeEvent('shrm', {
        ...eveningOf(1),
        title: 'Northeast HR Association Chapter Meeting',
        organizer: 'NEHRA',
        cost: { kind: 'paid', amount: 25, currency: 'USD', text: '$25 members' },
        description: 'Monthly chapter meeting with a panel on hiring trends in biotech and manufacturing.',
      }),
      distanceMiles: 11.2,
      why: 'Matches your interest: HR',
    },
    {
      event: makeEvent('chamber', {
        // All-day Saturday 2026-12-05: end is the local midnight after (Dec 6 00:00 EST = 05:00Z).
        start: '2026-12-05T05:00:00.000Z',
        end: '2026-12-06T05:00:00.000Z',
        startDate: '2026-12-05',
        allDay: true,
        title: 'Holiday Business Expo',
        organizer: 'Greater Lowell Chamber of Commerce',
        category: 'business-networking',
      }),
      distanceMiles: 0.3,
      why: 'Business mixer: meet employed professionals from local firms',
    },
  ];
}

export function sampleInput(chosen: ChosenEvent[] = sampleChosen()): RenderInput {
  return {
    subscriber: { ...makeProfile(), placeName: 'Lowell' },
    chosen,
    windowStart: WINDOW_START,
    windowDays: 7,
    links: LINKS,
    operator: OPERATOR,
  };
}

import { newRawEvent, type RawEvent } from '../../../shared/model/raw-event';
import type { SourceContext } from '../../../shared/model/source';

/** A plain timed RawEvent: Tue 10 Mar 2026, 08:30 EDT (−4) = 12:30Z, no place, no text. */
export function rawEvent(overrides: Partial<RawEvent> = {}): RawEvent {
  return newRawEvent(
    {
      uid: 'evt-1@example.org',
      title: 'Networking Breakfast',
      start: new Date('2026-03-10T12:30:00Z'),
      end: null,
      allDay: false,
      startDate: '2026-03-10',
      timeZone: 'America/New_York',
      ...overrides,
    },
    overrides.provenance ?? 'ical',
  );
}

/** A professional association with no default place. */
export const associationSource: SourceContext = {
  id: 'boston-hr',
  name: 'Boston HR Association',
  kind: 'association',
  audience: 'professional',
  timeZone: 'America/New_York',
};

/** A career center whose events happen at its Waltham office unless they say otherwise. */
export const careerCenterSource: SourceContext = {
  id: 'masshire-metro-north',
  name: 'MassHire Metro North Career Center',
  kind: 'career-center',
  audience: 'job-seeker',
  timeZone: 'America/New_York',
  place: { name: 'MassHire Career Center', address: '186 Alewife Brook Pkwy', city: 'Cambridge', region: 'MA', postalCode: '02138' },
};

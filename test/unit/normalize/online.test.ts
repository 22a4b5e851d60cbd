import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../../../shared/model/raw-event';
import { normalizeEvent } from '../../../shared/normalize';
import { associationSource, careerCenterSource, rawEvent } from './raw-event-factory';

describe('online detection', () => {
  it.each<[string, Partial<RawEvent>, string | null]>([
    ['a Zoom link in the location', { location: 'https://us02web.zoom.us/j/8123456789?pwd=abc&utm_source=x' }, 'https://us02web.zoom.us/j/8123456789?pwd=abc'],
    ['a Teams link in the description', { description: '<p>Join: <a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting">Teams</a></p>' }, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting'],
    ['a Google Meet link as the event URL', { url: 'https://meet.google.com/abc-defg-hij' }, 'https://meet.google.com/abc-defg-hij'],
    ['a Webex link in plain text', { description: 'Webex: https://acme.webex.com/meet/jdoe.' }, 'https://acme.webex.com/meet/jdoe'],
    ['"Online" as the location', { location: 'Online' }, null],
    ['"Virtual" in the title', { title: 'Virtual Job Club' }, null],
    ['"Webinar" in the title', { title: 'Webinar: Negotiating Your Offer' }, null],
    ['attendance mode online', { attendanceMode: 'online' }, null],
    ['an explicit online URL', { onlineUrl: 'https://zoom.us/j/1?fbclid=x' }, 'https://zoom.us/j/1'],
  ])('%s → online', (_label, overrides, onlineUrl) => {
    const event = normalizeEvent(rawEvent(overrides), careerCenterSource);
    expect(event.online).toBe(true);
    expect(event.onlineUrl).toBe(onlineUrl);
    // Online with no physical place: no venue, not even the career center's office.
    expect(event.venue).toBeNull();
  });

  it.each<[string, Partial<RawEvent>]>([
    ['a physical place', { location: 'Newton Free Library, 330 Homer St, Newton, MA 02459' }],
    ['"virtual reality" as a topic', { title: 'Virtual Reality Meetup' }],
    ['"online marketing" as a topic', { title: 'Online Marketing Roundtable' }],
    ['a non-meeting link in the description', { description: 'Register at https://www.eventbrite.com/e/123' }],
  ])('%s → not online', (_label, overrides) => {
    expect(normalizeEvent(rawEvent(overrides), associationSource).online).toBe(false);
  });

  it('keeps the venue of a hybrid (mixed) event', () => {
    const event = normalizeEvent(rawEvent({ attendanceMode: 'mixed', location: 'CIC Boston, 50 Milk St, Boston, MA 02109', onlineUrl: 'https://zoom.us/j/99' }), associationSource);
    expect(event).toMatchObject({ online: true, onlineUrl: 'https://zoom.us/j/99', venue: { name: 'CIC Boston', postalCode: '02109' } });
  });

  it('drops a venue for an online-only attendance mode even when a place is named', () => {
    expect(normalizeEvent(rawEvent({ attendanceMode: 'online', location: 'Boston, MA' }), associationSource).venue).toBeNull();
  });

  it('reads a venue named "Zoom" as online, not as a place', () => {
    const event = normalizeEvent(rawEvent({ venue: { name: 'Zoom' } }), careerCenterSource);
    expect(event.online).toBe(true);
    expect(event.venue).toBeNull();
  });

  it('never keeps a javascript: online URL', () => {
    const event = normalizeEvent(rawEvent({ onlineUrl: 'javascript:alert(1)', attendanceMode: 'online' }), associationSource);
    expect(event.online).toBe(true);
    expect(event.onlineUrl).toBeNull();
  });
});

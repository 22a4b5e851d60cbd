/**
 * The two microformat vocabularies Netmix reads: h-event (microformats2) and classic hCalendar
 * (`vevent`). Both work the same way: a root element, and properties named by class on its
 * descendants that are not inside another root (a nested `h-card`/`vcard` location keeps its own
 * `p-name`).
 */

export type ValueKind = 'text' | 'url' | 'date' | 'html';

export interface Vocabulary {
  label: string;
  /** The class that makes an element an event root. */
  rootClass: 'h-event' | 'vevent';
  isNestedRoot: (className: string) => boolean;
  /** A property class name: `value` parts inside it belong to it (the value-class pattern). */
  isProperty: (className: string) => boolean;
  name: string;
  start: string;
  end: string;
  duration: string;
  location: string;
  url: string;
  uid: string;
  summary: string | null;
  content: string[];
  category: string;
  organizer: string;
  status: string | null;
  card: { name: string[]; street: string; city: string; region: string; postalCode: string; lat: string; lon: string };
}

const isMf2Root = (className: string): boolean => /^h-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(className);
const CLASSIC_ROOTS = new Set(['vevent', 'vcard', 'adr', 'geo', 'vcalendar']);
const isMf2Property = (className: string): boolean => /^(?:p|u|dt|e)-[a-z0-9]/.test(className);
const CLASSIC_PROPERTIES = new Set([
  'summary', 'dtstart', 'dtend', 'duration', 'location', 'url', 'uid', 'description', 'category', 'organizer', 'status',
  'fn', 'org', 'street-address', 'locality', 'region', 'postal-code', 'latitude', 'longitude',
]);

export const MF2: Vocabulary = {
  label: 'h-event',
  rootClass: 'h-event',
  isNestedRoot: isMf2Root,
  isProperty: isMf2Property,
  name: 'p-name',
  start: 'dt-start',
  end: 'dt-end',
  duration: 'dt-duration',
  location: 'p-location',
  url: 'u-url',
  uid: 'u-uid',
  summary: 'p-summary',
  content: ['e-content', 'e-description'],
  category: 'p-category',
  organizer: 'p-organizer',
  status: null,
  card: {
    name: ['p-name', 'p-org'],
    street: 'p-street-address',
    city: 'p-locality',
    region: 'p-region',
    postalCode: 'p-postal-code',
    lat: 'p-latitude',
    lon: 'p-longitude',
  },
};

export const CLASSIC: Vocabulary = {
  label: 'hCalendar vevent',
  rootClass: 'vevent',
  isNestedRoot: (className) => CLASSIC_ROOTS.has(className) || isMf2Root(className),
  isProperty: (className) => CLASSIC_PROPERTIES.has(className),
  name: 'summary',
  start: 'dtstart',
  end: 'dtend',
  duration: 'duration',
  location: 'location',
  url: 'url',
  uid: 'uid',
  summary: null,
  content: ['description'],
  category: 'category',
  organizer: 'organizer',
  status: 'status',
  card: {
    name: ['fn', 'org'],
    street: 'street-address',
    city: 'locality',
    region: 'region',
    postalCode: 'postal-code',
    lat: 'latitude',
    lon: 'longitude',
  },
};

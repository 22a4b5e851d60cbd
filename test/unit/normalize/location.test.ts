import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../../shared/normalize';

type Expected = Partial<ReturnType<typeof parseLocation>>;

const cases: [string, Expected][] = [
  ['Name, 14 Summer St, Waltham, MA 02451', { name: 'Name', address: '14 Summer St', city: 'Waltham', region: 'MA', postalCode: '02451' }],
  ['14 Summer St, Waltham, MA 02451-1234', { name: null, address: '14 Summer St', city: 'Waltham', region: 'MA', postalCode: '02451' }],
  ['Boston Public Library, 700 Boylston St, Boston, MA', { name: 'Boston Public Library', address: '700 Boylston St', city: 'Boston', region: 'MA', postalCode: null }],
  ['CIC Boston, 50 Milk St, 20th Floor, Boston, MA 02109, USA', { name: 'CIC Boston', address: '50 Milk St, 20th Floor', city: 'Boston', region: 'MA', postalCode: '02109' }],
  ['Microsoft NERD Center, One Memorial Drive, Cambridge, Massachusetts 02142', { name: 'Microsoft NERD Center', address: 'One Memorial Drive', city: 'Cambridge', region: 'MA', postalCode: '02142' }],
  ['Newton Free Library\\, 330 Homer Street\\, Newton\\, MA\\, 02459', { name: 'Newton Free Library', address: '330 Homer Street', city: 'Newton', region: 'MA', postalCode: '02459' }],
  ['735 Randolph\\, 5th Floor Board Room\\, Detroit\\,\\, MI\\, 48226', { name: null, address: '735 Randolph, 5th Floor Board Room', city: 'Detroit', region: 'MI', postalCode: '48226' }],
  ['Waltham MA 02451', { name: null, address: null, city: 'Waltham', region: 'MA', postalCode: '02451' }],
  ['Harvard Square, Cambridge, MA', { name: 'Harvard Square', address: null, city: 'Cambridge', region: 'MA', postalCode: null }],
  ['Framingham Public Library, Framingham', { name: 'Framingham Public Library', city: 'Framingham', region: 'MA', postalCode: null }],
  ['Lexington Community Center (39 Marrett Rd, Lexington, MA 02421)', { name: 'Lexington Community Center', address: '39 Marrett Rd', city: 'Lexington', region: 'MA', postalCode: '02421' }],
  ['Worcester Chamber of Commerce, 446 Main St., Suite 200, Worcester, Mass. 01608', { name: 'Worcester Chamber of Commerce', address: '446 Main St., Suite 200', city: 'Worcester', region: 'MA', postalCode: '01608' }],
  ['The Foundry, 101 Rogers St\nCambridge, MA 02142', { name: 'The Foundry', address: '101 Rogers St', city: 'Cambridge', region: 'MA', postalCode: '02142' }],
  ['Room 203', { name: 'Room 203', address: null, city: null, region: null, postalCode: null }],
];

describe('parseLocation: Boston-area free-text locations', () => {
  it.each(cases)('%s', (input, expected) => {
    const parsed = parseLocation(input, 'MA');
    expect(parsed).toMatchObject({ ...expected, onlineOnly: false });
  });
});

describe('parseLocation: online and empty places', () => {
  it.each(['Online', 'Zoom', 'Virtual event', 'Microsoft Teams', 'Online only'])('"%s" is online, not a venue', (input) => {
    expect(parseLocation(input)).toMatchObject({ name: null, address: null, city: null, onlineOnly: true });
  });

  it('reads a bare meeting link as online and keeps the link', () => {
    const parsed = parseLocation('https://us02web.zoom.us/j/8123456789?pwd=abc');
    expect(parsed.onlineOnly).toBe(true);
    expect(parsed.urls).toEqual(['https://us02web.zoom.us/j/8123456789?pwd=abc']);
  });

  it('treats "TBD" as no place at all, neither a venue nor online', () => {
    expect(parseLocation('TBD')).toMatchObject({ name: null, onlineOnly: false });
  });

  it('does not read a town without a state unless it exists in the default region', () => {
    expect(parseLocation('Green Dragon Tavern, Nowhereville', 'MA')).toMatchObject({ name: 'Green Dragon Tavern, Nowhereville', city: null });
  });
});

import { describe, expect, it } from 'vitest';
import type { Cost } from '../../../shared/model/event';
import { readCost } from '../../../shared/normalize';

const free = (text: string | null): Cost => ({ kind: 'free', amount: null, currency: null, text });
const paid = (amount: number, text: string | null): Cost => ({ kind: 'paid', amount, currency: 'USD', text });
const forJobSeekers = (text: string): Cost => ({ kind: 'free-for-job-seekers', amount: null, currency: null, text });
const unknown: Cost = { kind: 'unknown', amount: null, currency: null, text: null };

describe('readCost from words', () => {
  it.each<[string, string, Cost]>([
    ['Networking Breakfast', 'Free', free(null)],
    ['Mixer', 'FREE admission. Cash bar.', free('FREE admission')],
    ['Job Fair', 'Admission is free and open to the public.', free('Admission is free')],
    ['Free Resume Review', '', free(null)],
    ['Chapter Meeting', 'Cost: $25', paid(25, 'Cost: $25')],
    ['Annual Dinner', '$30 members, $40 guests', paid(30, '$30 members, $40 guests')],
    ['Gala', 'Tickets: $125.50 at the door', paid(125.5, 'Tickets: $125.50 at the door')],
    ['Roundtable', 'Members $20. Free for job seekers!', forJobSeekers('Free for job seekers')],
    ['Monthly Meeting', 'There is no cost to job seekers.', forJobSeekers('There is no cost to job seekers')],
    ['Workshop', 'This program is free for those in transition.', forJobSeekers('This program is free for those in transition')],
    ['Expo', 'Job seekers attend free; employers $200', forJobSeekers('Job seekers attend free')],
    ['Speaker Night', 'Suggested donation $10', free('Suggested donation $10')],
    ['Social', 'Free parking available in the garage.', unknown],
    ['Lunch', 'Feel free to bring a friend', unknown],
    ['Summit', 'Last year we raised $5 million for scholarships', unknown],
    ['Chapter Meeting', 'Pizza and networking.', unknown],
  ])('%s / "%s"', (title, description, expected) => {
    expect(readCost(title, description, [])).toEqual(expected);
  });
});

describe('readCost from offers', () => {
  it('reads a zero price as free', () => {
    expect(readCost('x', '', [{ price: 0, currency: 'USD', text: null }])).toEqual(free(null));
  });

  it('takes the lowest non-zero price and its currency', () => {
    expect(readCost('x', '', [
      { price: 45, currency: 'usd', text: 'Guests' },
      { price: 0, currency: 'USD', text: 'Members' },
      { price: 15, currency: 'usd', text: 'Students' },
    ])).toEqual({ kind: 'paid', amount: 15, currency: 'USD', text: 'Guests; Members; Students' });
  });

  it('defaults the currency to USD', () => {
    expect(readCost('x', '', [{ price: 12, currency: null, text: null }])).toMatchObject({ kind: 'paid', amount: 12, currency: 'USD' });
  });

  it('lets "free for job seekers" in the description win over a paid offer', () => {
    expect(readCost('x', 'Free for job seekers.', [{ price: 35, currency: 'USD', text: null }]).kind).toBe('free-for-job-seekers');
  });
});

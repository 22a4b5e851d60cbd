import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../shared/fetch';

// 2015-10-21T07:26:00Z, two minutes before the RFC 9110 example date.
const NOW = Date.UTC(2015, 9, 21, 7, 26, 0);

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an IMF-fixdate: 07:28:00Z is 120 s after 07:26:00Z', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(120);
  });

  it('rounds a partial second up: 07:26:00.5Z to 07:26:02Z is 1.5 s → 2', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:26:02 GMT', NOW + 500)).toBe(2);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', NOW)).toBe(0);
  });

  it.each([null, '', 'soon', '-5', '1.5', '12abc'])('gives null for %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

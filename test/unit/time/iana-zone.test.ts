import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from '../../../shared/model/common';

// The reference: what the check answered before it consulted the runtime's zone list.
function formatterAccepts(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

describe('isIanaTimeZone', () => {
  it('answers as a formatter would for every zone the runtime lists, aliases and wrong names', () => {
    const names = [
      ...Intl.supportedValuesOf('timeZone'),
      // Aliases and legacy names the list leaves out but the formatter accepts.
      'US/Eastern', 'US/Pacific', 'Asia/Calcutta', 'Asia/Kolkata', 'Etc/GMT+5', 'Etc/UTC', 'America/Indianapolis', 'Europe/Kiev', 'UTC',
      // Wrong names.
      'EST', 'PST', 'Eastern Standard Time', 'America/Lowell', 'america/new_york', 'Mars/Olympus_Mons', '', '/', 'UTC/',
    ];
    const disagreements = names.filter((zone) => isIanaTimeZone(zone) !== formatterAccepts(zone));
    expect(disagreements).toEqual([]);
    expect(names.filter((zone) => isIanaTimeZone(zone)).length).toBeGreaterThan(400);
    expect(isIanaTimeZone('America/New_York')).toBe(true);
    expect(isIanaTimeZone('US/Eastern')).toBe(true);
    expect(isIanaTimeZone('Eastern Standard Time')).toBe(false);
  });
});

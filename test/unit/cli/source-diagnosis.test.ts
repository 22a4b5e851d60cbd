/** `diagnoseEmpty` on readings the current readers cannot yet produce (schedule-text problems). */
import { describe, expect, it } from 'vitest';
import { diagnoseEmpty, kindMismatch } from '../../../cli/source-diagnosis';

const page = '<html><body><h2>Acton Networking</h2><p>Meets every other Tuesday, 9 to 11 a.m.</p></body></html>';

describe('diagnoseEmpty', () => {
  it('quotes schedule text the sentence reader reported as ambiguous, whatever the problem\'s exact wording', () => {
    const reasons = diagnoseEmpty({
      declared: 'html',
      detected: 'html',
      body: page,
      problems: [{ where: 'schedule text', message: '"Meets every other Tuesday, 9 to 11 a.m." names no date to count from' }],
      past: { count: 0, latestDate: null },
    });
    expect(reasons).toEqual([
      'schedule text found but ambiguous, so no dates were guessed: "schedule text: "Meets every other Tuesday, 9 to 11 a.m." names no date to count from"',
    ]);
  });

  it('names a title or date selector that matches nothing inside the items', () => {
    const reasons = diagnoseEmpty({
      declared: 'html',
      detected: 'html',
      body: '<ul><li class="e"><b>Mixer</b></li></ul>',
      recipe: { item: 'li.e', title: 'b', date: '.when' },
      problems: [],
      past: { count: 0, latestDate: null },
    });
    expect(reasons[0]).toBe('the recipe\'s date selector ".when" matched nothing in any of the 1 items');
  });

  it('says when a feed has no events at all, and warns only when kinds differ', () => {
    expect(diagnoseEmpty({ declared: 'ical', detected: 'ical', body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', problems: [], past: { count: 0, latestDate: null } })).toEqual(['the feed holds no events (no VEVENT) at all']);
    expect(kindMismatch('ical', 'ical')).toBeNull();
    expect(kindMismatch('ical', 'html')).toBe('declared "fetch": "ical" but the content is an HTML page: read as html; set "fetch": "html"');
  });
});

import { describe, expect, it } from 'vitest';
import { fixture, parse, starts } from './helpers';

// Cases taken from other projects' test suites (origin and licence in test/fixtures/ORIGIN.md).

describe('python-recurring-ical-events issue 107 (prie_issue_107_omitting_last_event.ics)', () => {
  it('keeps the last instance of a weekly rule whose UTC UNTIL equals it, across a custom-named zone', () => {
    // Thursdays 10:00 "Pacific Standard Time" (a Windows id → America/Los_Angeles; the file's own
    // VTIMEZONE is named "Pacific Standard Time:", with a stray colon) from Jan 5 2023, UNTIL
    // 2023-06-08T17:00Z = Jun 8 10:00 PDT, which is itself an instance. DST 2023 began Sun Mar 12:
    // Jan 5 – Mar 9 (10 Thursdays) at 10:00 PST = 18:00Z; Mar 16 – Jun 8 (13) at 10:00 PDT = 17:00Z.
    const { events } = parse(fixture('prie_issue_107_omitting_last_event.ics'), '2023-01-01T00:00:00Z', '2023-12-31T00:00:00Z');
    const pst = ['01-05', '01-12', '01-19', '01-26', '02-02', '02-09', '02-16', '02-23', '03-02', '03-09'].map((d) => `2023-${d}T18:00:00.000Z`);
    const pdt = ['03-16', '03-23', '03-30', '04-06', '04-13', '04-20', '04-27', '05-04', '05-11', '05-18', '05-25', '06-01', '06-08'].map((d) => `2023-${d}T17:00:00.000Z`);
    expect(starts(events)).toEqual([...pst, ...pdt]);
    expect(events.at(-1)?.end?.toISOString()).toBe('2023-06-08T18:00:00.000Z');
    expect(events[0]?.timeZone).toBe('America/Los_Angeles');
  });
});

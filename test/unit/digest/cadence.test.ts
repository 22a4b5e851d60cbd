/**
 * The coaches' cadence over five simulated weeks (Mon 2026-11-30 … Mon 2026-12-28), each week's
 * digest fed into the next week's history as send-digests does. The supply every week: a weekly
 * job club (free, so it would top the job-seeker ranking every week), three other weekly
 * job-seeker groups, five one-off job-seeker meetings, eight weekly professional series.
 */
import { describe, expect, it } from 'vitest';
import { isoWeekOf } from '../../../shared/digest/iso-week';
import type { DigestRecipient } from '../../../shared/digest/select';
import { selectForMany } from '../../../shared/digest/select-many';
import { seriesKeyOf } from '../../../shared/digest/series';
import type { DigestSelection, FeedbackEntry, OfferedItem } from '../../../shared/digest/types';
import type { Event } from '../../../shared/model/event';
import { startOfLocalDay } from '../../../shared/time/zoned';
import { eveningOf, makeEvent, makeProfile, seriesWord } from './make-event';

const ZONE = 'America/New_York';
const WEEKS = ['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'];
const FREE = { kind: 'free', amount: null, currency: null, text: null } as const;

function weekly(week: number, weekday: number, title: string, overrides: Partial<Event>): Event {
  return makeEvent(`${title}-${week}`, { ...eveningOf(week * 7 + weekday), title, sources: [{ id: `src-${title}`, name: title, uid: title }], organizer: title, ...overrides });
}

function supply(): Event[] {
  return WEEKS.flatMap((_, week) => [
    weekly(week, 1, 'Lowell Job Club', { audience: 'job-seeker', category: 'job-seeker-group', cost: FREE }),
    ...['Resume Circle', 'Interview Practice Group', 'Career Transition Forum'].map((title, i) => weekly(week, 2 + i, title, { audience: 'job-seeker', category: 'job-seeker-group' })),
    ...[0, 1, 2, 3, 4].map((i) => weekly(week, i, `Job Seeker Workshop ${seriesWord(`${week}-${i}`)}`, { audience: 'job-seeker', category: 'career-center-workshop' })),
    ...Array.from({ length: 8 }, (_, i) => weekly(week, i % 7, `Chapter Meeting ${seriesWord(String(i))}`, { audience: 'professional' })),
  ]);
}

const JOB_CLUB = seriesKeyOf({ title: 'Lowell Job Club', sources: [{ id: 'src-Lowell Job Club', name: '', uid: '' }] });

/** Runs five weeks for one subscriber; each digest becomes history for the next (the four weeks before). */
function simulate(mix: DigestRecipient['mix'], feedback: FeedbackEntry[] = []): DigestSelection[] {
  const events = supply();
  const offered: OfferedItem[] = [];
  return WEEKS.map((date) => {
    const week = isoWeekOf(date).key;
    const recent = offered.filter((item) => item.isoWeek < week).slice(-4 * 8);
    const recipient: DigestRecipient = { ...makeProfile({ mix }), id: 'ann', history: { offered: recent, feedback } };
    const selection = selectForMany(events, [recipient], { windowStart: startOfLocalDay(date, ZONE), windowDays: 7 })[0];
    if (!selection) throw new Error('no selection');
    for (const { event } of selection.chosen) offered.push({ id: event.id, seriesKey: seriesKeyOf(event), audience: event.audience, isoWeek: week });
    return selection;
  });
}

function jobClubWeeks(digests: readonly DigestSelection[]): number[] {
  return digests.flatMap((digest, week) => (digest.chosen.some(({ event }) => seriesKeyOf(event) === JOB_CLUB) ? [week] : []));
}

describe('the coaches cadence over five weeks', () => {
  for (const [mix, most] of [['balanced', 2], ['professional', 1], ['job-seeker', 3]] as const) {
    it(`${mix}: the job club at most ${most} times, never two weeks running; a professional gathering every week; one meeting of a series a digest`, () => {
      const digests = simulate(mix);
      const weeks = jobClubWeeks(digests);
      expect(weeks.length).toBeGreaterThanOrEqual(1);
      expect(weeks.length).toBeLessThanOrEqual(most);
      for (let i = 1; i < weeks.length; i += 1) expect((weeks[i] ?? 0) - (weeks[i - 1] ?? 0)).toBeGreaterThan(1);
      for (const digest of digests) {
        expect(digest.counts.professional).toBeGreaterThanOrEqual(1);
        expect(new Set(digest.chosen.map(({ event }) => seriesKeyOf(event))).size).toBe(digest.chosen.length);
        expect(digest.opening).toMatch(/this week/);
      }
    });
  }

  it('gives the balanced mix several different job-seeker groups, the job-seeker mix more, the professional mix two in the month', () => {
    const total = (digests: DigestSelection[]): number => digests.reduce((sum, digest) => sum + digest.counts['job-seeker'], 0);
    const balanced = total(simulate('balanced'));
    const jobSeeker = total(simulate('job-seeker'));
    // Professional: one a digest at most, two over any five weeks.
    expect(total(simulate('professional'))).toBe(2);
    // Balanced: 3 a digest (round(8/3)) from different groups, every week: 15.
    expect(balanced).toBe(15);
    // Job-seeker: 5 a digest (round(16/3)): 25.
    expect(jobSeeker).toBe(25);
  });

  it('counts "I\'m going" toward the month: the job club the professional mix said it goes to is not offered again', () => {
    // Going to the job club on Tue 2026-11-24 (before the first window, inside its month).
    const going: FeedbackEntry = { eventId: 'earlier', kind: 'going', seriesKey: JOB_CLUB, organiser: 'Lowell Job Club', category: 'job-seeker-group', audience: 'job-seeker', eventStart: '2026-11-24T23:00:00.000Z', at: '2026-11-20T12:00:00.000Z' };
    const digests = simulate('professional', [going]);
    // The series cap (1 a month) is reached in weeks 1–4; the month of week 5 (from Nov 30) no longer holds Nov 24.
    expect(jobClubWeeks(digests).every((week) => week >= 4)).toBe(true);
    expect(jobClubWeeks(simulate('professional'))).toContain(0);
  });

  it('lowers a series marked "Not for me" below the others', () => {
    const notForMe: FeedbackEntry = { eventId: 'x', kind: 'not-for-me', seriesKey: JOB_CLUB, organiser: 'Lowell Job Club', category: 'job-seeker-group', audience: 'job-seeker', eventStart: '2026-11-24T23:00:00.000Z', at: '2026-11-25T12:00:00.000Z' };
    expect(jobClubWeeks(simulate('balanced'))).toContain(0);
    expect(jobClubWeeks(simulate('balanced', [notForMe]))).toEqual([]);
  });
});

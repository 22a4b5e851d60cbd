/** The classifier against the labelled set (test/fixtures/audience/), scored from both source defaults. */
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../../shared/model/source';
import { classifyEvent } from '../../../shared/normalize';
import { readLabelledSet, scoreAudience } from '../../support/audience-labels';

const items = readLabelledSet();
const community: SourceContext = { id: 'community', name: 'Community calendar', kind: 'other', audience: 'professional', timeZone: 'America/New_York' };

describe('audience classifier on the labelled set', () => {
  it('holds at least 150 items, half each way, with a held-out part', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    const seekers = items.filter((item) => item.audience === 'job-seeker').length;
    expect(seekers).toBe(items.length - seekers);
    expect(items.filter((item) => item.split === 'held-out').length).toBeGreaterThanOrEqual(50);
  });

  it('is right at least 95% of the time on the part it was tuned on', () => {
    expect(scoreAudience(items.filter((item) => item.split === 'tune')).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('is right at least 95% of the time on the held-out part', () => {
    expect(scoreAudience(items.filter((item) => item.split === 'held-out')).accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('audience: job-search and professional vocabulary, with the reason line', () => {
  it.each([
    ['RESEA Orientation', '', 'job-seeker', 'title mentions reemployment services'],
    ['Tuesday Session', 'Required for claimants who received a RESEA notice.', 'job-seeker', 'description mentions reemployment services'],
    ['Outplacement Support Group', '', 'job-seeker', 'title mentions outplacement or a lost job'],
    ['Returnship Info Session', '', 'job-seeker', 'title mentions returning to work'],
    ['Negotiating Your Job Offer', '', 'job-seeker', 'title mentions offer and salary negotiation'],
    ['Perfect Your Elevator Pitch', '', 'job-seeker', 'title mentions informational interviews or an elevator pitch'],
    ['Job Search Over 50', '', 'job-seeker', 'title mentions a job search'],
    ['Getting Hired After 50', '', 'job-seeker', 'title mentions job seekers'],
    ['Veterans Employment Workshop', '', 'job-seeker', "title mentions veterans' employment"],
    ['Skills Assessment and Interest Inventory', '', 'job-seeker', 'title mentions a skills assessment or personal branding'],
    ['Résumé Review Clinic', '', 'job-seeker', 'title mentions a résumé or interview workshop'],
  ] as const)('%s → %s', (title, description, audience, reason) => {
    expect(classifyEvent(title, description, community)).toMatchObject({ audience, audienceReason: reason });
  });

  it.each([
    ['Kiwanis Club Breakfast Meeting', '', 'title mentions a service club', 'business-networking'],
    ['BNI Merrimack Valley Chapter', '', 'title mentions a referral group', 'business-networking'],
    ['Boston SQL Server User Group', '', 'title mentions a user group or practitioners forum', 'meetup'],
    ['Greater Nashua Business Expo', '', 'title mentions a conference', 'conference'],
    ['Holiday Reception for Members and Guests', '', 'title mentions an association meeting', 'professional-association'],
    ['Thursday Lunch', 'Weekly Rotary meeting with a speaker.', 'description mentions a service club', 'business-networking'],
  ] as const)('%s → professional', (title, description, reason, category) => {
    expect(classifyEvent(title, description, { ...community, audience: 'job-seeker' })).toEqual({ audience: 'professional', audienceReason: reason, category });
  });

  it('keeps a practitioners forum about salaries professional, even from a job-seeker source', () => {
    // Title: "practitioners forum" (decisive, 4) + "practitioners" (weak, 1.5) against nothing on the job-seeker side.
    const result = classifyEvent('Compensation Practitioners Forum: Pay Transparency', 'Compensation practitioners discuss salary range disclosure.', { ...community, audience: 'job-seeker' });
    expect(result.audience).toBe('professional');
  });
});

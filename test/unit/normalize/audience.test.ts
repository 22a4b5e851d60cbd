import { describe, expect, it } from 'vitest';
import type { Audience, Category } from '../../../shared/model/common';
import type { SourceContext } from '../../../shared/model/source';
import { classifyEvent } from '../../../shared/normalize';

const source = (kind: SourceContext['kind'], audience: Audience, category?: Category): SourceContext => ({
  id: `src-${kind}`, name: 'Source', kind, audience, timeZone: 'America/New_York', ...(category === undefined ? {} : { category }),
});

describe('classifyEvent: titles from real groups', () => {
  it.each<[string, SourceContext, Audience, string, Category]>([
    ['Wednesday Is Networking Day', source('job-seeker-group', 'job-seeker'), 'job-seeker', 'title mentions a job-seeker networking group', 'job-seeker-group'],
    ['MassHire Resume Workshop', source('career-center', 'job-seeker'), 'job-seeker', 'title mentions a résumé or interview workshop', 'career-center-workshop'],
    ['LinkedIn Profile Lab', source('library', 'professional'), 'job-seeker', 'title mentions a résumé or interview workshop', 'career-center-workshop'],
    ['Mock Interviews with Recruiters', source('career-center', 'job-seeker'), 'job-seeker', 'title mentions a résumé or interview workshop', 'career-center-workshop'],
    ['Career Fair: Healthcare', source('other', 'professional'), 'job-seeker', 'title mentions a job fair', 'job-fair'],
    ['Spring Hiring Event at Gillette Stadium', source('chamber', 'professional'), 'job-seeker', 'title mentions a job fair', 'job-fair'],
    ['Networking for People in Transition', source('other', 'professional'), 'job-seeker', 'title mentions people in transition', 'job-seeker-group'],
    ['Job Seekers Support Group', source('library', 'professional'), 'job-seeker', 'title mentions a job-seeker networking group', 'job-seeker-group'],
    ['Laid Off? Next Steps and Unemployment Benefits', source('library', 'professional'), 'job-seeker', 'title mentions laid-off or unemployed workers', 'job-seeker-group'],
    ['Career Changers Roundtable', source('other', 'professional'), 'job-seeker', 'title mentions career changers', 'job-seeker-group'],
    ['Boston HR Association Chapter Meeting', source('association', 'professional'), 'professional', 'title mentions an association meeting', 'professional-association'],
    ['Network After Work Boston', source('other', 'job-seeker'), 'professional', 'title mentions after-work networking', 'business-networking'],
    ['Business After Hours at Cambridge Savings Bank', source('chamber', 'professional'), 'professional', 'title mentions a chamber of commerce', 'business-networking'],
    ['Tech Meetup: Intro to LLMs', source('meetup-group', 'professional'), 'professional', 'title mentions a meetup', 'meetup'],
    ['MIT Alumni Networking Night', source('alumni', 'professional'), 'professional', 'title mentions an alumni event', 'alumni'],
    ['New England Marketing Summit 2026', source('association', 'professional'), 'professional', 'title mentions a conference', 'conference'],
    ['Coffee & Conversation', source('job-seeker-group', 'job-seeker'), 'job-seeker', 'source is a job-seeker group', 'job-seeker-group'],
    ['Coffee & Conversation', source('association', 'professional'), 'professional', 'source is a professional association', 'professional-association'],
    ['Saturday Clean-up: Volunteers Needed', source('other', 'professional'), 'professional', "source's default audience", 'volunteering'],
  ])('%s', (title, src, audience, reason, category) => {
    expect(classifyEvent(title, '', src)).toEqual({ audience, audienceReason: reason, category });
  });
});

describe('classifyEvent: weights', () => {
  it('lets a title word outweigh the source default', () => {
    expect(classifyEvent('Resume Workshop', '', source('association', 'professional')).audience).toBe('job-seeker');
  });

  it('does not let one description word outweigh the source default', () => {
    const result = classifyEvent('Monthly Program', 'All are welcome, job seekers included.', source('association', 'professional'));
    expect(result).toMatchObject({ audience: 'professional', audienceReason: 'title mentions an association meeting' });
  });

  it('lets several description words outweigh the source default, and says so', () => {
    const result = classifyEvent('Thursday Morning Group', 'For job seekers and people in transition: job search strategies, laid off? start here.', source('other', 'professional'));
    expect(result.audience).toBe('job-seeker');
    expect(result.audienceReason).toMatch(/^description mentions /);
  });

  it('uses the source category over every word', () => {
    expect(classifyEvent('Career Fair: Healthcare', '', source('career-center', 'job-seeker', 'career-center-workshop')).category).toBe('career-center-workshop');
  });

  it('falls back to the source kind, then to other', () => {
    expect(classifyEvent('Coffee', '', source('chamber', 'professional')).category).toBe('business-networking');
    expect(classifyEvent('Coffee', '', source('library', 'professional')).category).toBe('other');
  });
});

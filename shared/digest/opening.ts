/**
 * The digest's opening line: the week's plan in the subscriber's mix and, when the digest could
 * not follow it, why in plain words and what to change. Built only from what a selection group
 * shares (counts, mix, size, radius, online choice, the cadence's effect), so grouped and
 * ungrouped runs agree.
 */
import type { AudienceCounts, DigestProfile } from './types';

/** What the opening line needs to know about one digest. */
export interface OpeningFacts {
  counts: AudienceCounts;
  profile: Pick<DigestProfile, 'mix' | 'digestSize' | 'radiusMiles' | 'online'>;
  /** Professional events the plan asked for. */
  professionalPlanned: number;
  /** Job-seeker meetings left out by the month's cadence (their series had their meetings this month). */
  heldBack: number;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const PLAN: Record<DigestProfile['mix'], string> = {
  balanced: 'a professional gathering every week and a job-seeker meeting or two a month',
  'job-seeker': 'mostly job-seeker meetings, with a professional gathering every week',
  professional: 'professional gatherings, with a job-seeker meeting now and then',
};

const MIX_NUMBERS: Record<DigestProfile['mix'], number> = { balanced: 0, 'job-seeker': 1, professional: 2 };

/** True for a whole number in [0, `below`). */
function small(value: number, below: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < below;
}

/**
 * Every fact `openingLine` reads as two small integers, so digests with the same line can share
 * it: the counts, plan, size, mix and online choice, and the held-back count with the radius.
 * Null when a fact is outside the ranges they pack (digests hold at most 15 events, radii are
 * whole miles), and the line is then built on its own.
 */
export function openingKey(facts: OpeningFacts): [number, number] | null {
  const { counts, profile } = facts;
  const jobSeeker = counts['job-seeker'];
  const { professional } = counts;
  if (!small(jobSeeker, 16) || !small(professional, 16) || !small(facts.professionalPlanned, 16) || !small(profile.digestSize, 16)) return null;
  if (!small(facts.heldBack, 10_000) || !small(profile.radiusMiles, 10_000)) return null;
  const plan = ((((jobSeeker * 16 + professional) * 16 + facts.professionalPlanned) * 16 + profile.digestSize) * 3 + MIX_NUMBERS[profile.mix]) * 2 + (profile.online ? 1 : 0);
  return [plan, facts.heldBack * 10_000 + profile.radiusMiles];
}

/** One plain sentence: the plan, and any shortfall with its reason. */
export function openingLine(facts: OpeningFacts): string {
  const { counts, profile } = facts;
  const total = counts['job-seeker'] + counts.professional;
  const where = `within ${profile.radiusMiles} miles${profile.online ? ' or online' : ''}`;
  const widen = profile.online ? 'widen your radius in preferences' : 'widen your radius or add online events in preferences';
  if (total === 0) return `Nothing new ${where} this week — ${widen}.`;
  const plan = `${plural(counts.professional, 'professional gathering', 'professional gatherings')} and ${plural(counts['job-seeker'], 'job-seeker meeting', 'job-seeker meetings')} this week, following your plan: ${PLAN[profile.mix]}`;
  if (counts.professional < facts.professionalPlanned) {
    const only = counts.professional === 0 ? 'No professional gatherings' : `Only ${plural(counts.professional, 'professional gathering', 'professional gatherings')}`;
    return `${only} ${where} this week — ${widen}.`;
  }
  if (total < profile.digestSize) {
    const reason =
      facts.heldBack > 0
        ? `${plural(facts.heldBack, 'job-seeker meeting rests', 'job-seeker meetings rest')} this week, as coaches advise one or two of a group a month`
        : `that is everything new ${where}`;
    return `${plan} — ${total} events, not ${profile.digestSize}: ${reason}.`;
  }
  return `${plan}.`;
}

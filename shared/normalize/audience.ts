import type { Audience, Category } from '../model/common';
import type { SourceContext } from '../model/source';
import { AUDIENCE_RULES as RULES, type AudienceRule } from './audience-rules';

export type { AudienceRule } from './audience-rules';

const SOURCE_KIND_REASON: Readonly<Record<SourceContext['kind'], string>> = {
  association: 'source is a professional association',
  'career-center': 'source is a career center',
  'job-seeker-group': 'source is a job-seeker group',
  chamber: 'source is a chamber of commerce',
  alumni: 'source is an alumni group',
  'meetup-group': 'source is a Meetup group',
  library: 'source is a library',
  other: "source's default audience",
};

const SOURCE_KIND_CATEGORY: Readonly<Record<SourceContext['kind'], Category | null>> = {
  association: 'professional-association',
  'career-center': 'career-center-workshop',
  'job-seeker-group': 'job-seeker-group',
  chamber: 'business-networking',
  alumni: 'alumni',
  'meetup-group': 'meetup',
  library: null,
  other: null,
};

/**
 * Weights: a word in the title says more than one in the description; the source sits between.
 * A decisive word (RESEA, Rotary club) in the description outweighs the source on its own.
 */
const TITLE_WEIGHT = { weak: 1.5, normal: 3, decisive: 4 } as const;
const SOURCE_WEIGHT = 2;
const DESCRIPTION_WEIGHT = { weak: 1, normal: 1, decisive: 3 } as const;

/** Who an event is for and what kind it is, with the reason in a few words. */
export interface Classification {
  audience: Audience;
  audienceReason: string;
  category: Category;
}

/**
 * The rules whose words `description` holds. Occurrences of one series and events of one source
 * often share a description, so `normalizeEvents` passes a cache for the call.
 */
function rulesIn(description: string, cache: Map<string, readonly AudienceRule[]> | undefined): readonly AudienceRule[] {
  if (description === '') return [];
  let rules = cache?.get(description);
  if (rules === undefined) {
    rules = RULES.filter((rule) => rule.pattern.test(description));
    cache?.set(description, rules);
  }
  return rules;
}

/**
 * Classifies an event from its words and its source. The source's default audience is the
 * starting point; matching words override it. A title that leans one way decides (format words
 * such as "panel" count half); otherwise description words (1 each) are weighed against the
 * source (2), so three description words outweigh it. The category
 * is the source's fixed one if configured, else the most specific title word, the source kind,
 * the description's words, then `other`.
 */
export function classifyEvent(title: string, description: string, source: SourceContext, descriptionCache?: Map<string, readonly AudienceRule[]>): Classification {
  const titleRules = RULES.filter((rule) => rule.pattern.test(title));
  const descriptionRules = rulesIn(description, descriptionCache).filter((rule) => !titleRules.includes(rule));

  const titleScore: Record<Audience, number> = { 'job-seeker': 0, professional: 0 };
  for (const rule of titleRules) if (rule.audience !== null) titleScore[rule.audience] += TITLE_WEIGHT[rule.strength ?? 'normal'];
  const score: Record<Audience, number> = { ...titleScore };
  score[source.audience] += SOURCE_WEIGHT;
  for (const rule of descriptionRules) if (rule.audience !== null) score[rule.audience] += DESCRIPTION_WEIGHT[rule.strength ?? 'normal'];
  const other: Audience = source.audience === 'job-seeker' ? 'professional' : 'job-seeker';
  // A title that leans one way decides; otherwise the source and the description weigh in.
  const audience = titleScore[other] !== titleScore[source.audience]
    ? (titleScore[other] > titleScore[source.audience] ? other : source.audience)
    : (score[other] > score[source.audience] ? other : source.audience);

  const titleRule = titleRules.find((rule) => rule.audience === audience);
  const descriptionRule = descriptionRules.find((rule) => rule.audience === audience);
  let audienceReason: string;
  if (titleRule !== undefined) audienceReason = `title mentions ${titleRule.label}`;
  else if (audience !== source.audience && descriptionRule !== undefined) audienceReason = `description mentions ${descriptionRule.label}`;
  else audienceReason = SOURCE_KIND_REASON[source.kind];

  const category =
    source.category ??
    titleRules.find((rule) => rule.category !== null)?.category ??
    SOURCE_KIND_CATEGORY[source.kind] ??
    descriptionRules.find((rule) => rule.category !== null)?.category ??
    'other';
  return { audience, audienceReason, category };
}

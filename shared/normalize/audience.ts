import type { Audience, Category } from '../model/common';
import type { SourceContext } from '../model/source';

/** One group of words and what it says about an event. */
export interface AudienceRule {
  pattern: RegExp;
  /** Format words (panel, roundtable) say less about who comes than "job seekers" does. */
  weak?: boolean;
  audience: Audience | null;
  /** Completes "title mentions …". */
  label: string;
  category: Category | null;
}

/**
 * Words that say who an event is for, most specific first: the first matching rule in the
 * title decides the category, so "Alumni Career Fair" is a job fair before it is alumni.
 */
const RULES: readonly AudienceRule[] = [
  { pattern: /\b(?:job|career|hiring|recruit(?:ing|ment)|employment|virtual career|veterans? job)\s+(?:fairs?|expos?|events?|days?)\b|\bhiring (?:fair|event)s?\b|\bopen interviews?\b/i, audience: 'job-seeker', label: 'a job fair', category: 'job-fair' },
  { pattern: /\b(?:conference|summit|symposium|convention|(?<!career |job |hiring )expo)s?\b/i, audience: 'professional', label: 'a conference', category: 'conference' },
  { pattern: /\br[eé]sum[eé]s?\b(?!\s+(?:in|on|after|next|at)\b)|\bcover letters?\b|\bmock interviews?\b|\binterview(?:ing)?\s+(?:skills|prep|preparation|practice|workshop|tips|techniques|strategies)\b|\blinkedin\s+(?:profiles?|workshop|lab|tips|basics|101|optimi[sz]ation|makeover|clinic)\b/i, audience: 'job-seeker', label: 'a résumé or interview workshop', category: 'career-center-workshop' },
  { pattern: /\bmasshire\b|\bcareer (?:cent(?:er|re)|services|workshops?|coach(?:ing)?|clinic|readiness|exploration|planning)\b|\bamerican job cent(?:er|re)\b|\bone-stop career\b|\bworkforce (?:board|development|cent(?:er|re))\b|\bjob search (?:workshop|strategies|skills|boot ?camp|series)\b/i, audience: 'job-seeker', label: 'career-center services', category: 'career-center-workshop' },
  { pattern: /\bnetworking day\b|\bjob (?:club|networking group|seekers? (?:group|network|support|networking))\b|\b(?:support|networking|accountability) group for (?:job seekers|professionals in transition)\b/i, audience: 'job-seeker', label: 'a job-seeker networking group', category: 'job-seeker-group' },
  { pattern: /\b(?:people|professionals|those|members|executives) in transition\b|\bin[- ]transition\b|\bcareer transitions?\b|\bbetween jobs\b/i, audience: 'job-seeker', label: 'people in transition', category: 'job-seeker-group' },
  { pattern: /\bjob[- ]?seek(?:ers?|ing)\b|\bjob hunt(?:ers?|ing)?\b|\blooking for work\b/i, audience: 'job-seeker', label: 'job seekers', category: 'job-seeker-group' },
  { pattern: /\bjob search(?:ing)?\b|\bjob[- ]search\b|\bfind(?:ing)? (?:a|your next) job\b/i, audience: 'job-seeker', label: 'a job search', category: 'job-seeker-group' },
  { pattern: /\blaid[- ]off\b|\blay-?offs?\b|\bunemploy(?:ed|ment)\b|\bdisplaced workers?\b|\bout of work\b/i, audience: 'job-seeker', label: 'laid-off or unemployed workers', category: 'job-seeker-group' },
  { pattern: /\bcareer chang(?:ers?|e|ing)\b|\bchanging careers\b|\bpivot(?:ing)? (?:your|to a new) career\b/i, audience: 'job-seeker', label: 'career changers', category: 'job-seeker-group' },
  { pattern: /\balum(?:ni|nae|nus|na|s)\b|\breunion\b/i, audience: 'professional', label: 'an alumni event', category: 'alumni' },
  { pattern: /\bchambers? of commerce\b|\bchamber\b|\bbusiness after hours\b|\bbusiness before hours\b/i, audience: 'professional', label: 'a chamber of commerce', category: 'business-networking' },
  { pattern: /\bchapter\b|\bmonthly (?:meeting|program|dinner|luncheon)\b|\bmembers? (?:meeting|event|social)\b|\bassociation\b|\bsociety\b|\bcouncil\b|\bguild\b/i, audience: 'professional', label: 'an association meeting', category: 'professional-association' },
  { pattern: /\bnetwork(?:ing)? after work\b|\bafter[- ]work\b|\bafter hours\b|\bmixers?\b|\bhappy hour\b|\bnetworking (?:night|reception|social|breakfast|lunch(?:eon)?)\b|\bpower breakfast\b|\bbreakfast roundtable\b|\bb2b\b/i, audience: 'professional', label: 'after-work networking', category: 'business-networking' },
  { pattern: /\bmeetups?\b|\bmeet-up\b|\bhack ?nights?\b|\buser groups?\b/i, audience: 'professional', label: 'a meetup', category: 'meetup' },
  { pattern: /\bpanel(?:ists?)?\b|\bpractitioners?\b|\bindustry leaders\b|\bspeaker series\b|\bfireside chat\b|\blunch (?:and|&) learn\b|\broundtable\b|\bcpe credits?\b|\bpdcs?\b|\bceus?\b/i, audience: 'professional', label: 'a talk for practitioners', category: null, weak: true },
  { pattern: /\bvolunteer(?:s|ing)?\b|\bday of service\b|\bservice day\b|\bpro bono\b/i, audience: null, label: 'volunteering', category: 'volunteering' },
];

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

/** Weights: a word in the title says more than one in the description; the source sits between. */
const TITLE_WEIGHT = 3;
const SOURCE_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1;

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
  for (const rule of titleRules) if (rule.audience !== null) titleScore[rule.audience] += rule.weak === true ? TITLE_WEIGHT / 2 : TITLE_WEIGHT;
  const score: Record<Audience, number> = { ...titleScore };
  score[source.audience] += SOURCE_WEIGHT;
  for (const rule of descriptionRules) if (rule.audience !== null) score[rule.audience] += DESCRIPTION_WEIGHT;
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

/**
 * The words that say who an event is for. Kept apart from the scoring in `audience.ts` because the
 * list grows with every region's vocabulary while the scoring does not.
 *
 * `\b` is an ASCII word boundary, so a rule that ends in an accented letter (`résumé`) uses
 * `(?![a-z])` instead: `\b` finds no boundary between `é` and a space.
 */
import type { Audience, Category } from '../model/common';

/** One group of words and what it says about an event. */
export interface AudienceRule {
  pattern: RegExp;
  /**
   * How much the words say. `weak`: format or role words (panel, leaders) that count half in a title.
   * `decisive`: words only one audience uses (RESEA, Rotary club), which outweigh the source's
   * default even from the description. Absent: ordinary.
   */
  strength?: 'weak' | 'decisive';
  audience: Audience | null;
  /** Completes "title mentions …". */
  label: string;
  category: Category | null;
}

const JOB_SEEKER: Pick<AudienceRule, 'audience' | 'category'> = { audience: 'job-seeker', category: 'job-seeker-group' };
const WORKSHOP: Pick<AudienceRule, 'audience' | 'category'> = { audience: 'job-seeker', category: 'career-center-workshop' };

/**
 * Most specific first: the first matching rule in the title decides the category, so "Alumni
 * Career Fair" is a job fair before it is alumni.
 */
export const AUDIENCE_RULES: readonly AudienceRule[] = [
  { pattern: /\b(?:job|career|hiring|recruit(?:ing|ment)|employment|virtual career|veterans? job)\s+(?:fairs?|expos?|events?|days?)\b|\bhiring (?:fair|event)s?\b|\bopen interviews?\b|\bwork a (?:career|job) fair\b/i, strength: 'decisive', audience: 'job-seeker', label: 'a job fair', category: 'job-fair' },
  { pattern: /\b(?:conference|summit|symposium|convention|trade show|(?<!career |job |hiring )expo)s?\b/i, strength: 'decisive', audience: 'professional', label: 'a conference', category: 'conference' },
  { pattern: /\blaid[- ]off\b|\blay-?offs?\b|\bunemploy(?:ed|ment)\b|\bdisplaced workers?\b|\bout of work\b/i, ...JOB_SEEKER, label: 'laid-off or unemployed workers' },
  { pattern: /\bresea\b|\bre-?employment (?:services|orientation|plan|workshop|session)s?\b|\breemployment\b|\bunemployment (?:insurance|benefits|claims?|assistance)\b|\b(?:ui|unemployment) claimants?\b|\bclaimants?\b|\bwork search (?:requirements?|activit(?:y|ies)|logs?)\b|\brapid response\b|\bdislocated workers?\b|\bwioa\b|\bindividual training accounts?\b|\bplant clos(?:ing|ure)s?\b/i, strength: 'decisive', ...WORKSHOP, label: 'reemployment services' },
  { pattern: /\br[eé]sum[eé]s?(?![a-z])(?!\s+(?:in|on|after|next|at)\b)|\bcover letters?\b|\bmock interviews?\b|\binterview(?:ing)?\s+(?:skills|prep|preparation|practice|workshop|tips|techniques|strategies|openers|questions|answers)\b|\b(?:job|virtual|video|phone|behavioral|behavioural) interview(?:s|ing)?\b|\bace (?:the|your) (?:\w+ )?interview\b|\btell me about yourself\b|\blinkedin\s+(?:profiles?|workshop|lab|tips|basics|101|optimi[sz]ation|makeover|clinic|for job)\b|\bapplicant tracking\b|\bats\b|\bonline applications?\b|\busajobs\b/i, strength: 'decisive', ...WORKSHOP, label: 'a résumé or interview workshop' },
  { pattern: /\binformational interview(?:s|ing)?\b|\belevator (?:pitch|speech)(?:es)?\b|\b30-second (?:commercial|introduction|pitch)\b/i, strength: 'decisive', ...WORKSHOP, label: 'informational interviews or an elevator pitch' },
  { pattern: /\b(?:salary|offer|job offer|compensation) negotiat(?:ion|ing)\b|\bnegotiat(?:e|ing) (?:your |a |the )?(?:job )?(?:offer|salary)\b|\bsalary expectations\b|\bknow your worth\b|\bevaluat(?:e|ing|ion of) (?:an |your |the )?offers?\b|\boffer evaluation\b/i, strength: 'decisive', ...WORKSHOP, label: 'offer and salary negotiation' },
  { pattern: /\bmasshire\b|\bcareer (?:cent(?:er|re)|services|workshops?|coach(?:ing)?|clinic|readiness|exploration|planning|counsel(?:ing|or)|assessment|pathways)\b|\bamerican job cent(?:er|re)\b|\bone-stop career\b|\bworkforce (?:board|development|cent(?:er|re))\b|\bjob (?:search (?:workshop|strategies|skills|boot ?camp|series)|help)\b/i, ...WORKSHOP, label: 'career-center services' },
  { pattern: /\bskills? assessments?\b|\binterest inventor(?:y|ies)\b|\bself-assessment\b|\btransferable skills\b|\bassess your skills\b|\bpersonal brand(?:ing)?\b/i, ...WORKSHOP, label: 'a skills assessment or personal branding' },
  { pattern: /\bnetworking day\b|\bjob (?:club|networking group|seekers? (?:group|network|support|networking))\b|\b(?:support|networking|accountability) group for (?:job seekers|professionals in transition)\b|\bemployment (?:ministry|support)\b|\bcareer ministry\b|\b(?:search|job search) (?:support|accountability) (?:group|circle)s?\b/i, strength: 'decisive', ...JOB_SEEKER, label: 'a job-seeker networking group' },
  { pattern: /\b(?:people|professionals|those|members|executives|directors|vps) in transition\b|\bin[- ]transition\b|\bcareer transitions?\b|\bbetween jobs\b|\bmanaging your transition\b/i, strength: 'decisive', ...JOB_SEEKER, label: 'people in transition' },
  { pattern: /\bjob[- ]?seek(?:ers?|ing)\b|\bjob hunt(?:ers?|ing)?\b|\blooking for work\b|\blook for (?:work|your next)\b|\bsearching for work\b|\bseeking (?:work|employment|a job)\b|\bin a (?:job )?search\b|\b(?:your|a long|the) search\b|\bhidden job market\b|\btarget (?:compan(?:y|ies)|employers?)\b|\bhiring managers?\b|\byour next (?:full-time )?(?:role|job|position)\b|\bthe job you want\b|\bget(?:ting)? hired\b|\b(?:working with|work with) recruiters\b|\bstaffing agenc(?:y|ies)\b|\btemp-to-hire\b/i, ...JOB_SEEKER, label: 'job seekers' },
  { pattern: /\bjob search(?:ing|es)?\b|\bjob[- ]search\b|\bfind(?:ing)? (?:a|your next) job\b/i, strength: 'decisive', ...JOB_SEEKER, label: 'a job search' },
  { pattern: /\boutplacement\b|\bpositions? (?:was |were )?eliminated\b|\bseverance\b|\bcobra\b|\blost (?:your|their|a) job\b|\blosing your job\b/i, strength: 'decisive', ...JOB_SEEKER, label: 'outplacement or a lost job' },
  { pattern: /\breturnships?\b|\breturn[- ]to[- ]work\b|\breturning to work\b|\brelaunch(?:ers?| programs?| your career)\b|\bcareer (?:break|gap)s?\b|\br[eé]sum[eé] gaps?\b|\breentry employment\b|\breturning citizens\b|\bfair-chance\b/i, strength: 'decisive', ...JOB_SEEKER, label: 'returning to work' },
  { pattern: /\b(?:over|after) (?:50|fifty)\b|\b50\+|\bage bias\b|\bexperienced workers\b|\bmature (?:workers|job seekers)\b/i, ...JOB_SEEKER, label: 'a search over 50' },
  { pattern: /\bveterans'? employment\b|\bcivilian (?:employment|careers?|jobs?)\b|\bmilitary (?:to civilian|transition)\b|\btransitioning service members\b|\bmilitary spouses?\b/i, strength: 'decisive', ...JOB_SEEKER, label: "veterans' employment" },
  { pattern: /\bcareer chang(?:ers?|e|ing)\b|\bchanging careers\b|\bpivot(?:ing)? (?:your|to a new) career\b|\breinvent(?:ing)? your career\b/i, ...JOB_SEEKER, label: 'career changers' },
  { pattern: /\balum(?:ni|nae|nus|na|s)\b|\breunion\b|\bfellow graduates\b|\bclub of (?:boston|greater|[a-z]+ county)\b/i, audience: 'professional', label: 'an alumni event', category: 'alumni' },
  { pattern: /\bchambers? of commerce\b|\bchamber\b|\bbusiness after hours\b|\bbusiness before hours\b|\bribbon cutting\b/i, audience: 'professional', label: 'a chamber of commerce', category: 'business-networking' },
  { pattern: /\b(?:rotary|kiwanis|lions|optimist|exchange|sertoma|zonta|civitan|soroptimist|ruritan|elks|jaycees?) clubs?\b|\brotary\b|\bkiwanis\b|\btoastmasters\b|\bservice clubs?\b/i, strength: 'decisive', audience: 'professional', label: 'a service club', category: 'business-networking' },
  { pattern: /\bbni\b|\bletip\b|\breferral (?:group|networking|exchange|meeting)s?\b|\bleads (?:group|exchange)\b|\bexchange referrals\b|\bmasterminds?\b|\bpeer advisory\b/i, strength: 'decisive', audience: 'professional', label: 'a referral group', category: 'business-networking' },
  { pattern: /\bchapter\b|\bmonthly (?:meeting|program|dinner|luncheon)\b|\bmembers? (?:meeting|event|social|reception)\b|\bmembers and guests\b|\bassociation\b|\bsociety\b|\bcouncil\b|\bguild\b|\bsection meeting\b|\b(?:ieee|asme|ashrae|pmi|shrm|isaca|ama|crew|ima)\b/i, audience: 'professional', label: 'an association meeting', category: 'professional-association' },
  { pattern: /\bnetwork(?:ing)? after work\b|\bafter[- ]work\b|\bafter hours\b|\bmixers?\b|\bhappy hour\b|\bnetworking (?:night|reception|social|breakfast|lunch(?:eon)?|dinner)\b|\bpower breakfast\b|\bbreakfast (?:roundtable|series|meeting)\b|\bb2b\b|\breceptions?\b|\bgala\b|\bgolf outing\b|\bnight out\b|\bpitch night\b/i, audience: 'professional', label: 'after-work networking', category: 'business-networking' },
  { pattern: /\bmeetups?\b|\bmeet-up\b|\bhack ?nights?\b/i, strength: 'weak', audience: 'professional', label: 'a meetup', category: 'meetup' },
  { pattern: /\buser groups?\b|\bpractitioners?(?:'|’)? (?:forum|evening|roundtable|group)s?\b/i, strength: 'decisive', audience: 'professional', label: 'a user group or practitioners forum', category: 'meetup' },
  { pattern: /\bpanel(?:ists?)?\b|\bpractitioners?\b|\bpracticing\b|\bindustry leaders\b|\bspeaker series\b|\bfireside chat\b|\blunch (?:and|&) learn\b|\broundtable\b|\bforum\b|\bseminar\b|\bcpe\b|\bpd[hu]s?\b|\bceus?\b|\bplant tour\b|\beconomic (?:outlook|forecast)\b/i, strength: 'weak', audience: 'professional', label: 'a talk for practitioners', category: null },
  { pattern: /\b(?:leaders|executives|founders|owners|investors|ceos?|cfos?|ctos?|directors|engineers|attorneys|accountants|advisors|bankers)\b|\b(?<!unemployed |mature |experienced )professionals?\b(?! in transition)/i, strength: 'weak', audience: 'professional', label: 'a gathering of working professionals', category: null },
  { pattern: /\bvolunteer(?:s|ing)?\b|\bday of service\b|\bservice day\b|\bpro bono\b/i, audience: null, label: 'volunteering', category: 'volunteering' },
];

/**
 * The words that say which field of interest an event belongs to. Kept apart from the tagging in
 * `fields.ts` because the list grows with every region's vocabulary while the tagging does not.
 *
 * Each field has one case-insensitive pattern of whole words and, for acronyms that are also
 * ordinary words or units in lower case ("IT", "HR" in "2 hr"), one case-sensitive pattern. Every
 * alternative is a literal with bounded lookarounds, so a test is linear in the text's length.
 * A general job-search word is in no field: "Working with Recruiters", "Marketing Yourself",
 * "Résumé Writing" and "LinkedIn and Social Media" are excluded by lookbehinds or lookaheads.
 */
import type { FieldId } from '../model/fields';

/** One field's vocabulary. Both patterns carry the `g` flag so the tagger can count distinct words. */
export interface FieldRule {
  field: FieldId;
  words: RegExp;
  acronyms?: RegExp;
}

const TECH_ENGINEER = '(?<!(?:software|data|site reliability|devops|ml|machine learning|prompt|sales|front[- ]?end|back[- ]?end|full[- ]?stack|cloud|security|platform|network|social|qa|test|solutions?|ai) )';

export const FIELD_RULES: readonly FieldRule[] = [
  {
    field: 'technology',
    words:
      /\b(?:tech(?:nology|nologies|ies|ie)?|software|developers?|programm(?:ing|ers?)|coding|code camps?|javascript|typescript|python|java|react(?:js)?|node\.?js|golang|rust|kotlin|\.net|aws|azure|gcp|google cloud|cloud(?: computing| native| security)?|kubernetes|docker|devops|devsecops|site reliability|sre|cyber ?security|infosec|information security|owasp|isaca|data (?:science|scientists?|engineer(?:s|ing)?|analytics|analysts?|visuali[sz]ation|professionals|community)|big data|machine learning|artificial intelligence|ai|generative ai|genai|llms?|deep learning|user groups?|hackathons?|hack ?nights?|saas|web (?:development|developers?)|ux|ui\/ux|product (?:managers?|management)|agile|scrum|sql|databases?|open[- ]source|linux|computer science|information technology|it (?:professionals|pros|leaders|managers)|tech(?:nical)? recruit(?:ers?|ing)|quantum computing|blockchain|api|apis|startups? tech|game developers?|robotics)\b/gi,
    acronyms: /\b(?:IT(?!['’])|CIO|CTO|ML|QA)\b/g,
  },
  {
    field: 'healthcare',
    words:
      /\b(?:health ?care|hospitals?|nurs(?:e|es|ing)|rns?|clinical|clinicians?|clinics?|physicians?|doctors?|medical|medicine|patients?|pharma(?:cy|cists?|ceuticals?)?|biotech(?:nology)?|life sciences?|biopharma|dental|dentists?|hygienists?|physical therap(?:y|ists?)|occupational therap(?:y|ists?)|public health|health (?:information|informatics|administration|systems?|professionals|sciences?|workers)|himss|mgma|ache|emts?|paramedics?|caregivers?|caregiving|home health|behavioral health|mental health (?:professionals|counselors|clinicians)|medical devices?|medtech|telehealth|cna|lpns?|elder care|long-term care|senior care)\b/gi,
  },
  {
    field: 'finance',
    words:
      /\b(?:(?<!personal |your |managing (?:your )?)financ(?:e|ial (?:executives?|professionals?|analysts?|analysis|planners?|planning|services|industry|advisors?|reporting|modeling|literacy professionals))|accounting|accountants?|cpas?|cfa|cfos?|controllers?|auditors?|auditing|internal audit|tax (?:professionals|preparers?|accountants?|season|law)|taxation|bookkeep(?:ing|ers?)|fintech|banking|bankers?|investment (?:professionals|management|banking)|wealth management|financial planners?|fp&a|treasury|actuar(?:y|ies|ial)|(?<!unemployment |health |health and )insurance (?:professionals|industry|agents?|brokers?)|underwriters?|credit unions?|cfp|mortgage|private equity|venture capital|payroll|(?<!personal )finance)\b/gi,
    acronyms: /\b(?:IMA|IIA|AICPA|FEI|GFOA)\b/g,
  },
  {
    field: 'education',
    words:
      /\b(?:teachers?|teaching|educators?|(?<!continuing |adult |higher |early childhood |driver )education(?! credits| center)|higher ed(?:ucation)?|k-12|school (?:districts?|administrators?|counselors?|leaders|principals|nurses)|superintendents?|faculty|professors?|academia|academic (?:advisors?|careers|professionals)|instructional design(?:ers?)?|edtech|curriculum|paraprofessionals?|paraeducators?|substitute teach(?:ers?|ing)|early childhood|librarians?|tutors?|tutoring|student affairs|nacada|ascd|iste|adjuncts?|classroom)\b/gi,
  },
  {
    field: 'engineering-manufacturing',
    words: new RegExp(
      `\\b(?:${TECH_ENGINEER}engineer(?:s|ing)?|manufactur(?:ing|ers?)|asme|ieee|swe|ashrae|ispe|asq|aiche|asce|nspe|(?:mechanical|electrical|civil|chemical|industrial|biomedical|structural|process) engineer(?:s|ing)?|machinists?|machining|cnc|fabrication|lean (?:manufacturing|six sigma)|six sigma|quality (?:engineers?|assurance professionals|control)|plant (?:tours?|managers?)|factory|production (?:managers?|supervisors?)|aerospace|automotive engineering|semiconductors?|robotics|additive manufacturing|3-?d printing|pe exam|pdhs?|industrial automation|advanced manufacturing|mfg)\\b`,
      'gi',
    ),
    acronyms: /\b(?:SME|STEM)\b/g,
  },
  {
    field: 'nonprofit-government',
    words:
      /\b(?:non-?profits?|not-for-profit|charit(?:y|ies|able organi[sz]ations)|philanthrop(?:y|ic)|fundrais(?:ing|ers?)(?! for)|grant ?writ(?:ing|ers?)|development officers?|government|public sector|public service|public administration|municipal|city hall|federal (?:employees?|jobs|careers|r[eé]sum[eé]s?|contracting|government)|state (?:employees?|agencies|government|jobs)|usajobs|aspa|icma|social (?:services|work(?:ers)?)|human services|community organi[sz](?:ing|ers?)|public policy|civic (?:tech|engagement|leaders)|govtech|foundations? professionals|nonprofit|ngos?)\b/gi,
  },
  {
    field: 'sales-marketing',
    words:
      /\b(?:sales(?! tax)|selling|(?<!self[- ])marketing(?! yourself| your(?:self)? (?:skills|brand))|marketers?|ama|advertising|ad agenc(?:y|ies)|ad clubs?|brand (?:managers?|strategy|marketing)|digital marketing|seo|content marketing|public relations|prsa|communications professionals|business development|customer success|account executives?|account management|e-?commerce|retail|growth marketing|demand gen(?:eration)?|market research|martech|hubspot|social media marketing|smei)\b/gi,
    acronyms: /\b(?:PR|BDR|SDR)\b/g,
  },
  {
    field: 'human-resources',
    words:
      /\b(?:human resources?|shrm(?:-cp|-scp)?|hrci|talent (?:acquisition|management|development)|people (?:operations|ops|teams?|leaders|managers)|hris|hr (?:professionals|leaders|tech|managers|generalists?|practitioners|analytics)|benefits (?:administration|professionals|managers)|compensation (?:and benefits|professionals)|total rewards|employee (?:relations|engagement|experience|benefits)|workforce planning|dei|learning and development|l&d|organi[sz]ational development|training and development|atd|staffing (?:industry|professionals)|onboarding|employment law|labor relations|recruit(?:ing|ment) (?:professionals|leaders|teams?|operations|managers|coordinators|meetup|marketing)|(?:technical|corporate|agency|in-house) recruiters|recruiters['’]? (?:network|roundtable|meetup|association|breakfast)|recruiter (?:meetup|network|roundtable))\b/gi,
    acronyms: /\b(?:HR|NEHRA|HRMA|PHR|SPHR)\b/g,
  },
  {
    field: 'creative-media',
    words:
      /\b(?:designers?|graphic design|web design|ux design|design (?:community|professionals|week|meetup|conference|critique|portfolios?|thinking meetup)|aiga|creative (?:professionals|mornings|industries|community|economy|director)|creatives|artists?|the arts|arts (?:council|organi[sz]ations|administrators?|professionals|and culture|community)|illustrat(?:ion|ors?)|photograph(?:y|ers?)|film(?:makers?|making)?|films|video (?:production|producers?|editors?|editing)|(?<!social )media(?! kit)|journalis(?:m|ts?)|(?<!r[eé]sum[eé] |cover letter |grant |proposal )writers?|(?<!r[eé]sum[eé] |cover letter |grant |proposal |letter )writing(?! (?:a|your) r[eé]sum[eé])|publishing|editors?|podcast(?:ing|ers?)?|broadcast(?:ing|ers?)?|animation|animators?|advertising|ad clubs?|game (?:design(?:ers?)?|developers?|dev|studios?)|musicians?|music industry|theat(?:er|re)|museums?|fashion|copywrit(?:ing|ers?)|content creators?|screenwrit(?:ing|ers?)|storytellers)\b/gi,
  },
  {
    field: 'trades-logistics',
    words:
      /\b(?:(?:skilled|building|the) trades|trades(?:people|men|women| workers| careers)|trade schools?|construction|contractors?|electricians?|plumb(?:ers?|ing)|carpent(?:ers?|ry)|hvac|weld(?:ing|ers?)|apprenticeships?|pre-apprenticeship|logistics|supply chain|warehous(?:e|es|ing)|distribution cent(?:er|re)s?|shipping|freight|trucking|(?:truck|cdl|delivery|bus) drivers?|cdl|forklift|fleet|transportation (?:industry|professionals|and logistics|careers|planners)|procurement|purchasing|ascm|apics|cscmp|inventory|osha|mechanics?|automotive technicians?|diesel|linemen|line workers?|masonry|roofing|landscaping|facilities maintenance)\b/gi,
    acronyms: /\b(?:ISM)\b/g,
  },
];

/**
 * The sources-file entry discovery suggests: id, name, organisation kind and default audience
 * guessed from the site's name, its address and its events — for the operator to review.
 */
import type { Event } from '../model/event';
import { SourceSchema, type SourceInput } from '../model/source';
import type { OrganisationKind } from '../model/common';
import type { DiscoveredCandidate } from './types';

/** Words that name an organisation's kind, most specific first. */
const KIND_RULES: readonly { kind: OrganisationKind; pattern: RegExp }[] = [
  { kind: 'meetup-group', pattern: /(^|\.)meetup\.com\b/i },
  { kind: 'job-seeker-group', pattern: /\bjob[- ]?seekers?\b|\bjob club\b|\bnetworking day\b|\bcareer transition|\bin transition\b|\bjob search (?:group|support|network)|\bexperience unlimited\b/i },
  { kind: 'career-center', pattern: /\bcareer (?:center|centre)s?\b|\bamerican job center\b|\bmasshire\b|\bworkforce (?:board|development|center)\b|\bone-?stop\b|\bcareer services\b/i },
  { kind: 'chamber', pattern: /\bchamber\b/i },
  { kind: 'library', pattern: /\blibrar(?:y|ies)\b|\blibcal\b/i },
  { kind: 'alumni', pattern: /\balumn(?:i|ae|us|a)\b/i },
  { kind: 'association', pattern: /\bassociation\b|\bsociety\b|\bchapter\b|\binstitute\b|\bcouncil\b|\bguild\b|\bshrm\b|\bpmi\b|\bieee\b|\bnetwork of\b|\bclub\b|\brotary\b|\bbni\b/i },
];

/** The kind the name (and address) suggest; `other` when nothing does. */
export function guessKind(name: string, url: string): OrganisationKind {
  const text = `${name} ${url}`;
  return KIND_RULES.find((rule) => rule.pattern.test(text))?.kind ?? 'other';
}

/** A sources-file id from `name` (`Andover Job Seekers` → `andover-job-seekers`). */
export function slugOf(name: string, fallback: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63)
      .replace(/-+$/, '');
  const primary = slug(name);
  if (/^[a-z0-9][a-z0-9-]{1,62}$/.test(primary)) return primary;
  const second = slug(fallback);
  return /^[a-z0-9][a-z0-9-]{1,62}$/.test(second) ? second : 'new-source';
}

/**
 * Job-seeker groups and career centers serve job seekers; any other organisation takes the
 * audience most of its events were classified as, professional on a tie or with no events.
 */
export function guessAudience(kind: OrganisationKind, events: readonly Event[]): SourceInput['audience'] {
  if (kind === 'job-seeker-group' || kind === 'career-center') return 'job-seeker';
  const jobSeeker = events.filter((event) => event.audience === 'job-seeker').length;
  return jobSeeker * 2 > events.length ? 'job-seeker' : 'professional';
}

/** The entry for `best`, named `name`; checked against the sources-file schema. */
export function suggestEntry(best: DiscoveredCandidate, name: string, events: readonly Event[]): SourceInput | null {
  const host = new URL(best.url).hostname.replace(/^www\./, '');
  const cleanName = name.replace(/\s+/g, ' ').trim().slice(0, 200) || host;
  const kind = guessKind(cleanName, best.url);
  const entry: SourceInput = {
    id: slugOf(cleanName, host),
    name: cleanName,
    kind,
    audience: guessAudience(kind, events),
    fetch: best.kind,
    url: best.url,
  };
  return SourceSchema.safeParse(entry).success ? entry : null;
}

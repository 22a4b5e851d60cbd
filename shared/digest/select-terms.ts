/**
 * A subscriber's terms (fields ticked, interests and employers typed) against one run's events:
 * which events each term matches, cached per run, the match bands the fill reads, and what an
 * event's why line says matched first.
 */
import type { FieldId } from '../model/fields';
import { bandOf, matchPhrase, phrasesOf, type Phrase } from './candidates';
import type { Run } from './select';
import type { DigestProfile } from './types';
import type { Matched } from './why';

function matchesOf(run: Run, phrase: string): Uint8Array {
  let matches = run.matches.get(phrase);
  if (!matches) {
    matches = matchPhrase(run.prepared, phrase);
    run.matches.set(phrase, matches);
  }
  return matches;
}

const NO_PHRASES: Phrase[] = [];

export function phrasesIn(run: Run, terms: readonly string[]): Phrase[] {
  if (terms.length === 0) return NO_PHRASES;
  const key = terms.join('\u0001');
  let phrases = run.phrases.get(key);
  if (!phrases) {
    phrases = phrasesOf(terms);
    run.phrases.set(key, phrases);
  }
  return phrases;
}

const NO_MATCH_SETS: readonly Uint8Array[] = [];

/** Per item, 1 when the event is tagged with field `field`; cached beside the phrases under a key no phrase can have. */
function fieldMatchesOf(run: Run, field: FieldId): Uint8Array {
  const key = `\u0004${field}`;
  let matches = run.matches.get(key);
  if (!matches) {
    const found = new Uint8Array(run.prepared.items.length);
    run.prepared.items.forEach((item, index) => {
      if (item.event.fields.includes(field)) found[index] = 1;
    });
    matches = found;
    run.matches.set(key, matches);
  }
  return matches;
}

/** One subscriber's match sets and, per item, its match band (the sets' sum, capped): cached per run by terms. */
export interface MatchBands {
  sets: readonly Uint8Array[];
  bands: Uint8Array | null;
}

const NO_MATCH_BANDS: MatchBands = { sets: NO_MATCH_SETS, bands: null };

export function matchSetsOf(run: Run, fields: readonly FieldId[], interests: readonly Phrase[], employers: readonly Phrase[]): MatchBands {
  if (fields.length === 0 && interests.length === 0 && employers.length === 0) return NO_MATCH_BANDS;
  // U+0001 and U+0002 cannot occur in a phrase or a field id: the key is unambiguous.
  const key = `${fields.join('\u0001')}\u0002${interests.map(({ phrase }) => phrase).join('\u0001')}\u0002${employers.map(({ phrase }) => phrase).join('\u0001')}`;
  let found = run.bands.get(key);
  if (found === undefined) {
    const sets: Uint8Array[] = [];
    // A ticked field scores like a matched interest.
    for (const field of fields) sets.push(fieldMatchesOf(run, field));
    for (const { phrase } of interests) sets.push(matchesOf(run, phrase));
    for (const { phrase } of employers) sets.push(matchesOf(run, phrase));
    const bands = new Uint8Array(run.prepared.items.length);
    for (let index = 0; index < bands.length; index += 1) bands[index] = bandOf(sets, index);
    found = { sets, bands };
    run.bands.set(key, found);
  }
  return found;
}

/** The first of `terms` whose phrase event `index` contains, or undefined. */
function firstTerm(run: Run, terms: readonly Phrase[], index: number): string | undefined {
  for (const { term, phrase } of terms) if (matchesOf(run, phrase)[index] === 1) return term;
  return undefined;
}

function firstField(run: Run, fields: readonly FieldId[], index: number): FieldId | undefined {
  for (const field of fields) if (fieldMatchesOf(run, field)[index] === 1) return field;
  return undefined;
}

/** What a subscriber without terms matched: nothing (shared, so a digest of eight allocates none). */
export const NO_MATCHED: Matched = { fields: [], interests: [], employers: [] };

/**
 * What the why line of event `index` reads of the subscriber's matches: only the first of its
 * kind counts (`whyLine`: an employer, else a field, else an interest), so one shared object per
 * term stands for every event and digest that matched it first.
 */
export function matchedIn(run: Run, profile: DigestProfile, interests: readonly Phrase[], employers: readonly Phrase[], index: number): Matched {
  const employer = firstTerm(run, employers, index);
  if (employer !== undefined) return matchedOnce(run.matchedEmployers, employer, (term) => ({ fields: [], interests: [], employers: [term] }));
  const field = firstField(run, profile.fields, index);
  if (field !== undefined) return matchedOnce(run.matchedFields, field, (term) => ({ fields: [term], interests: [], employers: [] }));
  const interest = firstTerm(run, interests, index);
  if (interest !== undefined) return matchedOnce(run.matchedInterests, interest, (term) => ({ fields: [], interests: [term], employers: [] }));
  return NO_MATCHED;
}

function matchedOnce<T extends string>(cache: Map<string, Matched>, term: T, make: (term: T) => Matched): Matched {
  let matched = cache.get(term);
  if (matched === undefined) {
    matched = make(term);
    cache.set(term, matched);
  }
  return matched;
}


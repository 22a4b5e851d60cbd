/**
 * Tags an event with the sign-up's fields of interest (`FieldId`s) from its words and its source.
 *
 * A field's word in a place that names the event (its title, its calendar categories, its
 * organiser, the source's name or the source's `tags` in sources.json) tags it on its own: "SHRM
 * Chapter Meeting", an event of "Boston Python User Group". A description mentions fields in
 * passing ("employers from healthcare, tech and manufacturing" at a job fair), so there a field
 * needs two different words of its own ("nurses … clinical"). A general job club names no field
 * and gets none. Several fields are fine ("Women in Engineering and Technology").
 */
import { FIELD_IDS, fieldIdOf, type FieldId } from '../model/fields';
import type { SourceContext } from '../model/source';
import { FIELD_RULES, type FieldRule } from './field-rules';

/** How many different words a description needs to tag a field on its own. */
const DESCRIPTION_WORDS = 2;

/** What the tagger reads about one event. */
export interface FieldInput {
  title: string;
  description: string;
  organizer: string | null;
  /** The feed's own categories (iCalendar CATEGORIES, JSON-LD keywords). */
  categories: readonly string[];
}

/** Per-call caches: a feed repeats descriptions, organisers and always the same source. */
export interface FieldCaches {
  descriptions: Map<string, readonly FieldId[]>;
  names: Map<string, readonly FieldId[]>;
}

/** Distinct words of `rule` in `text`, counted up to `enough` (lower-cased, so "Nurse" and "nurse" are one). */
function distinctWords(rule: FieldRule, text: string, enough: number): number {
  const seen = new Set<string>();
  for (const pattern of rule.acronyms === undefined ? [rule.words] : [rule.words, rule.acronyms]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      seen.add(match[0].toLowerCase());
      if (seen.size >= enough) {
        pattern.lastIndex = 0;
        return seen.size;
      }
    }
  }
  return seen.size;
}

/** The fields `text` has at least `needed` different words of, in FIELD_IDS order. */
export function fieldsIn(text: string, needed = 1): FieldId[] {
  if (text.trim() === '') return [];
  return FIELD_RULES.filter((rule) => distinctWords(rule, text, needed) >= needed).map((rule) => rule.field);
}

function cached(cache: Map<string, readonly FieldId[]> | undefined, key: string, work: () => readonly FieldId[]): readonly FieldId[] {
  let found = cache?.get(key);
  if (found === undefined) {
    found = work();
    cache?.set(key, found);
  }
  return found;
}

/** A name (organiser, source) tags by any one word, or by being a field's id or label outright. */
function fieldsOfName(name: string): readonly FieldId[] {
  const exact = fieldIdOf(name);
  return exact === null ? fieldsIn(name) : [exact];
}

/** An operator's tag is a keyword typed in any case: "hr" and "it" mean the acronyms. */
function fieldsOfTag(tag: string): readonly FieldId[] {
  const exact = fieldIdOf(tag);
  if (exact !== null) return [exact];
  return [...new Set([...fieldsIn(tag), ...fieldsIn(tag.toUpperCase())])];
}

/**
 * The fields of interest an event belongs to, in FIELD_IDS order; empty when its words name none.
 * Pass `caches` (one per normalise call) so repeated descriptions and names are read once.
 */
export function tagFields(event: FieldInput, source: Pick<SourceContext, 'name' | 'tags'>, caches?: FieldCaches): FieldId[] {
  const found = new Set<FieldId>(fieldsIn(event.title));
  const names = [...event.categories, ...(event.organizer === null ? [] : [event.organizer]), source.name];
  for (const name of names) for (const field of cached(caches?.names, name, () => fieldsOfName(name))) found.add(field);
  for (const tag of source.tags ?? []) for (const field of fieldsOfTag(tag)) found.add(field);
  if (event.description !== '') {
    for (const field of cached(caches?.descriptions, event.description, () => fieldsIn(event.description, DESCRIPTION_WORDS))) found.add(field);
  }
  return FIELD_IDS.filter((field) => found.has(field));
}

/**
 * What each selector of a recipe matches on a page, so an operator can see which one is wrong before
 * trusting the events: `item` counts elements on the page, every other selector counts the items it
 * found something in and shows the first texts.
 */
import { load, type Cheerio } from 'cheerio/slim';
import type { SelectorRecipe } from '../shared/model/source';
import type { DomElement } from '../shared/sources/html/dom';

export interface SelectorMatch {
  field: keyof SelectorRecipe;
  selector: string;
  /** `item`: elements on the page; any other field: items in which the selector found an element. */
  matched: number;
  /** The first few texts it matched (collapsed, cut to 80 characters). */
  samples: string[];
  /** Set when cheerio cannot parse the selector. */
  invalid?: string;
}

export interface RecipeProbe {
  items: number;
  fields: SelectorMatch[];
}

const FIELDS = ['title', 'date', 'time', 'place', 'link', 'description'] as const;
const SAMPLES = 3;

const textOf = (element: Cheerio<DomElement>) => element.text().replace(/\s+/g, ' ').trim().slice(0, 80);

/** Runs a `find`; a selector cheerio cannot parse yields its error text instead. */
function findAll(find: () => Cheerio<DomElement>): Cheerio<DomElement> | string {
  try {
    return find();
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 120) : 'unreadable selector';
  }
}

/** Runs every selector of `recipe` on `html`. */
export function probeRecipe(html: string, recipe: SelectorRecipe): RecipeProbe {
  const $ = load(html);
  const found = findAll(() => $.root().find(recipe.item));
  if (typeof found === 'string') return { items: 0, fields: [{ field: 'item', selector: recipe.item, matched: 0, samples: [], invalid: found }] };
  const items = found.toArray().map((element) => $(element));
  const fields: SelectorMatch[] = [{ field: 'item', selector: recipe.item, matched: items.length, samples: items.slice(0, SAMPLES).map(textOf) }];
  for (const field of FIELDS) {
    const selector = recipe[field];
    if (selector === undefined) continue;
    const match: SelectorMatch = { field, selector, matched: 0, samples: [] };
    for (const item of items) {
      const inside = findAll(() => item.find(selector));
      if (typeof inside === 'string') {
        match.invalid = inside;
        break;
      }
      if (inside.length === 0) continue;
      match.matched += 1;
      const first = inside.first();
      const sample = field === 'link' ? (first.attr('href') ?? first.find('a[href]').first().attr('href') ?? textOf(first)) : (first.attr('datetime') ?? textOf(first));
      if (match.samples.length < SAMPLES) match.samples.push(sample);
    }
    fields.push(match);
  }
  return { items: items.length, fields };
}

/** The probe as lines for the terminal; a recipe without `time` is told its events will be all-day. */
export function formatProbe(probe: RecipeProbe, recipe: SelectorRecipe): string[] {
  const lines = probe.fields.map((match) => {
    const what = match.invalid !== undefined
      ? `invalid selector (${match.invalid})`
      : match.field === 'item'
        ? `${match.matched} elements`
        : `found in ${match.matched} of ${probe.items} items`;
    const samples = match.samples.length ? `: ${match.samples.map((sample) => JSON.stringify(sample)).join(', ')}` : '';
    return `  ${match.field.padEnd(11)} ${JSON.stringify(match.selector)} → ${what}${samples}`;
  });
  if (recipe.time === undefined) lines.push('  note: the recipe has no `time` selector: its events will be all-day unless the date text holds a time');
  return lines;
}

/**
 * The labelled fields-of-interest set (test/fixtures/fields/labelled-events.json) and how the
 * tagger is scored on it: an item is right when the tagged set equals the labelled set exactly.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { FieldIdSchema, type FieldId } from '../../shared/model/fields';
import { tagFields } from '../../shared/normalize';

const LabelledSetSchema = z.object({
  about: z.string(),
  items: z.array(
    z.object({
      split: z.enum(['tune', 'held-out']),
      title: z.string().min(1),
      description: z.string(),
      organizer: z.string().nullable(),
      source: z.string().min(1),
      fields: z.array(FieldIdSchema),
    }),
  ),
});
export type LabelledFieldItem = z.infer<typeof LabelledSetSchema>['items'][number];

/** Reads and validates the labelled set. */
export function readFieldSet(path = 'test/fixtures/fields/labelled-events.json'): LabelledFieldItem[] {
  return LabelledSetSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).items;
}

export interface FieldMiss {
  item: LabelledFieldItem;
  got: FieldId[];
}

export interface FieldScore {
  items: number;
  /** Items whose tagged set equals the label exactly. */
  exact: number;
  accuracy: number;
  /** Items labelled with no field that got none. */
  noneRight: number;
  noneItems: number;
  misses: FieldMiss[];
}

const sameSet = (a: readonly FieldId[], b: readonly FieldId[]) => a.length === b.length && a.every((field) => b.includes(field));

/** Scores `tagFields` on `items`. */
export function scoreFields(items: readonly LabelledFieldItem[]): FieldScore {
  const misses: FieldMiss[] = [];
  let exact = 0;
  let noneRight = 0;
  for (const item of items) {
    const got = tagFields({ title: item.title, description: item.description, organizer: item.organizer, categories: [] }, { name: item.source });
    if (sameSet(got, item.fields)) {
      exact += 1;
      if (item.fields.length === 0) noneRight += 1;
    } else misses.push({ item, got });
  }
  const noneItems = items.filter((item) => item.fields.length === 0).length;
  return { items: items.length, exact, accuracy: items.length === 0 ? 0 : exact / items.length, noneRight, noneItems, misses };
}

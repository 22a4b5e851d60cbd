/**
 * The labelled audience set (test/fixtures/audience/labelled-events.json) and how the classifier is
 * scored on it. Each item is classified twice, from a source of kind `other` that defaults first to
 * one audience and then to the other, so only the title and description can get it right both times.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { AudienceSchema, type Audience } from '../../shared/model/common';
import type { SourceContext } from '../../shared/model/source';
import { classifyEvent } from '../../shared/normalize';

const LabelledSetSchema = z.object({
  about: z.string(),
  items: z.array(
    z.object({
      split: z.enum(['tune', 'held-out']),
      audience: AudienceSchema,
      title: z.string().min(1),
      description: z.string(),
    }),
  ),
});
export type LabelledItem = z.infer<typeof LabelledSetSchema>['items'][number];

/** Reads and validates the labelled set. */
export function readLabelledSet(path = 'test/fixtures/audience/labelled-events.json'): LabelledItem[] {
  return LabelledSetSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).items;
}

const neutralSource = (audience: Audience): SourceContext => ({ id: 'community-calendar', name: 'Community calendar', kind: 'other', audience, timeZone: 'America/New_York' });

export interface Miss {
  item: LabelledItem;
  sourceDefault: Audience;
  got: Audience;
  reason: string;
}

export interface Score {
  items: number;
  /** Classifications made: two per item, one per source default. */
  trials: number;
  correct: number;
  accuracy: number;
  misses: Miss[];
}

/** Scores `classifyEvent` on `items` from both source defaults. */
export function scoreAudience(items: readonly LabelledItem[]): Score {
  const misses: Miss[] = [];
  let correct = 0;
  for (const item of items) {
    for (const sourceDefault of AudienceSchema.options) {
      const result = classifyEvent(item.title, item.description, neutralSource(sourceDefault));
      if (result.audience === item.audience) correct += 1;
      else misses.push({ item, sourceDefault, got: result.audience, reason: result.audienceReason });
    }
  }
  const trials = items.length * 2;
  return { items: items.length, trials, correct, accuracy: trials === 0 ? 0 : correct / trials, misses };
}

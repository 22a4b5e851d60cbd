/**
 * Subscribers' feedback in its own table: one item per (subscriber, event), keyed
 * `subscriberId` + `eventId`, so recording a choice is one PutItem that replaces the earlier one
 * (idempotent, last choice wins). A sparse-free GSI `byWeek` (ISO week of `at`, `at#subscriber#event`)
 * serves the operator's counts with one Query per week, never a Scan.
 */
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { isoWeekOf } from '../digest/iso-week';
import type { FeedbackEntry } from '../digest/types';
import { AudienceSchema, CategorySchema, InstantSchema } from '../model/common';
import type { FeedbackCount, FeedbackStore } from '../ports';
import { toItem } from './attribute-value';
import { StoreError } from './errors';
import { parseItems } from './parse-item';
import { queryAll } from './query-all';
import type { ResolvedStoreOptions } from './store-options';
import { FEEDBACK_BY_WEEK } from './tables';
import { lazySchema } from '../model/lazy-schema';

const ID = lazySchema(() => z.string().regex(/^[0-9a-f]{32}$/));
const IsoWeekSchema = lazySchema(() => z.string().regex(/^\d{4}-W\d{2}$/));

/** A `FeedbackEntry` as the boundary checks it (the store's items and the routes' input). */
export const FeedbackEntrySchema = lazySchema(() => z.object({
  eventId: ID,
  kind: z.enum(['going', 'not-for-me']),
  seriesKey: z.string().min(1).max(64),
  organiser: z.string().max(300).nullable(),
  category: CategorySchema,
  audience: AudienceSchema,
  eventStart: InstantSchema,
  at: InstantSchema,
}));

const ItemSchema = lazySchema(() => FeedbackEntrySchema.extend({ subscriberId: ID, week: IsoWeekSchema, atKey: z.string() }));
const KEY_NAMES = ['subscriberId', 'eventId'] as const;

/** The ISO week (`2026-W49`) an instant falls in, by its UTC date: the operator's report weeks. */
export function feedbackWeekOf(at: string): string {
  return isoWeekOf(at.slice(0, 10)).key;
}

/** The FeedbackStore over the feedback table. */
export function createDynamoFeedbackStore(client: DynamoDBClient, table: string, options: Pick<ResolvedStoreOptions, 'onCorruptItem'>): FeedbackStore {
  const toEntry = (item: z.infer<typeof ItemSchema>): FeedbackEntry => ({
    eventId: item.eventId,
    kind: item.kind,
    seriesKey: item.seriesKey,
    organiser: item.organiser,
    category: item.category,
    audience: item.audience,
    eventStart: item.eventStart,
    at: item.at,
  });
  return {
    async record(subscriberId, entry) {
      const checked = FeedbackEntrySchema.parse(entry);
      const subscriber = ID.parse(subscriberId);
      try {
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: toItem({
              ...checked,
              subscriberId: subscriber,
              week: feedbackWeekOf(checked.at),
              atKey: `${checked.at}#${subscriber}#${checked.eventId}`,
            }),
          }),
        );
      } catch (error) {
        throw new StoreError('could not record feedback', { cause: error });
      }
    },

    async forSubscriber(subscriberId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'subscriberId = :s',
        ExpressionAttributeValues: { ':s': { S: ID.parse(subscriberId) } },
      });
      const entries = parseItems(ItemSchema, table, items, KEY_NAMES, options.onCorruptItem).map(toEntry);
      return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.eventId.localeCompare(b.eventId)));
    },

    async counts(isoWeeks) {
      const weeks = [...new Set(isoWeeks.map((week) => IsoWeekSchema.parse(week)))];
      const pages = await Promise.all(
        weeks.map((week) =>
          queryAll(client, {
            TableName: table,
            IndexName: FEEDBACK_BY_WEEK,
            KeyConditionExpression: 'week = :w',
            ExpressionAttributeValues: { ':w': { S: week } },
          }),
        ),
      );
      const tally = new Map<string, FeedbackCount>();
      for (const item of parseItems(ItemSchema, table, pages.flat(), KEY_NAMES, options.onCorruptItem)) {
        const key = `${item.category}|${item.audience}|${item.kind}`;
        const row = tally.get(key) ?? { category: item.category, audience: item.audience, kind: item.kind, count: 0 };
        row.count += 1;
        tally.set(key, row);
      }
      return [...tally.values()].sort(
        (a, b) => a.category.localeCompare(b.category) || a.audience.localeCompare(b.audience) || a.kind.localeCompare(b.kind),
      );
    },
  };
}

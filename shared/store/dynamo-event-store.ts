import { GetItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { InstantSchema, LocalDateSchema } from '../model/common';
import { EventSchema, type Event } from '../model/event';
import type { EventStore, StoredEvent, SyncStats } from '../ports';
import { addDays } from '../time/zoned';
import { toItem } from './attribute-value';
import { batchWriteAll } from './batch-write';
import { StoreError } from './errors';
import { parseItemOrThrow, parseItems } from './parse-item';
import { queryAll } from './query-all';
import type { ResolvedStoreOptions } from './store-options';
import { EVENTS_BY_DAY, EVENTS_BY_SOURCE, TTL_ATTRIBUTE } from './tables';
import { lazySchema } from '../model/lazy-schema';

/** Longest range `listStartingBetween` serves (one Query a day). */
export const MAX_LISTING_DAYS = 62;

const EventItemSchema = lazySchema(() => z
  .object({
    id: z.string(),
    sourceId: z.string().min(1),
    day: LocalDateSchema,
    startId: z.string(),
    ttl: z.number().int(),
    removedAt: InstantSchema.optional(),
    // Items written before events carried their provenance read as structured data with no
    // sentence; the next changed fetch rewrites them with the real value.
    event: z.preprocess(withLegacyDefaults, EventSchema),
  })
  .refine((item) => item.id === item.event.id && item.day === item.event.startDate, {
    message: 'key attributes disagree with the event',
  }));
type EventItem = z.infer<typeof EventItemSchema>;

const KEY = ['id'] as const;

function withLegacyDefaults(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'provenance' in value) return value;
  return { ...value, provenance: 'structured-data', scheduleText: null };
}
const SECONDS_PER_DAY = 86_400;

/** Filter shared by every read: TTL deletion lags by days, so expired items are still in the table. */
const NOT_EXPIRED = `#ttl > :now`;

function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** The DynamoDB EventStore (events table; see ACCESS-PATTERNS.md). */
export function createDynamoEventStore(client: DynamoDBClient, table: string, options: ResolvedStoreOptions): EventStore {
  const ttlOf = (event: Event): number =>
    Math.ceil(Date.parse(event.end) / 1000) + options.eventRetentionDays * SECONDS_PER_DAY;

  const toPut = (sourceId: string, event: Event, removedAt: string | undefined): WriteRequest => ({
    PutRequest: {
      Item: toItem({
        id: event.id,
        sourceId,
        day: event.startDate,
        startId: `${event.start}#${event.id}`,
        [TTL_ATTRIBUTE]: ttlOf(event),
        removedAt,
        event,
      }),
    },
  });

  const readSource = async (sourceId: string, onlyLive: boolean): Promise<EventItem[]> => {
    const items = await queryAll(client, {
      TableName: table,
      IndexName: EVENTS_BY_SOURCE,
      KeyConditionExpression: 'sourceId = :source',
      ...(onlyLive ? { FilterExpression: NOT_EXPIRED, ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE } } : {}),
      ExpressionAttributeValues: {
        ':source': { S: sourceId },
        ...(onlyLive ? { ':now': { N: String(epochSeconds(options.clock.now())) } } : {}),
      },
    });
    return parseItems(EventItemSchema, table, items, KEY, options.onCorruptItem);
  };

  return {
    async syncSourceEvents(sourceId, events, now) {
      const latest = new Map<string, Event>();
      for (const candidate of events) {
        const parsed = EventSchema.safeParse(candidate);
        if (!parsed.success) {
          throw new StoreError(`event ${candidate.id} of source ${sourceId} is invalid; nothing was written`, {
            cause: parsed.error,
          });
        }
        // Within one call a repeated id is the same occurrence listed twice; the last one wins.
        latest.set(parsed.data.id, parsed.data);
      }
      // Expired items are read too: a re-listed one must not count as new when nothing changed.
      const stored = new Map((await readSource(sourceId, false)).map((item) => [item.id, item]));
      const stats: SyncStats = { created: 0, updated: 0, unchanged: 0, removed: 0, itemWrites: 0 };
      const requests: WriteRequest[] = [];
      const nowSeconds = epochSeconds(now);

      for (const event of latest.values()) {
        const existing = stored.get(event.id);
        if (existing === undefined) {
          if (ttlOf(event) <= nowSeconds) {
            // Ended longer ago than we keep history: storing it would only feed the TTL sweeper.
            stats.unchanged++;
            continue;
          }
          stats.created++;
        } else if (existing.removedAt !== undefined || existing.event.contentHash !== event.contentHash) {
          stats.updated++;
        } else {
          stats.unchanged++;
          continue;
        }
        requests.push(toPut(sourceId, event, undefined));
      }

      const nowIso = now.toISOString();
      for (const item of stored.values()) {
        if (latest.has(item.id) || item.removedAt !== undefined) continue;
        // Past occurrences stay as they were: history, cleaned up by TTL.
        if (Date.parse(item.event.start) < now.getTime()) continue;
        stats.removed++;
        requests.push(toPut(sourceId, item.event, nowIso));
      }

      stats.itemWrites = await batchWriteAll(client, table, requests, options.batchRetry);
      return stats;
    },

    async listBySource(sourceId): Promise<StoredEvent[]> {
      const items = await readSource(sourceId, true);
      return items.map((item) => ({ event: item.event, removedAt: item.removedAt ?? null }));
    },

    async listStartingBetween(fromDate, toDate) {
      const from = LocalDateSchema.safeParse(fromDate);
      const to = LocalDateSchema.safeParse(toDate);
      if (!from.success || !to.success) throw new StoreError(`not a YYYY-MM-DD range: ${fromDate}..${toDate}`);
      const days: string[] = [];
      for (let day = from.data; day <= to.data; day = addDays(day, 1)) {
        days.push(day);
        if (days.length > MAX_LISTING_DAYS) {
          throw new StoreError(`range ${fromDate}..${toDate} is longer than ${MAX_LISTING_DAYS} days`);
        }
      }
      const now = String(epochSeconds(options.clock.now()));
      const perDay = await Promise.all(
        days.map((day) =>
          queryAll(client, {
            TableName: table,
            IndexName: EVENTS_BY_DAY,
            KeyConditionExpression: '#day = :day',
            FilterExpression: `${NOT_EXPIRED} AND attribute_not_exists(removedAt)`,
            ExpressionAttributeNames: { '#day': 'day', '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':day': { S: day }, ':now': { N: now } },
          }),
        ),
      );
      return perDay.flatMap((items) => parseItems(EventItemSchema, table, items, KEY, options.onCorruptItem).map((item) => item.event));
    },

    async get(id) {
      const output = await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } } }));
      if (output.Item === undefined) return null;
      const item = parseItemOrThrow(EventItemSchema, table, output.Item, KEY);
      return item.ttl > epochSeconds(options.clock.now()) ? item.event : null;
    },
  };
}

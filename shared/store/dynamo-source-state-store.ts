import { GetItemCommand, PutItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { InstantSchema, LocalDateSchema } from '../model/common';
import type { SourceState, SourceStateStore } from '../ports';
import { toItem } from './attribute-value';
import { StoreError } from './errors';
import { parseItemOrThrow, parseItems } from './parse-item';
import type { ResolvedStoreOptions } from './store-options';

const SourceStateSchema = z.object({
  sourceId: z.string().min(1),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  contentHash: z.string().nullable(),
  lastStatus: z.enum(['ok', 'unchanged', 'empty', 'failed', 'blocked-by-robots', 'deferred', 'over-budget']).nullable(),
  lastAttemptAt: InstantSchema.nullable(),
  lastSuccessAt: InstantSchema.nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  eventsFound: z.number().int().nonnegative(),
  notBefore: InstantSchema.nullable(),
  // Items written before the field existed read as "no horizon yet".
  horizonEnd: LocalDateSchema.nullable().default(null),
  // Absent on sources that were never retired (and on items written before the field existed):
  // left absent on read, so a state round-trips exactly.
  retiredAt: InstantSchema.nullable().optional(),
}) satisfies z.ZodType<SourceState>;

const KEY = ['sourceId'] as const;

/** The DynamoDB SourceStateStore (sources table, one item a source). */
export function createDynamoSourceStateStore(
  client: DynamoDBClient,
  table: string,
  options: ResolvedStoreOptions,
): SourceStateStore {
  return {
    async get(sourceId) {
      const output = await client.send(new GetItemCommand({ TableName: table, Key: { sourceId: { S: sourceId } } }));
      return output.Item === undefined ? null : parseItemOrThrow(SourceStateSchema, table, output.Item, KEY);
    },

    async put(state) {
      const parsed = SourceStateSchema.safeParse(state);
      if (!parsed.success) throw new StoreError(`source state of ${state.sourceId} is invalid`, { cause: parsed.error });
      await client.send(new PutItemCommand({ TableName: table, Item: toItem(parsed.data) }));
    },

    async list() {
      // The operator's health view reads every source; a region has tens to hundreds, so a Scan
      // of this small table is the right tool (events and subscribers are never scanned).
      const items: Record<string, AttributeValue>[] = [];
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey }));
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined);
      return parseItems(SourceStateSchema, table, items, KEY, options.onCorruptItem).sort((a, b) =>
        a.sourceId.localeCompare(b.sourceId),
      );
    },
  };
}

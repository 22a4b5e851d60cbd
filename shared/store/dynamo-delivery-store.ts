import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { AudienceSchema, InstantSchema } from '../model/common';
import type { ClaimResult, DeliveryArchive, DeliveryLookup, DeliveryRecord, DeliveryStore } from '../ports';
import { toItem } from './attribute-value';
import { StoreError } from './errors';
import { parseItemOrThrow } from './parse-item';
import { queryAll } from './query-all';
import { lazySchema } from '../model/lazy-schema';

/** Weeks of deliveries before the current one that `lookup` returns as `recent`. */
const RECENT_WEEKS = 4;

/** `2025-W07`: sorts in time order as a string, which `previous` relies on. */
export const IsoWeekSchema = lazySchema(() => z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week like 2025-W07'));

const DeliveryItemSchema = lazySchema(() => z.object({
  subscriberId: z.string().min(1),
  isoWeek: IsoWeekSchema,
  // seriesKey and audience are written since issue 7 (the coaches' cadence); older items lack them.
  events: z.array(z.object({ id: z.string(), contentHash: z.string(), seriesKey: z.string().optional(), audience: AudienceSchema.optional() })),
  messageId: z.string().optional(),
  claimedAt: InstantSchema,
  leaseUntil: InstantSchema.optional(),
  claimId: z.string().optional(),
}));

const ClaimInputSchema = lazySchema(() => DeliveryItemSchema.omit({ messageId: true, claimId: true }).required({ leaseUntil: true }));

const KEY = ['subscriberId', 'isoWeek'] as const;

function keyOf(subscriberId: string, isoWeek: string): { subscriberId: { S: string }; isoWeek: { S: string } } {
  return { subscriberId: { S: subscriberId }, isoWeek: { S: IsoWeekSchema.parse(isoWeek) } };
}

/** Instants are compared as strings in the condition, so every one is written in toISOString's fixed form. */
function canonical(instant: string): string {
  return new Date(instant).toISOString();
}

function toRecord(item: z.infer<typeof DeliveryItemSchema>): DeliveryRecord {
  return {
    subscriberId: item.subscriberId,
    isoWeek: item.isoWeek,
    events: item.events,
    messageId: item.messageId ?? null,
    claimedAt: item.claimedAt,
    leaseUntil: item.leaseUntil ?? null,
  };
}

/**
 * A claim may be written when the week has none, or when the one there has no message id and its
 * lease ended before this claim's time. Claims from before leases had none: they count as expired
 * once they are older than this claim's own lease length.
 */
const CLAIMABLE =
  'attribute_not_exists(subscriberId) OR (attribute_not_exists(messageId) AND ' +
  '(leaseUntil < :now OR (attribute_not_exists(leaseUntil) AND claimedAt < :legacyExpired)))';

/** The DynamoDB DeliveryStore (deliveries table: pk subscriberId, sk isoWeek). See ACCESS-PATTERNS.md. */
export function createDynamoDeliveryStore(client: DynamoDBClient, table: string): DeliveryStore & DeliveryArchive {
  const get = async (subscriberId: string, isoWeek: string): Promise<DeliveryRecord | null> => {
    const output = await client.send(new GetItemCommand({ TableName: table, Key: keyOf(subscriberId, isoWeek), ConsistentRead: true }));
    return output.Item === undefined ? null : toRecord(parseItemOrThrow(DeliveryItemSchema, table, output.Item, KEY));
  };

  const lookup = async (subscriberId: string, isoWeek: string): Promise<DeliveryLookup> => {
    const week = IsoWeekSchema.parse(isoWeek);
    const output = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'subscriberId = :subscriber AND isoWeek <= :week',
        ExpressionAttributeValues: { ':subscriber': { S: subscriberId }, ':week': { S: week } },
        ScanIndexForward: false,
        // This week's and four before: one read serves the repeat rule and the month's cadence.
        Limit: RECENT_WEEKS + 1,
      }),
    );
    const records = (output.Items ?? []).map((item) => toRecord(parseItemOrThrow(DeliveryItemSchema, table, item, KEY)));
    const current = records[0]?.isoWeek === week ? records[0] : null;
    const before = current === null ? records : records.slice(1);
    return { current, previous: before[0] ?? null, recent: before.slice(0, RECENT_WEEKS) };
  };

  const listFor = async (subscriberId: string): Promise<DeliveryRecord[]> => {
    const items = await queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'subscriberId = :subscriber',
      ExpressionAttributeValues: { ':subscriber': { S: subscriberId } },
      ConsistentRead: true,
    });
    return items.map((item) => toRecord(parseItemOrThrow(DeliveryItemSchema, table, item, KEY)));
  };

  return {
    listFor,
    async deleteFor(subscriberId) {
      const records = await listFor(subscriberId);
      // One item a week: a few hundred at most, so plain deletes are enough.
      for (const record of records) await client.send(new DeleteItemCommand({ TableName: table, Key: keyOf(subscriberId, record.isoWeek) }));
      return records.length;
    },
    async claim(record): Promise<ClaimResult> {
      const parsed = ClaimInputSchema.safeParse(record);
      if (!parsed.success) throw new StoreError(`delivery claim for ${record.subscriberId} is invalid`, { cause: parsed.error });
      const claimedAt = canonical(parsed.data.claimedAt);
      const leaseUntil = canonical(parsed.data.leaseUntil);
      const leaseMs = Date.parse(leaseUntil) - Date.parse(claimedAt);
      if (!(leaseMs > 0)) throw new StoreError(`delivery claim for ${record.subscriberId} has a lease that ends before it starts`);
      const claimId = randomUUID();
      try {
        const output = await client.send(
          new PutItemCommand({
            TableName: table,
            Item: toItem({ ...parsed.data, claimedAt, leaseUntil, claimId }),
            ConditionExpression: CLAIMABLE,
            ExpressionAttributeValues: {
              ':now': { S: claimedAt },
              ':legacyExpired': { S: new Date(Date.parse(claimedAt) - leaseMs).toISOString() },
            },
            ReturnValues: 'ALL_OLD',
          }),
        );
        return { status: output.Attributes === undefined ? 'claimed' : 'taken-over', claimId };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) {
          throw new StoreError(`could not claim ${record.subscriberId} ${record.isoWeek}`, { cause: error });
        }
      }
      const existing = await get(parsed.data.subscriberId, parsed.data.isoWeek).catch((error: unknown) => {
        throw new StoreError(`could not read the claim of ${record.subscriberId} ${record.isoWeek}`, { cause: error });
      });
      if (existing?.messageId != null) return { status: 'sent' };
      // Gone between the two calls means its holder just released it: the next run will claim it.
      return { status: 'held', leaseUntil: existing?.leaseUntil ?? null };
    },

    async complete(subscriberId, isoWeek, claimId, messageId) {
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: keyOf(subscriberId, isoWeek),
            UpdateExpression: 'SET messageId = :messageId',
            // Only the claim's holder records the send, and only once.
            ConditionExpression: 'claimId = :claimId AND attribute_not_exists(messageId)',
            ExpressionAttributeValues: { ':messageId': { S: messageId }, ':claimId': { S: claimId } },
          }),
        );
      } catch (error) {
        throw new StoreError(`could not complete ${subscriberId} ${isoWeek} (claim lost?)`, { cause: error });
      }
    },

    async release(subscriberId, isoWeek, claimId) {
      try {
        await client.send(
          new DeleteItemCommand({
            TableName: table,
            Key: keyOf(subscriberId, isoWeek),
            // A sent digest is never released (a later run would mail it again), nor another run's claim.
            ConditionExpression: 'claimId = :claimId AND attribute_not_exists(messageId)',
            ExpressionAttributeValues: { ':claimId': { S: claimId } },
          }),
        );
      } catch (error) {
        throw new StoreError(`could not release ${subscriberId} ${isoWeek}`, { cause: error });
      }
    },

    previous: async (subscriberId, isoWeek) => (await lookup(subscriberId, isoWeek)).previous,
    lookup,
  };
}

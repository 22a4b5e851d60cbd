import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { InstantSchema } from '../model/common';
import type { DeliveryRecord, DeliveryStore } from '../ports';
import { toItem } from './attribute-value';
import { StoreError } from './errors';
import { parseItemOrThrow } from './parse-item';

/** `2025-W07`: sorts in time order as a string, which `previous` relies on. */
export const IsoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week like 2025-W07');

const DeliveryItemSchema = z.object({
  subscriberId: z.string().min(1),
  isoWeek: IsoWeekSchema,
  events: z.array(z.object({ id: z.string(), contentHash: z.string() })),
  messageId: z.string().optional(),
  claimedAt: InstantSchema,
});

const KEY = ['subscriberId', 'isoWeek'] as const;

function keyOf(subscriberId: string, isoWeek: string): { subscriberId: { S: string }; isoWeek: { S: string } } {
  return { subscriberId: { S: subscriberId }, isoWeek: { S: IsoWeekSchema.parse(isoWeek) } };
}

/** The DynamoDB DeliveryStore (deliveries table: pk subscriberId, sk isoWeek). */
export function createDynamoDeliveryStore(client: DynamoDBClient, table: string): DeliveryStore {
  return {
    async claim(record) {
      const parsed = DeliveryItemSchema.omit({ messageId: true }).safeParse(record);
      if (!parsed.success) throw new StoreError(`delivery claim for ${record.subscriberId} is invalid`, { cause: parsed.error });
      try {
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: toItem(parsed.data),
            ConditionExpression: 'attribute_not_exists(subscriberId)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw new StoreError(`could not claim ${record.subscriberId} ${record.isoWeek}`, { cause: error });
      }
    },

    async complete(subscriberId, isoWeek, messageId) {
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: keyOf(subscriberId, isoWeek),
            UpdateExpression: 'SET messageId = :messageId',
            ConditionExpression: 'attribute_exists(subscriberId)',
            ExpressionAttributeValues: { ':messageId': { S: messageId } },
          }),
        );
      } catch (error) {
        throw new StoreError(`could not complete ${subscriberId} ${isoWeek} (claimed?)`, { cause: error });
      }
    },

    async release(subscriberId, isoWeek) {
      try {
        await client.send(
          new DeleteItemCommand({
            TableName: table,
            Key: keyOf(subscriberId, isoWeek),
            // A sent digest is never released: that would let a later run mail it again.
            ConditionExpression: 'attribute_not_exists(messageId)',
          }),
        );
      } catch (error) {
        throw new StoreError(`could not release ${subscriberId} ${isoWeek}`, { cause: error });
      }
    },

    async previous(subscriberId, isoWeek): Promise<DeliveryRecord | null> {
      const output = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'subscriberId = :subscriber AND isoWeek < :week',
          ExpressionAttributeValues: { ':subscriber': { S: subscriberId }, ':week': { S: IsoWeekSchema.parse(isoWeek) } },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const item = output.Items?.[0];
      if (item === undefined) return null;
      const parsed = parseItemOrThrow(DeliveryItemSchema, table, item, KEY);
      return { ...parsed, messageId: parsed.messageId ?? null };
    },
  };
}

import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { EmailSchema, PreferencesSchema, SubscriberSchema, SubscriberStatusSchema } from '../model/subscriber';
import type { SubscriberStore } from '../ports';
import { toAttribute, toItem, type PlainValue } from './attribute-value';
import { StoreError } from './errors';
import { parseItemOrThrow, parseItems } from './parse-item';
import { queryAll } from './query-all';
import type { ResolvedStoreOptions } from './store-options';
import { SUBSCRIBERS_BY_EMAIL, SUBSCRIBERS_BY_STATUS } from './tables';
import * as z from 'zod';

const KEY = ['id'] as const;

const LocatedPreferencesSchema = PreferencesSchema.extend({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  placeName: z.string().max(100),
});

/** A subscriber id the store does not know. */
export class SubscriberNotFoundError extends StoreError {
  override readonly name = 'SubscriberNotFoundError';
}

/** The DynamoDB SubscriberStore (subscribers table; GSIs byEmail and byStatus). */
export function createDynamoSubscriberStore(
  client: DynamoDBClient,
  table: string,
  options: ResolvedStoreOptions,
): SubscriberStore {
  /** SET every field of `values` (and updatedAt) on an existing subscriber. */
  const update = async (id: string, values: Record<string, PlainValue>): Promise<void> => {
    const names: Record<string, string> = {};
    const attributeValues: Record<string, AttributeValue> = {};
    const assignments = Object.entries(values).map(([field, value], index) => {
      names[`#f${index}`] = field;
      attributeValues[`:v${index}`] = toAttribute(value);
      return `#f${index} = :v${index}`;
    });
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { id: { S: id } },
          UpdateExpression: `SET ${assignments.join(', ')}`,
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: attributeValues,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new SubscriberNotFoundError(`no subscriber ${id}`, { cause: error });
      throw new StoreError(`could not update subscriber ${id}`, { cause: error });
    }
  };

  return {
    async put(subscriber) {
      const parsed = SubscriberSchema.safeParse(subscriber);
      if (!parsed.success) throw new StoreError(`subscriber ${subscriber.id} is invalid`, { cause: parsed.error });
      await client.send(new PutItemCommand({ TableName: table, Item: toItem(parsed.data) }));
    },

    async get(id) {
      const output = await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } } }));
      return output.Item === undefined ? null : parseItemOrThrow(SubscriberSchema, table, output.Item, KEY);
    },

    async getByEmail(email) {
      const normalised = EmailSchema.safeParse(email);
      if (!normalised.success) return null;
      const items = await queryAll(client, {
        TableName: table,
        IndexName: SUBSCRIBERS_BY_EMAIL,
        KeyConditionExpression: 'email = :email',
        ExpressionAttributeValues: { ':email': { S: normalised.data } },
      });
      // The subscription flow keeps one subscriber per address; if a race left two, the newest wins.
      const found = items.map((item) => parseItemOrThrow(SubscriberSchema, table, item, KEY));
      return found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
    },

    async listActive() {
      const items = await queryAll(client, {
        TableName: table,
        IndexName: SUBSCRIBERS_BY_STATUS,
        KeyConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': { S: 'active' } },
      });
      return parseItems(SubscriberSchema, table, items, KEY, options.onCorruptItem);
    },

    async setStatus(id, status, now) {
      await update(id, { status: SubscriberStatusSchema.parse(status), updatedAt: now.toISOString() });
    },

    async updatePreferences(id, preferences, now) {
      const parsed = LocatedPreferencesSchema.safeParse(preferences);
      if (!parsed.success) throw new StoreError(`preferences for subscriber ${id} are invalid`, { cause: parsed.error });
      await update(id, { ...parsed.data, updatedAt: now.toISOString() });
    },
  };
}

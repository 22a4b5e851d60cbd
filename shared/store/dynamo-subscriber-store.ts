import {
  ConditionalCheckFailedException,
  GetItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { ConsentSchema, EmailSchema, PreferencesSchema, StoredSubscriberSchema, SubscriberSchema, SubscriberStatusSchema } from '../model/subscriber';
import type { SubscriberStore, VersionedSubscriber } from '../ports';
import { toAttribute, toItem, type PlainValue } from './attribute-value';
import { StoreError } from './errors';
import { parseItemOrThrow, parseItems } from './parse-item';
import { queryAll } from './query-all';
import type { ResolvedStoreOptions } from './store-options';
import {
  SubscriberItemSchema,
  addressKey,
  parseAddressItem,
  parseAliasItem,
  setExpression,
  subscriberValues,
  transactWrite,
} from './subscriber-items';
import { SUBSCRIBERS_BY_EMAIL, SUBSCRIBERS_BY_STATUS, TTL_ATTRIBUTE } from './tables';
import { eraseSubscriber, isErasedAddressSuppressed, suppressErasedAddress } from './erased-addresses';
import { lazySchema } from '../model/lazy-schema';

const KEY = ['id'] as const;

const LocatedPreferencesSchema = lazySchema(() => PreferencesSchema.extend({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  placeName: z.string().max(100),
}));

const AnnotationsSchema = lazySchema(() => SubscriberSchema.pick({ pausedUntil: true, unsubscribeReason: true }).partial().strict());

/** A subscriber id the store does not know. */
export class SubscriberNotFoundError extends StoreError {
  override readonly name = 'SubscriberNotFoundError';
}

/** Another subscriber already holds this address; nothing was written. */
export class AddressTakenError extends StoreError {
  override readonly name = 'AddressTakenError';
}

/** Subscriber items are the ones with an address: address and alias items never have one. */
const IS_SUBSCRIBER = 'attribute_exists(email)';

/**
 * A pending (never confirmed) subscriber and its address item expire this long after the last
 * confirmation mail (the confirm link's own lifetime, SEC-03), so unconfirmed addresses do not fill
 * the table. Confirming, unsubscribing or suppressing removes the expiry: those records are kept.
 */
export const PENDING_RETENTION_DAYS = 7;

/** The TTL (epoch seconds) of a pending subscriber mailed at `at`. */
export function pendingExpiry(at: Date): number {
  return Math.floor(at.getTime() / 1000) + PENDING_RETENTION_DAYS * 24 * 3600;
}

const TTL_NAMES = { '#ttl': TTL_ATTRIBUTE };

/**
 * The DynamoDB SubscriberStore (subscribers table; GSIs byEmail and byStatus). One subscriber per
 * address is held by the address items (see `subscriber-items.ts`); run `mergeDuplicateSubscribers`
 * once over a table written before them.
 */
export function createDynamoSubscriberStore(client: DynamoDBClient, table: string, options: ResolvedStoreOptions): SubscriberStore {
  const getItem = async (id: string): Promise<Record<string, AttributeValue> | undefined> =>
    (await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true }))).Item;

  const getVersioned = async (id: string): Promise<VersionedSubscriber | null> => {
    let item = await getItem(id);
    // A merged duplicate's id points at the subscriber that was kept, so its old links still work.
    const mergedInto = item === undefined ? null : parseAliasItem(item);
    if (mergedInto !== null) item = await getItem(mergedInto);
    if (item === undefined || !('email' in item)) return null;
    const parsed = parseItemOrThrow(SubscriberItemSchema, table, item, KEY);
    const { stateVersion, ...subscriber } = parsed;
    return { subscriber, version: stateVersion };
  };

  const getVersionedByEmail = async (email: string): Promise<VersionedSubscriber | null> => {
    const normalised = EmailSchema.safeParse(email);
    if (!normalised.success) return null;
    const owner = parseAddressItem(await getItem(addressKey(normalised.data)));
    return owner === null ? null : getVersioned(owner);
  };

  /** SET `values` on the subscriber item `id`; an unknown id is a `SubscriberNotFoundError`. */
  /**
   * Sets `values` on the subscriber and adds one to each of `counters` (`stateVersion` binds confirm
   * links; `calendarGeneration` revokes the calendar feed), in one conditional update; returns the
   * counters' new values.
   */
  const update = async (id: string, values: Record<string, PlainValue>, counters: readonly ('stateVersion' | 'calendarGeneration')[], removeTtl = false): Promise<Record<string, AttributeValue>> => {
    const set = setExpression(values);
    const add = counters.length > 0 ? ` ADD ${counters.map((counter) => `${counter} :one`).join(', ')}` : '';
    try {
      const result = await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { id: { S: id } },
          UpdateExpression: `SET ${set.expression}${add}${removeTtl ? ' REMOVE #ttl' : ''}`,
          ConditionExpression: IS_SUBSCRIBER,
          ExpressionAttributeNames: { ...set.names, ...(removeTtl && TTL_NAMES) },
          ExpressionAttributeValues: { ...set.values, ...(counters.length > 0 && { ':one': { N: '1' } }) },
          ...(counters.length > 0 && { ReturnValues: 'UPDATED_NEW' }),
        }),
      );
      return result.Attributes ?? {};
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new SubscriberNotFoundError(`no subscriber ${id}`, { cause: error });
      throw new StoreError(`could not update subscriber ${id}`, { cause: error });
    }
  };

  /** Removes the expiry of `email`'s address item, if it has one (a kept record keeps its address). */
  const keepAddress = async (email: string): Promise<void> => {
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { id: { S: addressKey(email) } },
          UpdateExpression: 'REMOVE #ttl',
          ConditionExpression: 'attribute_exists(subscriberId)',
          ExpressionAttributeNames: TTL_NAMES,
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw new StoreError(`could not keep the address of a subscriber`, { cause: error });
    }
  };

  /** The subscriber `id` (after an alias) or a `SubscriberNotFoundError`. */
  const mustGet = async (id: string): Promise<VersionedSubscriber> => {
    const found = await getVersioned(id);
    if (!found) throw new SubscriberNotFoundError(`no subscriber ${id}`);
    return found;
  };

  return {
    async create(subscriber) {
      const parsed = SubscriberSchema.safeParse(subscriber);
      if (!parsed.success) throw new StoreError(`subscriber ${subscriber.id} is invalid`, { cause: parsed.error });
      const expiry: Record<string, AttributeValue> = parsed.data.status === 'pending' ? { [TTL_ATTRIBUTE]: { N: String(pendingExpiry(new Date(parsed.data.createdAt))) } } : {};
      const outcome = await transactWrite(client, [
        {
          Put: {
            TableName: table,
            Item: { id: { S: addressKey(parsed.data.email) }, subscriberId: { S: parsed.data.id }, ...expiry },
            ConditionExpression: 'attribute_not_exists(id)',
          },
        },
        { Put: { TableName: table, Item: { ...toItem(parsed.data), stateVersion: { N: '0' }, ...expiry }, ConditionExpression: 'attribute_not_exists(id)' } },
      ]);
      return outcome === 'committed' ? 'created' : 'exists';
    },

    async put(subscriber) {
      const parsed = SubscriberSchema.safeParse(subscriber);
      if (!parsed.success) throw new StoreError(`subscriber ${subscriber.id} is invalid`, { cause: parsed.error });
      const set = setExpression(subscriberValues(parsed.data));
      const outcome = await transactWrite(client, [
        {
          Put: {
            TableName: table,
            Item: { id: { S: addressKey(parsed.data.email) }, subscriberId: { S: parsed.data.id } },
            ConditionExpression: 'attribute_not_exists(id) OR subscriberId = :id',
            ExpressionAttributeValues: { ':id': { S: parsed.data.id } },
          },
        },
        {
          Update: {
            TableName: table,
            Key: { id: { S: parsed.data.id } },
            UpdateExpression: `SET ${set.expression} ADD stateVersion :one`,
            ConditionExpression: 'attribute_not_exists(id) OR email = :email',
            ExpressionAttributeNames: set.names,
            ExpressionAttributeValues: { ...set.values, ':one': { N: '1' }, ':email': { S: parsed.data.email } },
          },
        },
      ]);
      if (outcome !== 'committed') throw new AddressTakenError(`subscriber ${parsed.data.id}: the address belongs to another subscriber`);
    },

    async get(id) {
      return (await getVersioned(id))?.subscriber ?? null;
    },

    async getByEmail(email) {
      return (await getVersionedByEmail(email))?.subscriber ?? null;
    },

    getVersioned,
    getVersionedByEmail,

    async listActive() {
      const items = await queryAll(client, {
        TableName: table,
        IndexName: SUBSCRIBERS_BY_STATUS,
        KeyConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': { S: 'active' } },
      });
      return parseItems(StoredSubscriberSchema, table, items, KEY, options.onCorruptItem);
    },

    async setStatus(id, status, now) {
      const { subscriber } = await mustGet(id);
      // Acts on the address: a row an old race left beside this one stops (or starts) with it.
      const rows = await queryAll(client, {
        TableName: table,
        IndexName: SUBSCRIBERS_BY_EMAIL,
        KeyConditionExpression: 'email = :email',
        ExpressionAttributeValues: { ':email': { S: subscriber.email } },
        ProjectionExpression: 'id',
      });
      const ids = new Set([subscriber.id, ...rows.flatMap((row) => (row['id']?.S === undefined ? [] : [row['id'].S]))]);
      const values = { status: SubscriberStatusSchema.parse(status), updatedAt: now.toISOString() };
      // Only a pending record expires: any other status is a choice (or a suppression) to keep.
      const keep = values.status !== 'pending';
      for (const each of ids) await update(each, values, ['stateVersion'], keep);
      if (keep) await keepAddress(subscriber.email);
    },

    async confirm(id, version, consent, now) {
      const checked = ConsentSchema.parse(consent);
      const item = await getItem(id);
      const email = item?.['email']?.S;
      if (email === undefined) return false;
      const versionCondition = version === 0 ? '(attribute_not_exists(stateVersion) OR stateVersion = :v)' : 'stateVersion = :v';
      try {
        // The subscriber and its address item lose their expiry in the same transaction that confirms.
        const outcome = await transactWrite(client, [
          {
            Update: {
              TableName: table,
              Key: { id: { S: id } },
              UpdateExpression: 'SET #status = :active, consent = :consent, updatedAt = :now, stateVersion = :next REMOVE #ttl',
              ConditionExpression: `${IS_SUBSCRIBER} AND #status IN (:pending, :unsubscribed) AND ${versionCondition}`,
              ExpressionAttributeNames: { '#status': 'status', ...TTL_NAMES },
              ExpressionAttributeValues: {
                ':active': { S: 'active' },
                ':pending': { S: 'pending' },
                ':unsubscribed': { S: 'unsubscribed' },
                ':consent': toAttribute(checked),
                ':now': { S: now.toISOString() },
                ':v': { N: String(version) },
                ':next': { N: String(version + 1) },
              },
            },
          },
          {
            Update: {
              TableName: table,
              Key: { id: { S: addressKey(email) } },
              UpdateExpression: 'REMOVE #ttl',
              ConditionExpression: 'subscriberId = :id',
              ExpressionAttributeNames: TTL_NAMES,
              ExpressionAttributeValues: { ':id': { S: id } },
            },
          },
        ]);
        return outcome === 'committed';
      } catch (error) {
        throw new StoreError(`could not confirm subscriber ${id}`, { cause: error });
      }
    },

    async extendPending(subscriber, now) {
      const ttl = { ':ttl': { N: String(pendingExpiry(now)) } };
      // Conditional on both items: only a pending subscriber that still holds its address is extended.
      const outcome = await transactWrite(client, [
        {
          Update: {
            TableName: table,
            Key: { id: { S: subscriber.id } },
            UpdateExpression: 'SET #ttl = :ttl',
            ConditionExpression: `${IS_SUBSCRIBER} AND #status = :pending`,
            ExpressionAttributeNames: { '#status': 'status', ...TTL_NAMES },
            ExpressionAttributeValues: { ...ttl, ':pending': { S: 'pending' } },
          },
        },
        {
          Update: {
            TableName: table,
            Key: { id: { S: addressKey(subscriber.email) } },
            UpdateExpression: 'SET #ttl = :ttl',
            ConditionExpression: 'subscriberId = :id',
            ExpressionAttributeNames: TTL_NAMES,
            ExpressionAttributeValues: { ...ttl, ':id': { S: subscriber.id } },
          },
        },
      ]);
      return outcome === 'committed';
    },

    async updatePreferences(id, preferences, now) {
      const parsed = LocatedPreferencesSchema.safeParse(preferences);
      if (!parsed.success) throw new StoreError(`preferences for subscriber ${id} are invalid`, { cause: parsed.error });
      await update(id, { ...parsed.data, updatedAt: now.toISOString() }, []);
    },

    async delete(id) {
      const { subscriber } = await mustGet(id);
      await transactWrite(client, [
        { Delete: { TableName: table, Key: { id: { S: subscriber.id } } } },
        {
          Delete: {
            TableName: table,
            Key: { id: { S: addressKey(subscriber.email) } },
            ConditionExpression: 'attribute_not_exists(id) OR subscriberId = :id',
            ExpressionAttributeValues: { ':id': { S: subscriber.id } },
          },
        },
      ]);
    },

    async renewCalendar(id, now) {
      const updated = await update(id, { updatedAt: now.toISOString() }, ['calendarGeneration']);
      return z.coerce.number().int().min(1).parse(updated.calendarGeneration?.N);
    },

    async annotate(id, values, now) {
      const parsed = AnnotationsSchema.parse(values);
      await update(id, { ...parsed, updatedAt: now.toISOString() }, []);
    },

    async erase(id, now) {
      const { subscriber } = await mustGet(id);
      await eraseSubscriber(client, table, subscriber, now);
    },

    suppressErased: (email, now) => suppressErasedAddress(client, table, email, now),
    isErasedSuppressed: (email) => isErasedAddressSuppressed(client, table, email),

    async ping() {
      // A read of a key that never exists: proves the table answers, with read rights only.
      await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: '#health' } } }));
    },
  };
}

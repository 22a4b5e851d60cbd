/**
 * The three kinds of item the subscribers table holds, and the helpers that write them. Besides the
 * subscriber itself (key: its id) there is one address item per normalised address (key
 * `addr#<email>`), written in the same transaction as the subscriber with `attribute_not_exists`, so
 * the address is the thing two racing signups contend for; and, after a merge of old duplicates, an
 * alias item (key: the merged id) that points old links at the subscriber that was kept. Only
 * subscriber items carry `email` and `status`, so only they appear in the byEmail and byStatus indexes.
 */
import {
  TransactionCanceledException,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as delay } from 'node:timers/promises';
import * as z from 'zod';
import { SubscriberSchema, migrateInterestLabels, type Subscriber } from '../model/subscriber';
import { fromItem, toAttribute, type PlainValue } from './attribute-value';
import { lazySchema } from '../model/lazy-schema';

/** The key of the item that holds an address. */
export function addressKey(normalisedEmail: string): string {
  return `addr#${normalisedEmail}`;
}

export const AddressItemSchema = lazySchema(() => z.object({ id: z.string().startsWith('addr#'), subscriberId: z.string().regex(/^[0-9a-f]{32}$/) }));
export const AliasItemSchema = lazySchema(() => z.object({ id: z.string().regex(/^[0-9a-f]{32}$/), mergedInto: z.string().regex(/^[0-9a-f]{32}$/) }));

/**
 * A subscriber item: the subscriber and its state version (absent on items from before versions: 0).
 * Fields of interest stored by label among the interests are migrated on read.
 */
export const SubscriberItemSchema = lazySchema(() => z.preprocess(migrateInterestLabels, SubscriberSchema.extend({ stateVersion: z.number().int().nonnegative().default(0) })));

export function parseAddressItem(item: Record<string, AttributeValue> | undefined): string | null {
  if (item === undefined) return null;
  const parsed = AddressItemSchema.safeParse(fromItem(item));
  return parsed.success ? parsed.data.subscriberId : null;
}

export function parseAliasItem(item: Record<string, AttributeValue>): string | null {
  const parsed = AliasItemSchema.safeParse(fromItem(item));
  return parsed.success && !('email' in item) ? parsed.data.mergedInto : null;
}

/** An UpdateItem-style `SET a = :a, …` over `values`, with placeholder maps. */
export function setExpression(values: Record<string, PlainValue>, prefix = 'f'): {
  expression: string;
  names: Record<string, string>;
  values: Record<string, AttributeValue>;
} {
  const names: Record<string, string> = {};
  const attributeValues: Record<string, AttributeValue> = {};
  const assignments = Object.entries(values).map(([field, value], index) => {
    names[`#${prefix}${index}`] = field;
    attributeValues[`:${prefix}${index}`] = toAttribute(value);
    return `#${prefix}${index} = :${prefix}${index}`;
  });
  return { expression: assignments.join(', '), names, values: attributeValues };
}

/** The subscriber as plain attributes, for a SET (the key is set by the item's Key). */
export function subscriberValues(subscriber: Subscriber): Record<string, PlainValue> {
  const values: Record<string, PlainValue> = {};
  for (const [field, value] of Object.entries(SubscriberSchema.parse(subscriber))) {
    if (field !== 'id') values[field] = value;
  }
  return values;
}

/** How a transaction ended: committed, or cancelled because a condition failed. */
export type TransactionOutcome = 'committed' | 'condition-failed';

/**
 * Runs a TransactWriteItems. Transactions that collide with another on the same item are cancelled
 * with `TransactionConflict`, which says nothing about the conditions: those are tried again (with a
 * short random wait) until one commits or a condition fails.
 */
export async function transactWrite(client: DynamoDBClient, items: TransactWriteItem[], attempts = 10): Promise<TransactionOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return 'committed';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
      if (codes.includes('ConditionalCheckFailed')) return 'condition-failed';
      const retryable = codes.some((code) => code === 'TransactionConflict') || codes.length === 0;
      if (!retryable || attempt >= attempts) throw error;
      await delay(Math.random() * 10 * attempt);
    }
  }
}

/**
 * What "delete my data" leaves in the subscribers table: one item per erased address, keyed by a
 * hash of the normalised address (`gone#<sha256>`), holding only whether the address is suppressed.
 * The address itself is gone, so a re-sign-up is a new address; the hash still lets a late bounce or
 * complaint mark it suppressed, and a suppressed hash keeps signup mail away from it (SEC-05).
 * Gone items have no `email` or `status`, so they appear in neither index.
 */
import { ConditionalCheckFailedException, GetItemCommand, UpdateItemCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { EmailSchema, type Subscriber } from '../model/subscriber';
import { fromItem } from './attribute-value';
import { StoreError } from './errors';
import { addressKey, transactWrite } from './subscriber-items';
import { lazySchema } from '../model/lazy-schema';

/** The key of an erased address's item: a domain-separated sha256 of the normalised address. */
export function erasedKey(normalisedEmail: string): string {
  return `gone#${createHash('sha256').update(`netmix-erased:${normalisedEmail}`).digest('hex')}`;
}

const GoneItemSchema = lazySchema(() => z.object({ id: z.string().startsWith('gone#'), suppressed: z.boolean() }));

/** The transaction that erases `subscriber`: its item, its address item, and the gone item's upsert. */
export async function eraseSubscriber(client: DynamoDBClient, table: string, subscriber: Subscriber, now: Date): Promise<void> {
  const wasSuppressed = subscriber.status === 'suppressed';
  const items: TransactWriteItem[] = [
    {
      Delete: {
        TableName: table,
        Key: { id: { S: subscriber.id } },
        ConditionExpression: 'email = :email',
        ExpressionAttributeValues: { ':email': { S: subscriber.email } },
      },
    },
    {
      Delete: {
        TableName: table,
        Key: { id: { S: addressKey(subscriber.email) } },
        ConditionExpression: 'attribute_not_exists(id) OR subscriberId = :id',
        ExpressionAttributeValues: { ':id': { S: subscriber.id } },
      },
    },
    {
      // A suppressed address stays suppressed however often it is erased; otherwise keep what was there.
      Update: {
        TableName: table,
        Key: { id: { S: erasedKey(subscriber.email) } },
        UpdateExpression: wasSuppressed ? 'SET suppressed = :yes, erasedAt = :now' : 'SET suppressed = if_not_exists(suppressed, :no), erasedAt = :now',
        ExpressionAttributeValues: { ...(wasSuppressed ? { ':yes': { BOOL: true } } : { ':no': { BOOL: false } }), ':now': { S: now.toISOString() } },
      },
    },
  ];
  const outcome = await transactWrite(client, items);
  if (outcome !== 'committed') throw new StoreError(`subscriber ${subscriber.id} changed while being erased`);
}

/** Marks the erased address `email` suppressed; false when no gone item exists for it. */
export async function suppressErasedAddress(client: DynamoDBClient, table: string, email: string, now: Date): Promise<boolean> {
  const normalised = EmailSchema.safeParse(email);
  if (!normalised.success) return false;
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: erasedKey(normalised.data) } },
        UpdateExpression: 'SET suppressed = :yes, suppressedAt = :now',
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeValues: { ':yes': { BOOL: true }, ':now': { S: now.toISOString() } },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw new StoreError('could not suppress an erased address', { cause: error });
  }
}

/** Whether the erased address `email` is marked suppressed. */
export async function isErasedAddressSuppressed(client: DynamoDBClient, table: string, email: string): Promise<boolean> {
  const normalised = EmailSchema.safeParse(email);
  if (!normalised.success) return false;
  const output = await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: erasedKey(normalised.data) } }, ConsistentRead: true }));
  if (output.Item === undefined) return false;
  const parsed = GoneItemSchema.safeParse(fromItem(output.Item));
  // An unreadable gone item errs on the side of not mailing.
  return parsed.success ? parsed.data.suppressed : true;
}

/**
 * One-off repair of a subscribers table written before addresses were keys: finds subscribers that
 * share a normalised address, keeps one per address with the most protective status among them
 * (suppressed > unsubscribed > active > pending), turns the others into aliases of it (so their old
 * unsubscribe links still act on the address), and writes the address item of every subscriber.
 * Safe to run again: a clean table costs reads only.
 */
import { PutItemCommand, ScanCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Subscriber, SubscriberStatus } from '../model/subscriber';
import { fromItem } from './attribute-value';
import { StoreError, type CorruptItemReporter } from './errors';
import { parseItems } from './parse-item';
import { SubscriberItemSchema, addressKey, parseAddressItem } from './subscriber-items';

/** Higher protects the address owner more: a merge keeps the highest. */
const PROTECTION: Record<SubscriberStatus, number> = { pending: 0, active: 1, unsubscribed: 2, suppressed: 3 };

/** What a migration did. */
export interface MigrationReport {
  subscribers: number;
  addresses: number;
  /** Subscribers merged into another of the same address (now aliases). */
  merged: number;
  /** Address items written (missing or pointing elsewhere); with `dryRun`, those that would be. */
  addressItemsWritten: number;
  /** Each address that had duplicates: the row kept (and its status) and the ids merged into it. */
  merges: { keptId: string; keptStatus: SubscriberStatus; mergedIds: string[] }[];
}

type Row = Subscriber & { stateVersion: number };

/** Orders one address's rows: the one to keep first (most protective status, then the oldest). */
export function survivorFirst(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => PROTECTION[b.status] - PROTECTION[a.status] || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

async function scanAll(client: DynamoDBClient, table: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/** Merges duplicate subscribers of `table` and writes the missing address items; see the module comment. */
export async function mergeDuplicateSubscribers(
  client: DynamoDBClient,
  table: string,
  options: { now: Date; onCorruptItem: CorruptItemReporter; /** Report what would change; write nothing. */ dryRun?: boolean },
): Promise<MigrationReport> {
  const write = options.dryRun !== true;
  const items = await scanAll(client, table);
  const owners = new Map<string, string>();
  for (const item of items) {
    const owner = parseAddressItem(item);
    const key = fromItem(item)['id'];
    if (owner !== null && typeof key === 'string') owners.set(key, owner);
  }
  const rows = parseItems(SubscriberItemSchema, table, items.filter((item) => 'email' in item), ['id'], options.onCorruptItem);
  const byAddress = new Map<string, Row[]>();
  for (const row of rows) byAddress.set(row.email, [...(byAddress.get(row.email) ?? []), row]);

  const report: MigrationReport = { subscribers: rows.length, addresses: byAddress.size, merged: 0, addressItemsWritten: 0, merges: [] };
  for (const [email, group] of byAddress) {
    const [keep, ...others] = survivorFirst(group);
    if (!keep) continue;
    // The address item first: from then on no signup can add another row for the address.
    if (owners.get(addressKey(email)) !== keep.id) {
      if (write) await client.send(new PutItemCommand({ TableName: table, Item: { id: { S: addressKey(email) }, subscriberId: { S: keep.id } } }));
      report.addressItemsWritten += 1;
    }
    if (others.length === 0) continue;
    report.merges.push({ keptId: keep.id, keptStatus: keep.status, mergedIds: others.map((other) => other.id) });
    if (!write) {
      report.merged += others.length;
      continue;
    }
    // Every version any row of the address had is now void: no confirm link of a merged row, nor one
    // of the kept row from before the merge, may change the merged state.
    const version = Math.max(...group.map((row) => row.stateVersion)) + 1;
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: keep.id } },
        UpdateExpression: 'SET stateVersion = :v, updatedAt = :now',
        ConditionExpression: 'attribute_exists(email)',
        ExpressionAttributeValues: { ':v': { N: String(version) }, ':now': { S: options.now.toISOString() } },
      }),
    );
    for (const other of others) {
      try {
        // The merged row becomes an alias in one conditional write, so its history cannot be half gone.
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: { id: { S: other.id }, mergedInto: { S: keep.id } },
            ConditionExpression: 'email = :email',
            ExpressionAttributeValues: { ':email': { S: email } },
          }),
        );
      } catch (error) {
        throw new StoreError(`could not merge subscriber ${other.id} into ${keep.id}`, { cause: error });
      }
      report.merged += 1;
    }
  }
  return report;
}

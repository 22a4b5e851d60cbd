/**
 * The operator's reads that the domain ports do not need: subscribers of one status (the byStatus
 * index, never a scan) and one week's deliveries (a Scan of the deliveries table filtered by week:
 * weekly, by the operator only; see ACCESS-PATTERNS.md).
 */
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { InstantSchema } from '../model/common';
import { SubscriberSchema, type Subscriber, type SubscriberStatus } from '../model/subscriber';
import type { WeekDelivery } from '../ops/report';
import { IsoWeekSchema } from './dynamo-delivery-store';
import { parseItems } from './parse-item';
import { queryAll } from './query-all';
import type { ResolvedStoreOptions } from './store-options';
import { SUBSCRIBERS_BY_STATUS } from './tables';
import { lazySchema } from '../model/lazy-schema';

const WeekDeliveryItemSchema = lazySchema(() => z.object({
  subscriberId: z.string().regex(/^[0-9a-f]{32}$/),
  isoWeek: IsoWeekSchema,
  events: z.array(z.object({ id: z.string() })),
  messageId: z.string().optional(),
  claimedAt: InstantSchema,
  leaseUntil: InstantSchema.optional(),
}));

/** Reads for the operator's report and the `subscribers` / `deliveries` commands. */
export interface OpsReads {
  listSubscribersByStatus(status: SubscriberStatus): Promise<Subscriber[]>;
  /** The week's delivery items, without the table's non-subscriber items (`#send-rate`, `#tally`). */
  listDeliveriesOfWeek(isoWeek: string): Promise<WeekDelivery[]>;
}

/** The DynamoDB {@link OpsReads} over the subscribers and deliveries tables. */
export function createDynamoOpsReads(client: DynamoDBClient, tables: { subscribers: string; deliveries: string }, options: ResolvedStoreOptions): OpsReads {
  return {
    async listSubscribersByStatus(status) {
      const items = await queryAll(client, {
        TableName: tables.subscribers,
        IndexName: SUBSCRIBERS_BY_STATUS,
        KeyConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': { S: status } },
      });
      return parseItems(SubscriberSchema, tables.subscribers, items, ['id'], options.onCorruptItem);
    },
    async listDeliveriesOfWeek(isoWeek) {
      const week = IsoWeekSchema.parse(isoWeek);
      const items: Record<string, AttributeValue>[] = [];
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: tables.deliveries,
            // `#…` keys are the shared send rate and the week tallies, not deliveries.
            FilterExpression: 'isoWeek = :week AND NOT begins_with(subscriberId, :internal)',
            ExpressionAttributeValues: { ':week': { S: week }, ':internal': { S: '#' } },
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined);
      return parseItems(WeekDeliveryItemSchema, tables.deliveries, items, ['subscriberId', 'isoWeek'], options.onCorruptItem).map((item) => ({
        subscriberId: item.subscriberId,
        eventIds: item.events.map((event) => event.id),
        messageId: item.messageId ?? null,
        claimedAt: item.claimedAt,
        leaseUntil: item.leaseUntil ?? null,
      }));
    },
  };
}

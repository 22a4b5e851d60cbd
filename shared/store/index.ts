import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DeliveryArchive, DeliveryStore, EventStore, FeedbackStore, SourceStateStore, SubscriberStore } from '../ports';
import { createDynamoFeedbackStore } from './dynamo-feedback-store';
import { createDynamoDeliveryStore } from './dynamo-delivery-store';
import { createDynamoEventStore } from './dynamo-event-store';
import { createDynamoSourceStateStore } from './dynamo-source-state-store';
import { createDynamoSubscriberStore } from './dynamo-subscriber-store';
import { resolveStoreOptions, type DynamoStoreOptions } from './store-options';
import { TableNamesSchema, type TableNames } from './tables';

export { createTables, tableNamesWithPrefix, TableNamesSchema, type TableNames } from './tables';
export { StoreError, CorruptItemError, warnCorruptItem, type CorruptItemReporter } from './errors';
export { SubscriberNotFoundError, AddressTakenError } from './dynamo-subscriber-store';
export { createDynamoSignupLimiter } from './dynamo-signup-limiter';
export { createDynamoFeedbackStore, FeedbackEntrySchema } from './dynamo-feedback-store';
export { mergeDuplicateSubscribers, type MigrationReport } from './subscriber-migration';
export type { DynamoStoreOptions } from './store-options';
export type { BatchRetryOptions } from './batch-write';

/** The five stores (the limits table has its own adapter, `createDynamoSignupLimiter`). */
export interface DynamoStores {
  events: EventStore;
  sources: SourceStateStore;
  subscribers: SubscriberStore;
  deliveries: DeliveryStore & DeliveryArchive;
  feedback: FeedbackStore;
}

/** The DynamoDB adapters of the store ports, over one client (passed in, built once at the edge). */
export function createDynamoStores(client: DynamoDBClient, tableNames: TableNames, options?: DynamoStoreOptions): DynamoStores {
  const names = TableNamesSchema.parse(tableNames);
  const resolved = resolveStoreOptions(options);
  return {
    events: createDynamoEventStore(client, names.events, resolved),
    sources: createDynamoSourceStateStore(client, names.sources, resolved),
    subscribers: createDynamoSubscriberStore(client, names.subscribers, resolved),
    deliveries: createDynamoDeliveryStore(client, names.deliveries),
    feedback: createDynamoFeedbackStore(client, names.feedback, resolved),
  };
}

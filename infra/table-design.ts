import type { TableDesign, TableRole } from './constructs/tables';

/** Keys, indexes and TTL attributes of the four tables; must match what `shared/store` reads and writes. */
export const TABLE_DESIGN: Record<TableRole, TableDesign> = {
  events: {
    partitionKey: { name: 'id', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
    globalSecondaryIndexes: [
      { indexName: 'bySource', partitionKey: { name: 'sourceId', type: 'S' }, sortKey: { name: 'start', type: 'S' } },
      { indexName: 'byStartMonth', partitionKey: { name: 'startMonth', type: 'S' }, sortKey: { name: 'startDate', type: 'S' } },
    ],
  },
  sources: { partitionKey: { name: 'sourceId', type: 'S' }, globalSecondaryIndexes: [] },
  subscribers: {
    partitionKey: { name: 'id', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
    globalSecondaryIndexes: [
      { indexName: 'byEmail', partitionKey: { name: 'email', type: 'S' } },
      { indexName: 'byStatus', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'id', type: 'S' } },
    ],
  },
  deliveries: {
    partitionKey: { name: 'subscriberId', type: 'S' },
    sortKey: { name: 'isoWeek', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
    globalSecondaryIndexes: [],
  },
};

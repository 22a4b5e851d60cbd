import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { StoreError } from './errors';
import { lazySchema } from '../model/lazy-schema';

/** DynamoDB wants 3–255 characters of [a-zA-Z0-9_.-]. */
const TableNameSchema = lazySchema(() => z.string().regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'a DynamoDB table name: 3–255 of a-z A-Z 0-9 _ . -'));

/** The six table names; deployments and tests choose them (tests with a random prefix). */
export const TableNamesSchema = lazySchema(() => z.object({
  events: TableNameSchema,
  sources: TableNameSchema,
  subscribers: TableNameSchema,
  deliveries: TableNameSchema,
  /** Signup limit counters (per address, per client, global), expired by TTL. */
  limits: TableNameSchema,
  /** Subscribers' feedback: one item per (subscriber, event). */
  feedback: TableNameSchema,
}));
export type TableNames = z.infer<typeof TableNamesSchema>;

/** Index and attribute names, shared by the stores and `createTables` (see ACCESS-PATTERNS.md). */
export const EVENTS_BY_DAY = 'byDay';
export const EVENTS_BY_SOURCE = 'bySource';
export const SUBSCRIBERS_BY_EMAIL = 'byEmail';
export const SUBSCRIBERS_BY_STATUS = 'byStatus';
export const TTL_ATTRIBUTE = 'ttl';
/** The feedback table's index by ISO week of recording, for the operator's counts. */
export const FEEDBACK_BY_WEEK = 'byWeek';
/** The limits table's partition key: `<limit>#<counted key>#<window>`. */
export const LIMITS_KEY = 'key';

/** `<prefix>-events`, `<prefix>-sources`, … */
export function tableNamesWithPrefix(prefix: string): TableNames {
  return TableNamesSchema.parse({
    events: `${prefix}-events`,
    sources: `${prefix}-sources`,
    subscribers: `${prefix}-subscribers`,
    deliveries: `${prefix}-deliveries`,
    limits: `${prefix}-limits`,
    feedback: `${prefix}-feedback`,
  });
}

/** The CreateTable inputs; the CDK stack declares the same keys and indexes. */
export function tableDefinitions(names: TableNames): { input: CreateTableCommandInput; ttl: boolean }[] {
  const onDemand = { BillingMode: 'PAY_PER_REQUEST' } as const;
  return [
    {
      ttl: true,
      input: {
        ...onDemand,
        TableName: names.events,
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'day', AttributeType: 'S' },
          { AttributeName: 'sourceId', AttributeType: 'S' },
          { AttributeName: 'startId', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: EVENTS_BY_DAY,
            KeySchema: [
              { AttributeName: 'day', KeyType: 'HASH' },
              { AttributeName: 'startId', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: EVENTS_BY_SOURCE,
            KeySchema: [
              { AttributeName: 'sourceId', KeyType: 'HASH' },
              { AttributeName: 'startId', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    },
    {
      ttl: false,
      input: {
        ...onDemand,
        TableName: names.sources,
        AttributeDefinitions: [{ AttributeName: 'sourceId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'sourceId', KeyType: 'HASH' }],
      },
    },
    {
      // Pending subscribers (and their address items) expire: see PENDING_RETENTION_DAYS.
      ttl: true,
      input: {
        ...onDemand,
        TableName: names.subscribers,
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'email', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: SUBSCRIBERS_BY_EMAIL,
            KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: SUBSCRIBERS_BY_STATUS,
            KeySchema: [
              { AttributeName: 'status', KeyType: 'HASH' },
              { AttributeName: 'id', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    },
    {
      ttl: false,
      input: {
        ...onDemand,
        TableName: names.deliveries,
        AttributeDefinitions: [
          { AttributeName: 'subscriberId', AttributeType: 'S' },
          { AttributeName: 'isoWeek', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'subscriberId', KeyType: 'HASH' },
          { AttributeName: 'isoWeek', KeyType: 'RANGE' },
        ],
      },
    },
    {
      ttl: true,
      input: {
        ...onDemand,
        TableName: names.limits,
        AttributeDefinitions: [{ AttributeName: LIMITS_KEY, AttributeType: 'S' }],
        KeySchema: [{ AttributeName: LIMITS_KEY, KeyType: 'HASH' }],
      },
    },
    {
      ttl: false,
      input: {
        ...onDemand,
        TableName: names.feedback,
        AttributeDefinitions: [
          { AttributeName: 'subscriberId', AttributeType: 'S' },
          { AttributeName: 'eventId', AttributeType: 'S' },
          { AttributeName: 'week', AttributeType: 'S' },
          { AttributeName: 'atKey', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'subscriberId', KeyType: 'HASH' },
          { AttributeName: 'eventId', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: FEEDBACK_BY_WEEK,
            KeySchema: [
              { AttributeName: 'week', KeyType: 'HASH' },
              { AttributeName: 'atKey', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    },
  ];
}

/**
 * Creates the six tables if they do not exist, waits until each is ACTIVE and turns TTL on where
 * used (except on the tables named in `ttlOff`). Safe to run again. For local runs and tests; on
 * AWS the CDK stack owns the tables. DynamoDB Local deletes expired items by the machine's clock, so
 * tests whose clocks are set in the machine's past turn the subscribers table's TTL off.
 */
export async function createTables(client: DynamoDBClient, names: TableNames, options: { ttlOff?: readonly string[] } = {}): Promise<void> {
  const checked = TableNamesSchema.parse(names);
  await Promise.all(
    tableDefinitions(checked).map(async ({ input, ttl }) => {
      const tableName = input.TableName ?? '';
      try {
        await client.send(new CreateTableCommand(input));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) {
          throw new StoreError(`could not create table ${tableName}`, { cause: error });
        }
      }
      await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1, maxDelay: 5 }, { TableName: tableName });
      if (ttl && !(options.ttlOff ?? []).includes(tableName)) await enableTtl(client, tableName);
    }),
  );
}

/** Turns TTL on (attribute `ttl`) for `tableName`, unless it is already on. */
export async function enableTtl(client: DynamoDBClient, tableName: string): Promise<void> {
  const described = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = described.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
}

import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoStores, StoreError } from '../../../shared/store';
import { createLocalDynamoClient } from '../../../shared/local/aws-clients';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { makeEvent } from './event-fixtures';

const NOW = new Date('2025-10-20T12:00:00.000Z');

let services: LocalServices;
beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

function isWriteRequests(value: unknown): value is WriteRequest[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && 'PutRequest' in entry);
}

/**
 * FAULT INJECTION: DynamoDB Local never throttles, so it cannot return UnprocessedItems on demand.
 * This middleware on a real client sends only the first half of a BatchWriteItem to DynamoDB Local
 * and hands the other half back as UnprocessedItems, the shape DynamoDB uses, for the first
 * `faults` calls. Everything that is written is written by DynamoDB Local.
 */
function clientWithUnprocessedItems(endpoint: string, table: string, faults: number): { client: DynamoDBClient; calls: number[] } {
  const client = createLocalDynamoClient(endpoint);
  const calls: number[] = [];
  let left = faults;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand' || !('RequestItems' in args.input)) return next(args);
      const requests = args.input.RequestItems?.[table];
      if (!isWriteRequests(requests)) return next(args);
      calls.push(requests.length);
      if (left === 0) return next(args);
      left--;
      const half = Math.floor(requests.length / 2);
      const result = await next({ ...args, input: { ...args.input, RequestItems: { [table]: requests.slice(0, half) } } });
      if ('UnprocessedItems' in result.output) result.output.UnprocessedItems = { [table]: requests.slice(half) };
      return result;
    },
    { step: 'initialize', name: 'injectUnprocessedItems' },
  );
  return { client, calls };
}

describe('BatchWriteItem UnprocessedItems', () => {
  it('retries with growing backoff until every item is written', async () => {
    const { client, calls } = clientWithUnprocessedItems(services.dynamoEndpoint, services.tableNames.events, 2);
    const delays: number[] = [];
    const stores = createDynamoStores(client, services.tableNames, {
      clock: { now: () => NOW },
      batchRetry: { sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      }, baseDelayMs: 50 },
    });
    // 30 events on 2025-11-0x 18:00 EST (−5) = 23:00Z: one chunk of 25 and one of 5.
    const events = Array.from({ length: 30 }, (_, index) => {
      const day = String(1 + (index % 9)).padStart(2, '0');
      return makeEvent(`batch-${index}`, {
        start: `2025-11-${day}T23:00:00.000Z`,
        end: `2025-11-${day}T23:30:00.000Z`,
        startDate: `2025-11-${day}`,
      });
    });
    const stats = await stores.events.syncSourceEvents('batch', events, NOW);

    expect(stats).toEqual({ created: 30, updated: 0, unchanged: 0, removed: 0, itemWrites: 30 });
    // 25 → 12 written, 13 back; 13 → 6 written, 7 back; 7 written; then the chunk of 5.
    expect(calls).toEqual([25, 13, 7, 5]);
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? Infinity);
    const stored = await stores.events.listBySource('batch');
    expect(new Set(stored.map((entry) => entry.event.id))).toEqual(new Set(events.map((event) => event.id)));
  });

  it('gives up with a StoreError after the last attempt, keeping what was written', async () => {
    const { client } = clientWithUnprocessedItems(services.dynamoEndpoint, services.tableNames.events, 100);
    const stores = createDynamoStores(client, services.tableNames, {
      clock: { now: () => NOW },
      batchRetry: { sleep: () => Promise.resolve(), maxAttempts: 3 },
    });
    const events = Array.from({ length: 8 }, (_, index) =>
      makeEvent(`give-up-${index}`, { start: '2025-11-20T23:00:00.000Z', end: '2025-11-20T23:30:00.000Z', startDate: '2025-11-20' }),
    );
    const error = await stores.events.syncSourceEvents('give-up', events, NOW).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(String(error)).toMatch(/1 item\(s\) still unprocessed after 3 attempts/);
    // 8 → 4 written, 4 → 2, 2 → 1: seven items are in the table.
    expect(await stores.events.listBySource('give-up')).toHaveLength(7);
  });
});

import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESClient } from '@aws-sdk/client-ses';
import { inject } from 'vitest';
import { createLocalDynamoClient, createLocalSesClient } from '../../shared/local/aws-clients';
import { fetchSesStore, type StoredMail } from '../../shared/local/ses-local';
import { createTables, tableNamesWithPrefix, type TableNames } from '../../shared/store/tables';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local started by test/support/global-setup.ts. */
    dynamoEndpoint: string;
    /** Why DynamoDB Local was not started (no Java 17+), or null. */
    dynamoUnavailable: string | null;
    /** The local SES (aws-ses-v2-local behind its front) started by the global setup. */
    sesEndpoint: string;
  }
}

/** Clients for the run's local services and a fresh set of tables. */
export interface LocalServices {
  dynamo: DynamoDBClient;
  ses: SESClient;
  dynamoEndpoint: string;
  sesEndpoint: string;
  /** Names with a random prefix, created and ACTIVE: tests in different files never share data. */
  tableNames: TableNames;
  /** Every mail the local SES holds (shared by the whole run: filter by a unique subject). */
  fetchSesStore(): Promise<StoredMail[]>;
}

/** Hook timeout for `beforeAll(useLocalServices)`: the JVM may still be starting on a busy machine. */
export const LOCAL_SERVICES_TIMEOUT_MS = 120_000;

async function waitFor(what: string, probe: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await probe();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what} did not answer (see the global setup's error)`, { cause: error });
    }
    await delay(200);
  }
}

/**
 * Waits for the run's DynamoDB Local and local SES, then returns clients and freshly created
 * tables. Call it in `beforeAll` with `LOCAL_SERVICES_TIMEOUT_MS`.
 */
export async function useLocalServices(): Promise<LocalServices> {
  const unavailable = inject('dynamoUnavailable');
  if (unavailable !== null) throw new Error(unavailable);
  const dynamoEndpoint = inject('dynamoEndpoint');
  const sesEndpoint = inject('sesEndpoint');
  const dynamo = createLocalDynamoClient(dynamoEndpoint);
  const probe = createLocalDynamoClient(dynamoEndpoint, { maxAttempts: 1 });
  try {
    await Promise.all([
      waitFor('DynamoDB Local', () => probe.send(new ListTablesCommand({ Limit: 1 })), LOCAL_SERVICES_TIMEOUT_MS - 10_000),
      waitFor(
        'local SES',
        async () => {
          const response = await fetch(`${sesEndpoint}/health-check`);
          if (!response.ok) throw new Error(`health-check answered ${response.status}`);
        },
        LOCAL_SERVICES_TIMEOUT_MS - 10_000,
      ),
    ]);
  } finally {
    probe.destroy();
  }
  const tableNames = tableNamesWithPrefix(`t${randomBytes(6).toString('hex')}`);
  // The tests' clocks are often in the machine's past; DynamoDB Local would delete their pending
  // subscribers and their events (kept until some weeks after they end) by its own clock mid-test —
  // a calendar-feed test of the Nov 1 2026 DST change began failing once the machine's date passed
  // its events' expiry. The stores filter expired items by their own clock, which is what the tests
  // check (the pending-expiry test turns TTL on for its own table).
  await createTables(dynamo, tableNames, { ttlOff: [tableNames.subscribers, tableNames.events] });
  return {
    dynamo,
    ses: createLocalSesClient(sesEndpoint),
    dynamoEndpoint,
    sesEndpoint,
    tableNames,
    fetchSesStore: () => fetchSesStore(sesEndpoint),
  };
}

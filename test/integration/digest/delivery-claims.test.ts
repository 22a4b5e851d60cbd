/**
 * The DeliveryStore's claims against DynamoDB Local: a claim carries a lease; a claim whose lease
 * ran out without a message id can be taken over, a live or sent one cannot; only the holder may
 * complete or release; claims written before leases existed still expire.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryClaim } from '../../../shared/ports';
import { createDynamoStores, StoreError, type DynamoStores } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { hex32 } from '../store/event-fixtures';

let services: LocalServices;
let stores: DynamoStores;
beforeAll(async () => {
  services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames);
}, LOCAL_SERVICES_TIMEOUT_MS);

/** A claim at `at` with a 5-minute lease. */
function claim(subscriberId: string, isoWeek: string, at: string): DeliveryClaim {
  return {
    subscriberId,
    isoWeek,
    events: [{ id: hex32('e1'), contentHash: hex32('h1') }],
    claimedAt: at,
    leaseUntil: new Date(Date.parse(at) + 5 * 60_000).toISOString(),
  };
}

describe('DeliveryStore claims with a lease', () => {
  it('claims once, completes, refuses to release a sent digest and finds the previous one', async () => {
    const first = await stores.deliveries.claim(claim('sub-1', '2025-W43', '2025-10-20T11:00:00.000Z'));
    expect(first.status).toBe('claimed');
    if (first.status !== 'claimed') return;
    // 11:01Z is inside the lease (until 11:05Z): held.
    expect(await stores.deliveries.claim(claim('sub-1', '2025-W43', '2025-10-20T11:01:00.000Z'))).toEqual({ status: 'held', leaseUntil: '2025-10-20T11:05:00.000Z' });
    await stores.deliveries.complete('sub-1', '2025-W43', first.claimId, 'ses-123');
    await expect(stores.deliveries.release('sub-1', '2025-W43', first.claimId)).rejects.toBeInstanceOf(StoreError);
    // A sent week is never claimable again, however late.
    expect(await stores.deliveries.claim(claim('sub-1', '2025-W43', '2025-10-27T11:00:00.000Z'))).toEqual({ status: 'sent' });

    expect((await stores.deliveries.claim(claim('sub-1', '2025-W40', '2025-09-29T11:00:00.000Z'))).status).toBe('claimed');
    const w45 = await stores.deliveries.claim(claim('sub-1', '2025-W45', '2025-11-03T11:00:00.000Z'));
    if (w45.status !== 'claimed') throw new Error(`expected a claim, got ${w45.status}`);
    // A failed send releases its claim, so the week can be claimed again.
    await stores.deliveries.release('sub-1', '2025-W45', w45.claimId);
    expect((await stores.deliveries.claim(claim('sub-1', '2025-W45', '2025-11-03T11:00:01.000Z'))).status).toBe('claimed');

    expect(await stores.deliveries.previous('sub-1', '2025-W45')).toEqual({ ...claim('sub-1', '2025-W43', '2025-10-20T11:00:00.000Z'), messageId: 'ses-123' });
    expect(await stores.deliveries.previous('sub-1', '2025-W43')).toEqual({ ...claim('sub-1', '2025-W40', '2025-09-29T11:00:00.000Z'), messageId: null });
    expect(await stores.deliveries.previous('sub-1', '2025-W40')).toBeNull();
    expect(await stores.deliveries.previous('sub-2', '2025-W45')).toBeNull();
    const lookup = await stores.deliveries.lookup('sub-1', '2025-W43');
    expect([lookup.current?.messageId, lookup.previous?.isoWeek]).toEqual(['ses-123', '2025-W40']);
    expect(await stores.deliveries.lookup('sub-1', '2025-W42')).toMatchObject({ current: null, previous: { isoWeek: '2025-W40' } });
  });

  it('lets a later run take over an expired claim without a message id, and only then', async () => {
    const dead = await stores.deliveries.claim(claim('sub-3', '2025-W43', '2025-10-20T11:00:00.000Z'));
    if (dead.status !== 'claimed') throw new Error('expected a claim');
    // Lease until 11:05:00.000Z; 11:04:59.999Z is still inside it.
    expect((await stores.deliveries.claim(claim('sub-3', '2025-W43', '2025-10-20T11:04:59.999Z'))).status).toBe('held');
    const taken = await stores.deliveries.claim(claim('sub-3', '2025-W43', '2025-10-20T11:05:00.001Z'));
    expect(taken.status).toBe('taken-over');
    if (taken.status !== 'taken-over') return;
    // The dead run's claim id no longer holds it: it can neither record a send nor release.
    await expect(stores.deliveries.complete('sub-3', '2025-W43', dead.claimId, 'ses-zombie')).rejects.toBeInstanceOf(StoreError);
    await expect(stores.deliveries.release('sub-3', '2025-W43', dead.claimId)).rejects.toBeInstanceOf(StoreError);
    await stores.deliveries.complete('sub-3', '2025-W43', taken.claimId, 'ses-456');
    expect((await stores.deliveries.lookup('sub-3', '2025-W43')).current).toMatchObject({ messageId: 'ses-456', claimedAt: '2025-10-20T11:05:00.001Z' });
  });

  it('treats a claim written before leases as expired once older than a lease', async () => {
    // What the store wrote before leases: no leaseUntil, no claimId, no messageId.
    await services.dynamo.send(
      new PutItemCommand({
        TableName: services.tableNames.deliveries,
        Item: {
          subscriberId: { S: 'sub-4' },
          isoWeek: { S: '2025-W43' },
          events: { L: [] },
          claimedAt: { S: '2025-10-20T11:00:00.000Z' },
        },
      }),
    );
    expect(await stores.deliveries.claim(claim('sub-4', '2025-W43', '2025-10-20T11:03:00.000Z'))).toEqual({ status: 'held', leaseUntil: null });
    expect((await stores.deliveries.claim(claim('sub-4', '2025-W43', '2025-10-20T11:06:00.000Z'))).status).toBe('taken-over');
  });

  it('refuses a claim whose lease ends before it starts', async () => {
    await expect(stores.deliveries.claim({ ...claim('sub-5', '2025-W43', '2025-10-20T11:00:00.000Z'), leaseUntil: '2025-10-20T10:00:00.000Z' })).rejects.toBeInstanceOf(StoreError);
  });
});

/**
 * Subscribers stored before fields of interest had ids kept the ticked labels among their
 * `interests`; read back from DynamoDB Local they come out with `fields`, the free words kept.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { toItem } from '../../../shared/store/attribute-value';
import { addressKey } from '../../../shared/store/subscriber-items';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { subscriberFixture } from '../../unit/subscriptions/support/memory-ports';
import { hex32 } from './event-fixtures';

let services: LocalServices;
let stores: DynamoStores;
beforeAll(async () => {
  services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames);
}, LOCAL_SERVICES_TIMEOUT_MS);

/** An item as the store wrote it before issue 7: no `fields`, `pausedUntil` or `calendarGeneration`. */
async function putLegacy(key: string, email: string, interests: string[]): Promise<string> {
  const id = hex32(`legacy:${key}`);
  // Drop what the old store never wrote.
  const { fields, pausedUntil, calendarGeneration, ...current } = subscriberFixture({ id, email, status: 'active', interests, targetEmployers: ['Acme'] });
  expect({ fields, pausedUntil, calendarGeneration }).toEqual({ fields: [], pausedUntil: null, calendarGeneration: 0 });
  const record = { ...current, stateVersion: 3 };
  await services.dynamo.send(new PutItemCommand({ TableName: services.tableNames.subscribers, Item: { id: { S: addressKey(email) }, subscriberId: { S: id } } }));
  await services.dynamo.send(new PutItemCommand({ TableName: services.tableNames.subscribers, Item: toItem(record) }));
  return id;
}

describe('stored interests that were field labels', () => {
  it('become fields on get, getByEmail, getVersioned and listActive, keeping the free words and the version', async () => {
    const id = await putLegacy('hr', 'legacy.hr@example.com', ['Human resources', 'biotech', 'Technology']);
    const expected = { id, fields: ['human-resources', 'technology'], interests: ['biotech'], targetEmployers: ['Acme'], pausedUntil: null, calendarGeneration: 0 };
    expect(await stores.subscribers.get(id)).toMatchObject(expected);
    expect(await stores.subscribers.getByEmail('legacy.hr@example.com')).toMatchObject(expected);
    expect(await stores.subscribers.getVersioned(id)).toMatchObject({ subscriber: expected, version: 3 });
    expect((await stores.subscribers.listActive()).find((subscriber) => subscriber.id === id)).toMatchObject(expected);
  });

  it('leaves a record with only free words as it was', async () => {
    const id = await putLegacy('words', 'legacy.words@example.com', ['payroll', 'hr']);
    expect(await stores.subscribers.get(id)).toMatchObject({ fields: [], interests: ['payroll', 'hr'] });
  });

  it('stores the migrated shape on the next write, so reading it again gives the same', async () => {
    const id = await putLegacy('write', 'legacy.write@example.com', ['Healthcare', 'nursing']);
    const read = await stores.subscribers.get(id);
    expect(read).toMatchObject({ fields: ['healthcare'], interests: ['nursing'] });
    if (read === null) throw new Error('not found');
    await stores.subscribers.put({ ...read, radiusMiles: 30 });
    expect(await stores.subscribers.get(id)).toMatchObject({ fields: ['healthcare'], interests: ['nursing'], radiusMiles: 30 });
  });
});

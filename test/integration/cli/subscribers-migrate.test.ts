/**
 * `netmix subscribers migrate` against DynamoDB Local: duplicates written by hand as the store wrote
 * them before address items (plain PutItems), a dry run that changes nothing, the merge, and a second
 * run that finds nothing to do. The `--aws` path's table name comes from a CDK outputs file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { subscribersTableFromOutputs } from '../../../cli/subscribers-migrate';
import { createDynamoStores } from '../../../shared/store';
import { toItem } from '../../../shared/store/attribute-value';
import { subscriberFixture } from '../../unit/subscriptions/support/memory-ports';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';

let services: LocalServices;

beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

async function migrate(...flags: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(`ERR ${line}`), now: () => new Date('2026-12-01T20:00:00Z') };
  const code = await main(['subscribers', 'migrate', '--endpoint', services.dynamoEndpoint, '--table', services.tableNames.subscribers, ...flags], io);
  return { code, out };
}

const scanCount = async () => (await services.dynamo.send(new ScanCommand({ TableName: services.tableNames.subscribers, ConsistentRead: true }))).Items?.length ?? 0;

describe('netmix subscribers migrate', () => {
  it('prints the merges (ids, kept status), writes nothing on --dry-run, merges, and is idempotent', async () => {
    const email = 'dup-cli@example.com';
    const rows = [
      subscriberFixture({ id: 'a'.repeat(32), email, status: 'active', createdAt: '2026-10-01T12:00:00.000Z' }),
      subscriberFixture({ id: 'b'.repeat(32), email, status: 'suppressed', createdAt: '2026-10-05T12:00:00.000Z' }),
      subscriberFixture({ id: 'c'.repeat(32), email, status: 'pending', createdAt: '2026-10-02T12:00:00.000Z' }),
      subscriberFixture({ id: 'd'.repeat(32), email: 'alone-cli@example.com', status: 'active' }),
    ];
    for (const row of rows) await services.dynamo.send(new PutItemCommand({ TableName: services.tableNames.subscribers, Item: toItem(row) }));

    const dry = await migrate('--dry-run');
    expect(dry.code).toBe(0);
    // Suppressed is the most protective status, so b is kept although a is older.
    expect(dry.out[0]).toBe(`would merge ${'a'.repeat(32)}, ${'c'.repeat(32)} into ${'b'.repeat(32)} (kept status: suppressed)`);
    expect(dry.out.at(-1)).toBe('4 subscribers, 2 addresses: would merge 2 duplicate(s); 2 address item(s) to write');
    expect(await scanCount()).toBe(4);

    const done = await migrate();
    expect(done.code).toBe(0);
    expect(done.out[0]).toBe(`merged ${'a'.repeat(32)}, ${'c'.repeat(32)} into ${'b'.repeat(32)} (kept status: suppressed)`);
    expect(done.out.at(-1)).toBe('4 subscribers, 2 addresses: merged 2 duplicate(s); 2 address item(s) written');
    const stores = createDynamoStores(services.dynamo, services.tableNames);
    // The merged ids are aliases now: an old link of a resolves to the kept, suppressed row.
    expect(await stores.subscribers.get('a'.repeat(32))).toMatchObject({ id: 'b'.repeat(32), status: 'suppressed' });
    expect((await stores.subscribers.getByEmail(email))?.id).toBe('b'.repeat(32));

    const again = await migrate();
    expect(again.out).toEqual(['2 subscribers, 2 addresses: merged 0 duplicate(s); 0 address item(s) written']);
  });

  it('reads the deployed table name from the CDK outputs file, and says what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmix-outputs-'));
    const file = join(dir, 'cdk-outputs.json');
    writeFileSync(file, JSON.stringify({ NetmixStack: { SubscribersTable: 'NetmixStack-SubscribersABC-1XYZ', LinkOrigin: 'https://netmix.example.org' } }));
    expect(await subscribersTableFromOutputs(file, undefined)).toBe('NetmixStack-SubscribersABC-1XYZ');
    writeFileSync(file, JSON.stringify({ NetmixStack: { LinkOrigin: 'https://netmix.example.org' } }));
    await expect(subscribersTableFromOutputs(file, undefined)).rejects.toThrow(/no SubscribersTable output/);
    const missing = await main(['subscribers', 'migrate', '--aws', '--outputs', join(dir, 'absent.json')], { out: () => undefined, err: () => undefined, now: () => new Date() });
    expect(missing).toBe(1);
  });
});

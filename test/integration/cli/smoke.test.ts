/**
 * `netmix smoke` against the real subscription app served on 127.0.0.1 over DynamoDB Local and the
 * local SES: it passes with the app's key, and fails, saying why, with another key or no API.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../../cli/io';
import { main } from '../../../cli/main';
import { findFreePort } from '../../../shared/local/free-port';
import { runSmokeChecks } from '../../../shared/ops/smoke';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';
import { serveAppOverLocalServices, type ServedSubscriptionApp } from '../subscriptions/served-app';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), now: () => new Date('2026-11-22T12:00:00Z') };
}

describe('netmix smoke', () => {
  let app: ServedSubscriptionApp;
  let dir: string;

  beforeAll(async () => {
    app = await serveAppOverLocalServices(await useLocalServices());
    dir = await mkdtemp(join(tmpdir(), 'netmix-smoke-'));
  }, LOCAL_SERVICES_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
  });

  it('passes every check against an API that holds the same key, and changes no subscriber', async () => {
    const checks = await runSmokeChecks({ origin: app.url, keys: app.keys, now: app.clock.now(), allowHttp: true });
    expect(checks.map((check) => [check.name, check.ok])).toEqual([
      ['links are https', true],
      ['/health answers ok', true],
      ['a link signed with the deployment key opens', true],
      ['a forged link is refused', true],
    ]);
  });

  it('fails the signed-link check when the API holds another key (links would 404)', async () => {
    const other = { current: { id: app.keys.current.id, secret: 'f'.repeat(64) } };
    const checks = await runSmokeChecks({ origin: app.url, keys: other, now: app.clock.now(), allowHttp: true });
    const signed = checks.find((check) => check.name === 'a link signed with the deployment key opens');
    expect(signed?.ok).toBe(false);
    expect(signed?.detail).toContain('HTTP 404');
  });

  it('refuses plain http for a deployed origin', async () => {
    const checks = await runSmokeChecks({ origin: app.url, keys: app.keys, now: app.clock.now() });
    expect(checks[0]).toMatchObject({ name: 'links are https', ok: false });
  });

  it('runs from the command line with --origin and --key-file: exit 0, one line a check', async () => {
    const keyFile = join(dir, 'key.json');
    await writeFile(keyFile, JSON.stringify(app.keys.current));
    const io = capture();
    expect(await main(['smoke', '--origin', app.url, '--key-file', keyFile], io)).toBe(0);
    expect(io.stdout.filter((line) => line.startsWith('ok'))).toHaveLength(4);
    expect(io.stdout.at(-1)).toBe('all 4 checks passed');
  });

  it('exits 1 naming the failure when nothing answers on the origin', async () => {
    const keyFile = join(dir, 'key2.json');
    await writeFile(keyFile, JSON.stringify(app.keys.current));
    const io = capture();
    const origin = `http://127.0.0.1:${await findFreePort()}`;
    expect(await main(['smoke', '--origin', origin, '--key-file', keyFile], io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/FAIL {2}\/health answers ok — http:\/\/127\.0\.0\.1:\d+\/health: fetch failed/);
  });

  it('--aws explains how to write the outputs file, or which output is missing', async () => {
    const missing = capture();
    expect(await main(['smoke', '--aws', '--outputs', join(dir, 'nope.json')], missing)).toBe(1);
    expect(missing.stderr.join('\n')).toContain('--outputs-file');
    const old = join(dir, 'old-outputs.json');
    await writeFile(old, JSON.stringify({ 'Netmix-prod': { EventsTable: 'x' } }));
    const stale = capture();
    expect(await main(['smoke', '--aws', '--outputs', old], stale)).toBe(1);
    expect(stale.stderr.join('\n')).toContain('has no LinkOrigin or SigningKeySecretArn output');
  });
});

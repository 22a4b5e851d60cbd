/**
 * The bounded reader bundled as a Lambda is: esbuild ESM bundles with the handler's options, the
 * worker built as its own entry (`read-worker.mjs`) beside the bundle, run by plain `node` with no
 * TypeScript loader. Proves the worker is found and works once bundled (README "Bounded parsing").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ESM_REQUIRE_BANNER } from '../../../infra/constructs/netmix-function';
import { READ_WORKER_BUNDLE_FILE, READ_WORKER_SOURCE } from '../../../shared/sources/bounded-read';

const root = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const out = mkdtempSync(join(tmpdir(), 'netmix-bundle-'));

// A stand-in handler: reads a small page and a page that overruns a 200 ms deadline.
const handler = `
import { BoundedReader, OverBudgetError } from ${JSON.stringify(join(root, 'shared/sources/bounded-read.ts'))};
import { nestedNamedItems } from ${JSON.stringify(join(root, 'test/support/hostile-pages.ts'))};
const source = { id: 'bundle', name: 'Bundle', kind: 'association', audience: 'professional', timeZone: 'America/New_York' };
const options = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), defaultTimeZone: 'America/New_York' };
const reader = new BoundedReader();
const tight = new BoundedReader({ deadlineMs: 200 });
const page = '<html><body><div class="h-event"><span class="p-name">Bundled mixer</span><time class="dt-start" datetime="2026-11-02T19:00">x</time></div></body></html>';
const read = await reader.read(page, source, options);
let overBudget = null;
try { await tight.read(nestedNamedItems(10000), source, options); } catch (error) { overBudget = error instanceof OverBudgetError ? error.reason : String(error); }
await Promise.all([reader.close(), tight.close()]);
console.log(JSON.stringify({ title: read.events[0]?.title, start: read.events[0]?.start, overBudget }));
`;

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node22', banner: { js: ESM_REQUIRE_BANNER }, minify: true, logLevel: 'silent' } as const;

describe('the bounded reader in a Lambda-style bundle', () => {
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('finds read-worker.mjs beside the bundle and reads within budget with plain node', { timeout: 120_000 }, async () => {
    writeFileSync(join(out, 'entry.ts'), handler);
    await build({ ...common, entryPoints: [join(out, 'entry.ts')], outfile: join(out, 'index.mjs') });
    await build({ ...common, entryPoints: [join(root, READ_WORKER_SOURCE)], outfile: join(out, READ_WORKER_BUNDLE_FILE) });
    rmSync(join(out, 'entry.ts'));
    const output = execFileSync(process.execPath, [join(out, 'index.mjs')], { cwd: out, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    const line = z.object({ title: z.string(), start: z.string(), overBudget: z.string().nullable() }).parse(JSON.parse(output.trim()));
    // 2026-11-02 19:00 in New York is EST (DST ended Nov 1), UTC−5 → 2026-11-03T00:00Z.
    expect(line).toEqual({ title: 'Bundled mixer', start: '2026-11-03T00:00:00.000Z', overBudget: 'deadline' });
  });
});

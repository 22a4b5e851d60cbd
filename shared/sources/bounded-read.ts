/**
 * `readDocument` with a budget of time and memory: each document is read in a worker thread with
 * a heap limit (`resourceLimits`) and a deadline, so no feed or page can stall the ingest or take
 * the process down, whatever the parsers do with it. Workers are kept between documents (a cold
 * worker loads the parsers once) and replaced when one is stopped.
 *
 * Where the worker's code comes from: beside a bundle (a Lambda) it is `read-worker.mjs`, built
 * from `READ_WORKER_SOURCE` as its own esbuild entry into the bundle's folder (the bundler must add
 * it: see README "Bounded parsing"); from the TypeScript sources (tsx, vitest) it is
 * `read-worker.ts` with tsx's loader. The same file is looked up the same way in both cases:
 * relative to this module, whose `import.meta.url` is the bundle's own file once bundled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire as requireAt } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as z from 'zod';
import type { SourceContext } from '../model/source';
import type { ReadOptions, ReadResult } from './index';
import { UnknownDocumentError } from './index';
import type { ReadRequest } from './read-protocol';
import { WorkerMessageSchema } from './read-protocol';
import { lazySchema } from '../model/lazy-schema';

/** The worker's entry in the repository, for the bundler. */
export const READ_WORKER_SOURCE = 'shared/sources/read-worker.ts';
/** The worker's file name beside a bundle. */
export const READ_WORKER_BUNDLE_FILE = 'read-worker.mjs';

/** Which budget a document went over. */
export type OverBudgetReason = 'deadline' | 'memory' | 'limit';

/** A document went over its budget; nothing of it was read. */
export class OverBudgetError extends Error {
  override readonly name = 'OverBudgetError';
  constructor(
    readonly reason: OverBudgetReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Limits for {@link BoundedReader}. */
export interface ReadLimits {
  /** Longest one document may take to read, from when its worker starts on it. */
  deadlineMs: number;
  /** Heap a worker may use (old generation), in MB. */
  maxHeapMb: number;
  /** Workers at most; more documents wait their turn (their deadline starts when they get one). */
  poolSize: number;
  /** Longest a fresh worker may take to load the parsers. */
  startTimeoutMs: number;
}

/** A few seconds and a few hundred MB: two workers stay well inside a 1 GB Lambda. */
export const DEFAULT_READ_LIMITS: ReadLimits = { deadlineMs: 8_000, maxHeapMb: 256, poolSize: 2, startTimeoutMs: 30_000 };

/** Reads a document for a source, as `readDocument` does, or rejects. */
export type DocumentReader = (text: string, source: SourceContext, options: ReadOptions) => Promise<ReadResult>;

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

const TsxManifestSchema = lazySchema(() => z.object({ exports: z.object({ './esm/api': z.object({ import: z.object({ default: z.string() }) }) }) }));

/** tsx's ESM API module (`tsx/esm/api`, import condition), as a file URL. */
function tsxEsmApi(): string {
  const manifestPath = requireAt(import.meta.url).resolve('tsx/package.json');
  const manifest = TsxManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api'].import.default)).href;
}

/**
 * The worker's entry. Beside a bundle: its own file. From TypeScript sources: Node 20 does not run a
 * worker's entry through `--import` hooks, so a two-line module registers tsx in the worker and then
 * imports `read-worker.ts`.
 */
function workerEntry(): URL {
  const bundled = new URL(`./${READ_WORKER_BUNDLE_FILE}`, import.meta.url);
  if (existsSync(bundled)) return bundled;
  const entry = new URL('./read-worker.ts', import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsxEsmApi())}); register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

function errorFromWorker(name: string, message: string): Error {
  return name === 'UnknownDocumentError' ? new UnknownDocumentError() : new Error(message);
}

/** A small pool of reader workers with a deadline and a heap limit per document. */
export class BoundedReader {
  private readonly limits: ReadLimits;
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private live = 0;
  private nextId = 1;

  constructor(limits: Partial<ReadLimits> = {}) {
    this.limits = { ...DEFAULT_READ_LIMITS, ...limits };
  }

  /**
   * Reads `text` for `source`. Rejects with {@link OverBudgetError} when the document takes longer
   * than the deadline, needs more than the heap limit, or goes over its `ParseBudget`; with
   * `UnknownDocumentError` as `readDocument` does.
   */
  async read(text: string, source: SourceContext, options: ReadOptions): Promise<ReadResult> {
    const slot = await this.acquire();
    let result: ReadResult;
    try {
      result = await this.run(slot, { id: this.nextId++, text, source, options });
    } catch (error) {
      this.discard(slot);
      throw error;
    }
    this.release(slot);
    if (result.budgetExceeded !== undefined) throw new OverBudgetError('limit', result.budgetExceeded);
    return result;
  }

  /** Stops every idle worker (busy ones stop when their document is done). */
  async close(): Promise<void> {
    const slots = this.idle.splice(0);
    this.live -= slots.length;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { reject(new Error(`the read worker did not start within ${this.limits.startTimeoutMs} ms`)); }, this.limits.startTimeoutMs);
      const done = (error?: Error): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', done);
        if (error === undefined) resolve();
        else reject(new Error('the read worker could not start', { cause: error }));
      };
      const onMessage = (message: unknown): void => {
        if (WorkerMessageSchema.safeParse(message).data?.type === 'ready') done();
      };
      worker.on('message', onMessage);
      worker.on('error', done);
    });
    // A rejection is reported by `run`; this keeps an unawaited one from being unhandled.
    ready.catch(() => undefined);
    this.live += 1;
    return { worker, ready };
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    if (this.live < this.limits.poolSize) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next !== undefined) {
      next(slot);
      return;
    }
    // An idle worker must not keep the process alive (a CLI run ends when its work does).
    slot.worker.unref();
    this.idle.push(slot);
  }

  private discard(slot: Slot): void {
    this.live -= 1;
    void slot.worker.terminate();
    const next = this.waiting.shift();
    if (next !== undefined) next(this.spawn());
  }

  private async run(slot: Slot, request: ReadRequest): Promise<ReadResult> {
    const { worker } = slot;
    worker.ref();
    await slot.ready;
    return new Promise<ReadResult>((resolve, reject) => {
      const finish = (outcome: { error: Error } | { result: ReadResult }): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if ('error' in outcome) reject(outcome.error);
        else resolve(outcome.result);
      };
      const timer = setTimeout(() => {
        finish({ error: new OverBudgetError('deadline', `reading the document took longer than ${this.limits.deadlineMs} ms`) });
      }, this.limits.deadlineMs);
      const onMessage = (message: unknown): void => {
        const parsed = WorkerMessageSchema.safeParse(message);
        if (!parsed.success) {
          finish({ error: new Error('the read worker sent an unreadable answer', { cause: parsed.error }) });
          return;
        }
        const answer = parsed.data;
        if (answer.type === 'ready' || answer.id !== request.id) return;
        finish(answer.type === 'result' ? { result: answer.result } : { error: errorFromWorker(answer.name, answer.message) });
      };
      const onError = (error: Error): void => {
        const outOfMemory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish({
          error: outOfMemory
            ? new OverBudgetError('memory', `reading the document needed more than ${this.limits.maxHeapMb} MB`, { cause: error })
            : new Error('the read worker failed', { cause: error }),
        });
      };
      const onExit = (code: number): void => {
        finish({ error: new Error(`the read worker exited (code ${code})`) });
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }
}

let shared: BoundedReader | undefined;

/** `readDocument` within {@link DEFAULT_READ_LIMITS}, on one pool shared by the process. */
export const readWithinBudget: DocumentReader = (text, source, options) => {
  shared ??= new BoundedReader();
  return shared.read(text, source, options);
};

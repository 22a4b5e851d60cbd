/**
 * Worker-thread entry of the bounded reader (`bounded-read.ts`): reads one document at a time with
 * `readDocument` and posts the result back. Run only as a worker; a Lambda bundle carries it as its
 * own file, `read-worker.mjs`, beside the handler (see `READ_WORKER_BUNDLE_FILE`).
 */
import { parentPort } from 'node:worker_threads';
import * as z from 'zod';
import { readDocument } from './index';
import type { WorkerAnswer } from './read-protocol';
import { ReadRequestSchema } from './read-protocol';

const port = parentPort;
if (port === null) throw new Error('read-worker runs only as a worker thread');

port.on('message', (message: unknown) => {
  const request = ReadRequestSchema.safeParse(message);
  if (!request.success) {
    // Without an id there is no one to answer; the reader's deadline ends that wait.
    const withId = z.object({ id: z.number().int() }).safeParse(message);
    if (withId.success) port.postMessage({ type: 'error', id: withId.data.id, name: 'TypeError', message: request.error.message } satisfies WorkerAnswer);
    return;
  }
  const { id, text, source, options } = request.data;
  let answer: WorkerAnswer;
  try {
    answer = { type: 'result', id, result: readDocument(text, source, options) };
  } catch (error) {
    answer = {
      type: 'error',
      id,
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(answer);
});
port.postMessage({ type: 'ready' } satisfies WorkerAnswer);

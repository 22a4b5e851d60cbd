/**
 * Sends JSON messages to an SQS queue in batches of ten (the SendMessageBatch maximum), retrying the
 * entries SQS reports as failed once before giving up loudly.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Entries per SendMessageBatch call (an SQS limit). */
export const SQS_BATCH_LIMIT = 10;

/** Some messages could not be queued even after a retry. */
export class QueueSendError extends Error {
  override readonly name = 'QueueSendError';
  constructor(
    readonly failed: number,
    options?: { cause?: unknown },
  ) {
    super(`${failed} message(s) could not be queued`, options);
  }
}

/** Queues every body in `bodies` (JSON-serialised); resolves with the number sent. */
export async function sendJsonMessages(client: SQSClient, queueUrl: string, bodies: readonly unknown[]): Promise<number> {
  let failed = 0;
  for (let offset = 0; offset < bodies.length; offset += SQS_BATCH_LIMIT) {
    let entries = bodies.slice(offset, offset + SQS_BATCH_LIMIT).map((body, index) => ({ Id: String(index), MessageBody: JSON.stringify(body) }));
    for (let attempt = 0; attempt < 2 && entries.length > 0; attempt += 1) {
      const response = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      const failedIds = new Set((response.Failed ?? []).map((entry) => entry.Id));
      entries = entries.filter((entry) => failedIds.has(entry.Id));
    }
    failed += entries.length;
  }
  if (failed > 0) throw new QueueSendError(failed);
  return bodies.length;
}

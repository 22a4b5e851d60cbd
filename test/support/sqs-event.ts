/** SQS events in the shape Lambda hands a worker, for driving workers with real message bodies. */
import type { SQSEvent, SQSRecord } from 'aws-lambda';

/** One record whose body is `body` as JSON (a string body is sent as is). */
export function sqsRecord(messageId: string, body: unknown, at: Date = new Date(0)): SQSRecord {
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(at.getTime()),
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(at.getTime()),
    },
    messageAttributes: {},
    md5OfBody: '0'.repeat(32),
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:netmix-work',
    awsRegion: 'us-east-1',
  };
}

/** A batch of records. */
export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/** A Lambda context with plenty of time left. */
export const plentyOfTime = { getRemainingTimeInMillis: (): number => 240_000 };

import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';

/** Receives before a message moves to the dead-letter queue (reliability.md LR-04: at least 5). */
export const MAX_RECEIVE_COUNT = 5;

/** Lambda's guidance for SQS sources: visibility at least six times the function timeout (LR-04). */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/** A queue that is only ever a dead-letter target: encrypted, TLS-only, kept for the 14-day maximum. */
export function createDeadLetterQueue(scope: Construct, id: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledgeNag(queue, 'AwsSolutions-SQS3', 'This queue is a dead-letter target (of a scheduler, a Lambda on-failure destination or an SNS subscription), which cdk-nag recognises only through SQS redrive policies. A DLQ of a DLQ would only move the problem; an alarm fires on its first message.');
  return queue;
}

export interface WorkQueueProps {
  /** Timeout of the worker that consumes the queue. */
  workerTimeout: Duration;
  retentionPeriod?: Duration;
  /** The stack's dead-letter queue; a queue of its own when absent. */
  deadLetterQueue?: sqs.Queue;
}

/**
 * An SQS work queue for a Lambda worker: SSE, TLS-only, a visibility timeout of six worker timeouts
 * and a dead-letter queue after {@link MAX_RECEIVE_COUNT} receives.
 */
export class WorkQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.deadLetterQueue = props.deadLetterQueue ?? createDeadLetterQueue(this, 'DeadLetters');
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.workerTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      retentionPeriod: props.retentionPeriod ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }
}

import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env-names';
import type { Mail } from './mail';
import { NetmixFunction } from './netmix-function';
import { ScheduledDispatch } from './scheduled-dispatch';
import { WorkQueue } from './work-queue';

/** Worker timeout; the worker stops starting sends with ~10 s left and hands the rest back (LR-07). */
export const DIGEST_WORKER_TIMEOUT = Duration.minutes(5);

/** Subscribers per queue message: small enough that one message finishes well within the timeout. */
export const DIGEST_BATCH_SIZE = 25;

/**
 * Concurrent workers. They share one send rate (a counter in the deliveries table sized from
 * GetSendQuota), so more workers never exceed SES's rate; two keep a slow render from idling it.
 */
export const DIGEST_MAX_CONCURRENCY = 2;

export interface DigestPipelineProps {
  events: dynamodb.Table;
  subscribers: dynamodb.Table;
  deliveries: dynamodb.Table;
  /** Subscribers' feedback, read by the worker for the cadence and the "going" reminders. */
  feedback: dynamodb.Table;
  signingKey: secretsmanager.ISecret;
  mail: Mail;
  timeZone: string;
  /** Origin of the subscription API: every link in a digest is built on it. */
  linkOrigin: string;
  operatorName: string;
  operatorPostalAddress: string;
  logRetention: logs.RetentionDays;
  /** When the weekly run starts, in `timeZone`. */
  schedule: { weekDay: string; hour: number };
  /** The stack's dead-letter queue. */
  deadLetterQueue?: sqs.Queue;
}

/** Weekly at the configured day and hour (Monday 07:00 local by default): dispatcher → SQS messages of subscriber batches → worker → SES. */
export class DigestPipeline extends Construct {
  readonly dispatcher: NetmixFunction;
  readonly worker: NetmixFunction;
  readonly work: WorkQueue;
  readonly trigger: ScheduledDispatch;

  constructor(scope: Construct, id: string, props: DigestPipelineProps) {
    super(scope, id);
    const deadLetters = props.deadLetterQueue === undefined ? {} : { deadLetterQueue: props.deadLetterQueue };
    this.work = new WorkQueue(this, 'Work', { workerTimeout: DIGEST_WORKER_TIMEOUT, ...deadLetters });

    this.dispatcher = new NetmixFunction(this, 'Dispatcher', {
      name: 'digest-dispatcher',
      description: 'Queues the active subscribers in batches for this week’s digest',
      timeout: Duration.minutes(5),
      memorySize: 512,
      logRetention: props.logRetention,
      environment: { [ENV.timeZone]: props.timeZone, [ENV.digestBatchSize]: String(DIGEST_BATCH_SIZE) },
    })
      .bindTable(ENV.subscribersTable, props.subscribers, 'read')
      .bindQueueSender(ENV.digestQueueUrl, this.work.queue);

    this.worker = new NetmixFunction(this, 'Worker', {
      name: 'digest-worker',
      description: 'Selects, renders and sends the digests of one batch of subscribers',
      timeout: DIGEST_WORKER_TIMEOUT,
      memorySize: 1024,
      logRetention: props.logRetention,
      environment: {
        [ENV.timeZone]: props.timeZone,
        [ENV.linkOrigin]: props.linkOrigin,
        [ENV.operatorName]: props.operatorName,
        [ENV.operatorPostalAddress]: props.operatorPostalAddress,
      },
    })
      .bindTable(ENV.eventsTable, props.events, 'read')
      .bindTable(ENV.subscribersTable, props.subscribers, 'read')
      .bindTable(ENV.deliveriesTable, props.deliveries, 'readwrite')
      .bindTable(ENV.feedbackTable, props.feedback, 'read')
      .bindSecret(ENV.signingKeySecretArn, props.signingKey);
    props.mail.grantSend(this.worker);
    this.worker.fn.addEventSource(
      new SqsEventSource(this.work.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxConcurrency: DIGEST_MAX_CONCURRENCY,
      }),
    );

    this.trigger = new ScheduledDispatch(this, 'Weekly', {
      dispatcher: this.dispatcher,
      cron: { minute: '0', hour: String(props.schedule.hour), weekDay: props.schedule.weekDay },
      timeZone: props.timeZone,
      description: 'Netmix weekly digest',
      ...deadLetters,
    });
  }
}

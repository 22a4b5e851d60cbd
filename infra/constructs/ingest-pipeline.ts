import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BUNDLED_SOURCES_FILE, ENV } from '../../functions/shared/env-names';
import { NetmixFunction } from './netmix-function';
import { ScheduledDispatch } from './scheduled-dispatch';
import { WorkQueue } from './work-queue';

/** Worker timeout: a batch of sources, each bounded by the fetcher's own timeouts. */
export const INGEST_WORKER_TIMEOUT = Duration.minutes(5);

/**
 * Concurrent worker invocations. Workers share no memory, so politeness across them comes from the
 * fan-out: the dispatcher queues one message per host (all its sources), and a worker runs a
 * message's sources one after another. 2 is SQS's minimum.
 */
export const INGEST_MAX_CONCURRENCY = 2;

export interface IngestPipelineProps {
  events: dynamodb.Table;
  sources: dynamodb.Table;
  timeZone: string;
  /** Absolute path of the validated sources file; it travels inside the dispatcher's bundle. */
  sourcesFilePath: string;
  horizonDays: number;
  /** The operator's site, named as the contact in the fetcher's User-Agent. */
  siteOrigin: string;
  logRetention: logs.RetentionDays;
  /** Hour of the daily run, in `timeZone`. */
  hour: number;
  /** The stack's dead-letter queue. */
  deadLetterQueue?: sqs.Queue;
}

/** Daily at the configured hour (05:00 local by default): dispatcher → one SQS message per host → worker (partial batch failures). */
export class IngestPipeline extends Construct {
  readonly dispatcher: NetmixFunction;
  readonly worker: NetmixFunction;
  readonly work: WorkQueue;
  readonly trigger: ScheduledDispatch;

  constructor(scope: Construct, id: string, props: IngestPipelineProps) {
    super(scope, id);
    const deadLetters = props.deadLetterQueue === undefined ? {} : { deadLetterQueue: props.deadLetterQueue };
    this.work = new WorkQueue(this, 'Work', { workerTimeout: INGEST_WORKER_TIMEOUT, ...deadLetters });

    const sourcesFile = props.sourcesFilePath;
    this.dispatcher = new NetmixFunction(this, 'Dispatcher', {
      name: 'ingest-dispatcher',
      description: 'Queues one ingest message per configured source',
      timeout: Duration.minutes(1),
      memorySize: 256,
      logRetention: props.logRetention,
      afterBundling: (outputDir) => [`cp "${sourcesFile}" "${outputDir}/${BUNDLED_SOURCES_FILE}"`],
    }).bindQueueSender(ENV.ingestQueueUrl, this.work.queue);

    this.worker = new NetmixFunction(this, 'Worker', {
      name: 'ingest-worker',
      description: 'Fetches, parses and stores the events of one host’s sources per message',
      timeout: INGEST_WORKER_TIMEOUT,
      // ical.js expansion of a multi-megabyte feed is CPU- and memory-bound; 1 GB also buys CPU.
      memorySize: 1024,
      logRetention: props.logRetention,
      environment: { [ENV.horizonDays]: String(props.horizonDays), [ENV.siteOrigin]: props.siteOrigin },
    })
      .bindTable(ENV.eventsTable, props.events, 'readwrite')
      .bindTable(ENV.sourcesTable, props.sources, 'readwrite');
    this.worker.fn.addEventSource(
      new SqsEventSource(this.work.queue, {
        batchSize: 5,
        reportBatchItemFailures: true,
        maxConcurrency: INGEST_MAX_CONCURRENCY,
      }),
    );

    this.trigger = new ScheduledDispatch(this, 'Daily', {
      dispatcher: this.dispatcher,
      cron: { minute: '0', hour: String(props.hour) },
      timeZone: props.timeZone,
      description: 'Netmix daily ingest',
      ...deadLetters,
    });
  }
}

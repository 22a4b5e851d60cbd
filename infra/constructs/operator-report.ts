import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env-names';
import type { Mail } from './mail';
import { NetmixFunction } from './netmix-function';
import { ScheduledDispatch } from './scheduled-dispatch';

/** Monday 08:00 in the deployment's zone: the report covers the ISO week that just ended. */
export const OPERATOR_REPORT_SCHEDULE = { minute: '0', hour: '8', weekDay: 'MON' } as const;

export interface OperatorReportProps {
  events: dynamodb.Table;
  sources: dynamodb.Table;
  subscribers: dynamodb.Table;
  deliveries: dynamodb.Table;
  mail: Mail;
  timeZone: string;
  operatorName: string;
  /** Where the report goes: the operator's alarm address. */
  reportEmail: string;
  logRetention: logs.RetentionDays;
  deadLetterQueue?: sqs.Queue;
}

/** The operator's weekly report: a scheduled Lambda that reads the four tables and mails one message. */
export class OperatorReport extends Construct {
  readonly handler: NetmixFunction;
  readonly trigger: ScheduledDispatch;

  constructor(scope: Construct, id: string, props: OperatorReportProps) {
    super(scope, id);
    this.handler = new NetmixFunction(this, 'Function', {
      name: 'operator-report',
      description: 'Mails the operator the weekly report on sources, events, subscribers and digests',
      timeout: Duration.minutes(2),
      memorySize: 512,
      logRetention: props.logRetention,
      environment: { [ENV.timeZone]: props.timeZone, [ENV.operatorName]: props.operatorName, [ENV.reportEmail]: props.reportEmail },
    })
      .bindTable(ENV.eventsTable, props.events, 'read')
      .bindTable(ENV.sourcesTable, props.sources, 'read')
      .bindTable(ENV.subscribersTable, props.subscribers, 'read')
      .bindTable(ENV.deliveriesTable, props.deliveries, 'read');
    props.mail.grantSend(this.handler);
    this.trigger = new ScheduledDispatch(this, 'Weekly', {
      dispatcher: this.handler,
      cron: OPERATOR_REPORT_SCHEDULE,
      timeZone: props.timeZone,
      description: 'Netmix operator weekly report',
      ...(props.deadLetterQueue === undefined ? {} : { deadLetterQueue: props.deadLetterQueue }),
    });
  }
}

import { Duration, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag, nagArnOf } from './nag';
import type { NetmixFunction } from './netmix-function';
import { createDeadLetterQueue } from './work-queue';

export interface ScheduledDispatchProps {
  dispatcher: NetmixFunction;
  /** Cron fields, read in `timeZone` so "07:00" stays 07:00 across DST. */
  cron: { minute: string; hour: string; weekDay?: string };
  timeZone: string;
  description: string;
  /** The stack's dead-letter queue; a queue of its own when absent. */
  deadLetterQueue?: sqs.Queue;
}

/**
 * An EventBridge Scheduler schedule that invokes a dispatcher in the region's time zone, with an
 * explicit retry policy (LR-05) and one dead-letter queue that catches both what the scheduler could
 * not deliver and what the dispatcher's asynchronous invocation gave up on (LR-06).
 */
export class ScheduledDispatch extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ScheduledDispatchProps) {
    super(scope, id);
    this.deadLetterQueue = props.deadLetterQueue ?? createDeadLetterQueue(this, 'DeadLetters');
    // A role of our own rather than the stack-wide one LambdaInvoke would share between schedules.
    const role = new iam.Role(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    acknowledgeNag(role, `AwsSolutions-IAM5[Resource::${nagArnOf(props.dispatcher.fn)}:*]`, 'LambdaInvoke grants invoke on this one function and its versions/aliases (the ":*" suffix); nothing else.');
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: props.description,
      schedule: scheduler.ScheduleExpression.cron({ ...props.cron, timeZone: TimeZone.of(props.timeZone) }),
      // A digest must go out at the hour announced; no flexible window.
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(props.dispatcher.fn, {
        role,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
    props.dispatcher.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(2),
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
    });
  }
}

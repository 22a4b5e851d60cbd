import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { NetmixFunction } from './netmix-function';

/**
 * SES reputation thresholds, well below the account's review levels (bounce 5 %, complaint 0.1 %;
 * reliability.md EM-21): the operator hears about it while there is still room to act.
 */
export const BOUNCE_RATE_THRESHOLD = 0.02;
export const COMPLAINT_RATE_THRESHOLD = 0.0008;

export interface AlarmsProps {
  /** Encrypts the topic when given; alarm notifications carry no personal data, so it is optional. */
  topicKey?: kms.IKey;
  /** Subscribed to the operator topic when given. */
  email?: string;
}

/**
 * The operator topic and the alarms that feed it: dead letters, API errors, SES reputation. The
 * topic's policy names CloudWatch as a publisher (from this account's alarms only): a topic policy
 * replaces SNS's default one, so without that statement no alarm would ever reach anyone.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'OperatorTopic', {
      displayName: 'Netmix operator alarms',
      ...(props.topicKey !== undefined && { masterKey: props.topicKey }),
      enforceSSL: true,
    });
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    if (props.email !== undefined) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    this.action = new actions.SnsAction(this.topic);

    // Account-wide metrics: these are the rates SES itself reviews the account on.
    this.add(
      'BounceRate',
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: Duration.hours(1) }),
      BOUNCE_RATE_THRESHOLD,
      'SES bounce rate above 2 % (account review starts at 5 %)',
    );
    this.add(
      'ComplaintRate',
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', statistic: 'Maximum', period: Duration.hours(1) }),
      COMPLAINT_RATE_THRESHOLD,
      'SES complaint rate above 0.08 % (account review starts at 0.1 %)',
    );
  }

  /** Alarms as soon as any message sits in `queue` (a dead-letter queue is empty when all is well). */
  onDeadLetters(id: string, queue: sqs.IQueue): void {
    this.add(id, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), 0, 'Messages in a dead-letter queue: see the runbook for redrive');
  }

  /** Alarms on any invocation error of `fn` (for synchronous callers; queued work ends in a DLQ). */
  onErrors(id: string, fn: NetmixFunction): void {
    this.add(id, fn.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 0, `Errors in ${fn.fn.node.path}`);
  }

  private add(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
  }
}

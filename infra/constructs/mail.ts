import { Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';
import { ENV } from '../../functions/shared/env-names';
import { NetmixFunction } from './netmix-function';
import { createDeadLetterQueue } from './work-queue';
import { TALLY_KEY } from '../../shared/store/dynamo-week-tally';

/** The feedback SES publishes: hard bounces and complaints only; no opens, no clicks (no tracking). */
export const FEEDBACK_EVENTS = [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT];

export interface MailProps {
  fromAddress: string;
  /** Domain to verify with Easy DKIM and a custom MAIL FROM; without it the identity is managed outside. */
  mailDomain?: string;
  subscribers: dynamodb.Table;
  /** The feedback handler counts bounces and complaints in this table's `#tally` items (and nothing else). */
  deliveries: dynamodb.Table;
  /** Encrypts the feedback topic when given (a customer-managed key: SES cannot use SNS's own). */
  topicKey?: kms.IKey;
  logRetention: logs.RetentionDays;
  /** The stack's dead-letter queue; a queue of its own when absent. */
  deadLetterQueue?: sqs.Queue;
}

/**
 * SES sending setup: a configuration set with reputation metrics and bounce/complaint suppression,
 * its BOUNCE/COMPLAINT feedback through an encrypted, TLS-only SNS topic to the feedback Lambda, and
 * (when a domain is configured) the domain identity with Easy DKIM and an aligned MAIL FROM.
 */
export class Mail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly feedbackTopic: sns.Topic;
  readonly feedback: NetmixFunction;
  readonly feedbackDeadLetters: sqs.Queue;
  readonly identity?: ses.EmailIdentity;
  private readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.fromAddress = props.fromAddress;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.OPTIONAL,
      sendingEnabled: true,
    });

    if (props.mailDomain !== undefined) {
      this.identity = new ses.EmailIdentity(this, 'DomainIdentity', {
        identity: ses.Identity.domain(props.mailDomain),
        configurationSet: this.configurationSet,
        dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
        dkimSigning: true,
        // SPF aligns only when the Return-Path is ours (EM-03); fail closed if its MX is missing.
        mailFromDomain: `bounce.${props.mailDomain}`,
        mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.REJECT_MESSAGE,
      });
    }

    this.feedbackTopic = new sns.Topic(this, 'FeedbackTopic', {
      displayName: 'Netmix SES bounces and complaints',
      ...(props.topicKey !== undefined && { masterKey: props.topicKey }),
      enforceSSL: true,
    });
    if (props.topicKey === undefined) {
      acknowledgeNag(this.feedbackTopic, 'AwsSolutions-SNS2', 'Encryption at rest needs a customer-managed KMS key here ($1 a month, the largest fixed cost of a small deployment; README "What it costs"): SES cannot publish to a topic under the AWS-managed SNS key. Messages are TLS-only (enforceSSL), delivered at once to one Lambda and not kept; set topicKey=true to encrypt.');
    }
    // The SNS event destination adds the statement that lets SES publish, scoped to this account
    // and this configuration set (aws:SourceAccount, aws:SourceArn): asserted in the infra tests.
    this.configurationSet.addEventDestination('Feedback', {
      destination: ses.EventDestination.snsTopic(this.feedbackTopic),
      events: FEEDBACK_EVENTS,
    });

    this.feedbackDeadLetters = props.deadLetterQueue ?? createDeadLetterQueue(this, 'FeedbackDeadLetters');
    this.feedback = new NetmixFunction(this, 'Feedback', {
      name: 'ses-feedback',
      description: 'Stops delivery to addresses that hard-bounced or complained',
      timeout: Duration.seconds(30),
      memorySize: 256,
      logRetention: props.logRetention,
    }).bindTable(ENV.subscribersTable, props.subscribers, 'readwrite');
    this.feedback.fn.addEnvironment(ENV.deliveriesTable, props.deliveries.tableName);
    // Only UpdateItem, only on the tally items: it can neither read nor touch a subscriber's deliveries.
    this.feedback.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [props.deliveries.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [TALLY_KEY] } },
      }),
    );
    this.feedbackTopic.addSubscription(
      new subscriptions.LambdaSubscription(this.feedback.fn, { deadLetterQueue: this.feedbackDeadLetters }),
    );
    this.feedback.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.feedbackDeadLetters),
    });
  }

  /**
   * Lets `fn` send through this configuration set from the configured address: sets the From and
   * configuration-set variables and grants `ses:SendRawEmail` on exactly the identity and the
   * configuration set, plus the account-level quota read the mailer paces itself by.
   */
  grantSend(fn: NetmixFunction): void {
    fn.setEnvironment({
      [ENV.fromAddress]: this.fromAddress,
      [ENV.configurationSet]: this.configurationSet.configurationSetName,
    });
    const stack = Stack.of(this);
    const domain = this.fromAddress.slice(this.fromAddress.lastIndexOf('@') + 1);
    const identityArn = (name: string): string => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail', 'ses:SendEmail'],
        resources: [
          identityArn(domain),
          identityArn(this.fromAddress),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
      }),
    );
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ses:GetSendQuota'], resources: ['*'] }));
    acknowledgeNag(fn.role, 'AwsSolutions-IAM5[Resource::*]', 'ses:GetSendQuota is an account-level read with no resource type; IAM accepts only "*" for it. Sending itself is scoped to the identity and configuration-set ARNs.');
  }
}

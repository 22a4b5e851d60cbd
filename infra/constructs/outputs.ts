import { CfnOutput, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { DeploymentSettings } from '../config';
import type { NetmixStack } from '../netmix-stack';

/**
 * The names of the stack outputs the operator (and `npx netmix smoke --aws`, `--aws` reads) use.
 * One list, so the CLI and the stack cannot disagree on a name.
 */
export const OUTPUT = {
  linkOrigin: 'LinkOrigin',
  signupUrl: 'SignupUrl',
  apiDomainTarget: 'ApiDomainTarget',
  operatorTopicArn: 'OperatorTopicArn',
  deadLetterQueueUrl: 'DeadLetterQueueUrl',
  signingKeySecretArn: 'SigningKeySecretArn',
  eventsTable: 'EventsTable',
  sourcesTable: 'SourcesTable',
  subscribersTable: 'SubscribersTable',
  deliveriesTable: 'DeliveriesTable',
  /** The deployment's zone: `netmix report --aws` reads weeks in it. */
  timeZone: 'TimeZone',
  sesDnsRecords: 'SesDnsRecords',
} as const;

export interface StackOutputsProps {
  stack: NetmixStack;
  settings: DeploymentSettings;
  timeZone: string;
}

/** What an operator needs after `cdk deploy`: where links point, where alarms go, the DNS to add. */
export class StackOutputs extends Construct {
  constructor(scope: Construct, id: string, props: StackOutputsProps) {
    super(scope, id);
    const { stack, settings } = props;
    const output = (name: string, value: string, description: string): void => {
      new CfnOutput(Stack.of(this), name, { value, description });
    };
    output(OUTPUT.linkOrigin, stack.api.linkOrigin, 'Origin of every link in every mail (confirm, unsubscribe, preferences, calendar)');
    output(OUTPUT.signupUrl, `${stack.api.linkOrigin}/`, 'The sign-up page');
    if (stack.api.domainName !== undefined && settings.apiDomain !== undefined) {
      output(OUTPUT.apiDomainTarget, stack.api.domainName.regionalDomainName, `DNS: CNAME ${settings.apiDomain} → this name`);
    }
    output(OUTPUT.operatorTopicArn, stack.alarms.topic.topicArn, 'Alarms are published here (subscribe more addresses to it)');
    output(OUTPUT.deadLetterQueueUrl, stack.deadLetters.queueUrl, 'Failed work of every pipeline; redrive with StartMessageMoveTask once fixed');
    output(OUTPUT.signingKeySecretArn, stack.signingKey.secretArn, 'Link-signing key (read by `npx netmix smoke --aws`)');
    output(OUTPUT.eventsTable, stack.tables.events.tableName, 'DynamoDB table of events');
    output(OUTPUT.sourcesTable, stack.tables.sources.tableName, 'DynamoDB table of source health');
    output(OUTPUT.subscribersTable, stack.tables.subscribers.tableName, 'DynamoDB table of subscribers');
    output(OUTPUT.deliveriesTable, stack.tables.deliveries.tableName, 'DynamoDB table of deliveries');
    output(OUTPUT.timeZone, props.timeZone, 'The region zone schedules and reports run in');
    const identity = stack.mail.identity;
    if (identity !== undefined && settings.mailDomain !== undefined) {
      const mailFrom = `bounce.${settings.mailDomain}`;
      const records = [
        ...identity.dkimRecords.map((record) => `CNAME ${record.name} ${record.value}`),
        `MX ${mailFrom} 10 feedback-smtp.${Stack.of(this).region}.amazonses.com`,
        `TXT ${mailFrom} "v=spf1 include:amazonses.com ~all"`,
        `TXT _dmarc.${settings.mailDomain} "v=DMARC1; p=none;"`,
      ];
      output(OUTPUT.sesDnsRecords, Stack.of(this).toJsonString(records), 'DNS records SES needs: Easy DKIM, the MAIL FROM domain (MX, SPF) and DMARC');
    }
  }
}

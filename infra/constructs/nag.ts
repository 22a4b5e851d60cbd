import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * How cdk-nag names the `Arn` attribute of `construct`'s CloudFormation resource inside a finding id
 * (`<TablesEventsE8DD42EA.Arn>`), so an acknowledgement can name one exact wildcard rather than
 * silencing a whole rule for a role.
 */
export function nagArnOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnElement)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return `<${Stack.of(resource).getLogicalId(resource)}.Arn>`;
}

/**
 * Acknowledges one cdk-nag AwsSolutions finding on `construct`, with the reason it is acceptable.
 * `rule` is `AwsSolutions-SQS3` or a single finding such as `AwsSolutions-IAM5[Resource::…]`.
 */
export function acknowledgeNag(construct: IConstruct, rule: `AwsSolutions-${string}`, reason: string): void {
  Validations.of(construct).acknowledge({ id: `AwsSolutions::${rule}`, reason });
}

/**
 * The CDK app (`cdk synth` runs it through tsx, see cdk.json). Settings come from context or
 * `NETMIX_*` environment variables and are validated before any construct exists.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { envNameOf, loadDeployment } from './config';
import { PROJECT_ROOT } from './constructs/netmix-function';
import { NetmixStack } from './netmix-stack';

const app = new App();
const deployment = loadDeployment((key) => {
  const fromContext: unknown = app.node.tryGetContext(key);
  return fromContext ?? process.env[envNameOf(key)];
}, PROJECT_ROOT);

new NetmixStack(app, `Netmix-${deployment.settings.stage}`, {
  deployment,
  description: `Netmix (${deployment.settings.stage}): weekly digest of networking events for ${deployment.sources.region.name}`,
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';
import { ENV } from '../../functions/shared/env-names';
import { NetmixFunction } from './netmix-function';

/**
 * Stage throttling, far below the account's shared 10,000 rps default (SEC-10): a signup form for one
 * region never needs more, and a flood stops at API Gateway with 429s instead of reaching SES.
 */
export const API_RATE_LIMIT = 20;
export const API_BURST_LIMIT = 40;

export interface SubscriptionApiProps {
  /** Read for the per-event calendar (.ics) links. */
  events: dynamodb.Table;
  subscribers: dynamodb.Table;
  /** Signup limit counters shared by every instance of the handler. */
  limits: dynamodb.Table;
  /** Written by the digest's feedback links, read by the calendar feed. */
  feedback: dynamodb.Table;
  /** Read for the preferences page's last digest and export; written by "delete my data". */
  deliveries: dynamodb.Table;
  /** When the digest goes out, for the "first digest comes …" sentence. */
  digestSchedule: { weekDay: string; hour: number };
  signingKey: secretsmanager.ISecret;
  siteOrigin: string;
  /** A custom domain for the API and its certificate; without it links use the default URL. */
  customDomain?: { name: string; certificateArn: string };
  operatorName: string;
  operatorPostalAddress: string;
  timeZone: string;
  logRetention: logs.RetentionDays;
}

/** The subscription HTTP API: every route goes to one Lambda running the Hono app. */
export class SubscriptionApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly handler: NetmixFunction;
  /**
   * Where the API answers, as an https origin: `https://<customDomain>` or the API's default
   * `execute-api` URL. Every link in every mail is built on it, `List-Unsubscribe` included.
   */
  readonly linkOrigin: string;
  /** The custom domain, when one is configured (its regional target is a stack output). */
  readonly domainName?: apigw.DomainName;

  constructor(scope: Construct, id: string, props: SubscriptionApiProps) {
    super(scope, id);
    this.handler = new NetmixFunction(this, 'Handler', {
      name: 'subscription-api',
      description: 'Signup, confirmation, preferences and one-click unsubscribe',
      timeout: Duration.seconds(15),
      memorySize: 512,
      logRetention: props.logRetention,
      environment: {
        [ENV.siteOrigin]: props.siteOrigin,
        [ENV.operatorName]: props.operatorName,
        [ENV.operatorPostalAddress]: props.operatorPostalAddress,
        [ENV.timeZone]: props.timeZone,
        [ENV.digestSchedule]: `${props.digestSchedule.weekDay}@${props.digestSchedule.hour}`,
      },
    })
      .bindTable(ENV.subscribersTable, props.subscribers, 'readwrite')
      .bindTable(ENV.limitsTable, props.limits, 'readwrite')
      .bindTable(ENV.eventsTable, props.events, 'read')
      .bindTable(ENV.feedbackTable, props.feedback, 'readwrite')
      .bindTable(ENV.deliveriesTable, props.deliveries, 'readwrite')
      .bindSecret(ENV.signingKeySecretArn, props.signingKey);

    if (props.customDomain !== undefined) {
      this.domainName = new apigw.DomainName(this, 'DomainName', {
        domainName: props.customDomain.name,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
    }
    this.api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Netmix subscriptions',
      createDefaultStage: false,
      // With a custom domain, links reach the API only through it: one public name to keep.
      disableExecuteApiEndpoint: props.customDomain !== undefined,
      defaultIntegration: new HttpLambdaIntegration('App', this.handler.fn),
      corsPreflight: {
        allowOrigins: [props.siteOrigin],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        allowHeaders: ['content-type'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.api.addStage('PublicStage', {
      stageName: '$default',
      autoDeploy: true,
      ...(this.domainName !== undefined && { domainMapping: { domainName: this.domainName } }),
      throttle: { rateLimit: API_RATE_LIMIT, burstLimit: API_BURST_LIMIT },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No path and no query: link tokens travel in them. No source IP: it is personal data we
        // keep only in the consent record.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
          }),
        ),
      },
    });
    // The default stage `$default` answers at the API's root, so the endpoint is the whole origin.
    this.linkOrigin = props.customDomain === undefined ? this.api.apiEndpoint : `https://${props.customDomain.name}`;
    this.handler.setEnvironment({ [ENV.linkOrigin]: this.linkOrigin });
    acknowledgeNag(this.api, 'AwsSolutions-APIG4', 'Public signup and one-click unsubscribe (RFC 8058 forbids login); state-changing routes are authorised by signed, expiring link tokens checked in the handler.');
    acknowledgeNag(this.api, 'AwsSolutions-COG4', 'Subscribers have no accounts; a Cognito authoriser would break one-click unsubscribe. Link tokens authorise instead.');
  }

}

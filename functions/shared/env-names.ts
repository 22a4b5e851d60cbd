/**
 * The environment variable names the stack sets and the handlers read. Both sides import them from
 * here, so a renamed variable is a compile error rather than a function that fails at cold start.
 */
export const ENV = {
  eventsTable: 'NETMIX_EVENTS_TABLE',
  sourcesTable: 'NETMIX_SOURCES_TABLE',
  subscribersTable: 'NETMIX_SUBSCRIBERS_TABLE',
  deliveriesTable: 'NETMIX_DELIVERIES_TABLE',
  limitsTable: 'NETMIX_LIMITS_TABLE',
  feedbackTable: 'NETMIX_FEEDBACK_TABLE',
  signupLimits: 'NETMIX_SIGNUP_LIMITS',
  /** A signup is answered no sooner than this many ms after it arrived (see settleAtFloor). */
  signupAnswerFloorMs: 'NETMIX_SIGNUP_ANSWER_FLOOR_MS',
  ingestQueueUrl: 'NETMIX_INGEST_QUEUE_URL',
  digestQueueUrl: 'NETMIX_DIGEST_QUEUE_URL',
  signingKeySecretArn: 'NETMIX_SIGNING_KEY_SECRET_ARN',
  configurationSet: 'NETMIX_SES_CONFIGURATION_SET',
  fromAddress: 'NETMIX_FROM_ADDRESS',
  timeZone: 'NETMIX_TIME_ZONE',
  siteOrigin: 'NETMIX_SITE_ORIGIN',
  /** Origin of the subscription API, on which every link in a mail is built. */
  linkOrigin: 'NETMIX_LINK_ORIGIN',
  operatorName: 'NETMIX_OPERATOR_NAME',
  operatorPostalAddress: 'NETMIX_OPERATOR_POSTAL_ADDRESS',
  horizonDays: 'NETMIX_HORIZON_DAYS',
  digestBatchSize: 'NETMIX_DIGEST_BATCH_SIZE',
  /** The digest schedule as `MON@7`: the subscription pages say when the first digest comes. */
  digestSchedule: 'NETMIX_DIGEST_SCHEDULE',
  /** Where the operator's weekly report is mailed (the alarm address). */
  reportEmail: 'NETMIX_REPORT_EMAIL',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

/** Name of the sources file the ingest dispatcher's bundle carries beside its handler. */
export const BUNDLED_SOURCES_FILE = 'sources.json';

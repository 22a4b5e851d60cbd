/**
 * Scheduled weekly (Monday morning in the deployment's zone): builds the operator's report on the
 * last complete ISO week from the tables and mails it to the operator's alarm address through SES.
 * Reads only; a failure throws, so the scheduler's retry and dead-letter queue see it.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { senderAddress } from '../../shared/digest/sender';
import { createSesMailer } from '../../shared/digest/ses-mailer';
import { buildOperatorReport } from '../../shared/ops/report';
import { sendReport } from '../../shared/ops/report-mail';
import { previousIsoWeek } from '../../shared/ops/report-week';
import { systemClock } from '../../shared/ports';
import { createDynamoEventStore } from '../../shared/store/dynamo-event-store';
import { createDynamoOpsReads } from '../../shared/store/dynamo-ops-reads';
import { createDynamoSourceStateStore } from '../../shared/store/dynamo-source-state-store';
import { createDynamoWeekTallyStore } from '../../shared/store/dynamo-week-tally';
import { resolveStoreOptions } from '../../shared/store/store-options';
import { readConfig } from '../shared/config';
import { ENV } from '../shared/env-names';
import { createLogger } from '../shared/logger';
import { OperatorReportConfigSchema } from './config';

const config = readConfig(OperatorReportConfigSchema);
const logger = createLogger('netmix-operator-report');
const dynamo = new DynamoDBClient({});
const options = resolveStoreOptions();
const deps = {
  sources: createDynamoSourceStateStore(dynamo, config[ENV.sourcesTable], options),
  events: createDynamoEventStore(dynamo, config[ENV.eventsTable], options),
  reads: createDynamoOpsReads(dynamo, { subscribers: config[ENV.subscribersTable], deliveries: config[ENV.deliveriesTable] }, options),
  tally: createDynamoWeekTallyStore(dynamo, config[ENV.deliveriesTable]),
};
// Through the configuration set, so the report's own bounces reach the feedback topic too.
const mailer = createSesMailer(new SESClient({}), { configurationSetName: config[ENV.configurationSet] });

/** Lambda entry point (EventBridge Scheduler, asynchronous); the event carries nothing it needs. */
export async function handler(): Promise<{ isoWeek: string; messageId: string }> {
  const now = systemClock.now();
  const isoWeek = previousIsoWeek(now, config[ENV.timeZone]);
  const report = await buildOperatorReport(deps, { isoWeek, timeZone: config[ENV.timeZone], now });
  const messageId = await sendReport(mailer, report, {
    from: senderAddress(config[ENV.operatorName], config[ENV.fromAddress]),
    to: config[ENV.reportEmail],
    operatorName: config[ENV.operatorName],
  });
  // Figures only: no addresses in the log.
  logger.info('operator report sent', { isoWeek, messageId, sources: report.sources.counts, digestsSent: report.digests.sent, subscribers: report.subscribers.total });
  return { isoWeek, messageId };
}

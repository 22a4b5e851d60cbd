/**
 * A digest worker in a process of its own, for the crash test: it runs the real worker (real
 * DynamoDB Local stores, real local SES) on one SQS message and, when the mailer is asked for send
 * number `hangOnSend`, says so on stdout and waits there to be killed. By then that subscriber's
 * claim is written and the mail is not sent: the window a crash must not lose.
 * Run: node --import tsx crash-worker.ts, with the input as JSON in NETMIX_CRASH_INPUT.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { createDigestWorker } from '../../../../functions/digest-worker/worker';
import { createSesMailer } from '../../../../shared/digest/ses-mailer';
import { createLocalDynamoClient, createLocalSesClient } from '../../../../shared/local/aws-clients';
import type { Mailer } from '../../../../shared/ports';
import { createDynamoStores } from '../../../../shared/store';
import { plentyOfTime, sqsEvent, sqsRecord } from '../../../support/sqs-event';
import { CRASH_INPUT_ENV, CrashInputSchema, HANGING } from './crash-protocol';
import { config, links } from './digest-fixtures';

async function main(): Promise<void> {
  const input = CrashInputSchema.parse(JSON.parse(process.env[CRASH_INPUT_ENV] ?? 'null'));
  const stores = createDynamoStores(createLocalDynamoClient(input.dynamoEndpoint), input.tableNames);
  const real = createSesMailer(createLocalSesClient(input.sesEndpoint));
  let sends = 0;
  const mailer: Mailer = {
    maxSendRate: () => real.maxSendRate(),
    sendRaw: async (message) => {
      sends += 1;
      if (sends === input.hangOnSend) {
        process.stdout.write(`${HANGING}\n`);
        // Keep the process alive until the test kills it.
        setInterval(() => undefined, 1000);
        await new Promise<never>(() => undefined);
      }
      return real.sendRaw(message);
    },
  };
  const now = new Date(input.now);
  const worker = createDigestWorker({
    deps: { ...stores, mailer, links, clock: { now: () => now } },
    config,
    logger: new Logger({ serviceName: 'crash-worker', logLevel: 'SILENT' }),
  });
  const response = await worker(sqsEvent(sqsRecord(input.messageId, input.message)), plentyOfTime);
  process.stdout.write(`done ${JSON.stringify(response)}\n`);
}

await main();

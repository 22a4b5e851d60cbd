/**
 * Issue 9 §5 for the digest: work that is right at scale, not just in one process.
 * - Two digest workers (each with its own DynamoDB client, mailer and pacer, as two Lambda
 *   instances would have) send against ONE local SES whose GetSendQuota says 1 a second; the
 *   sends the SES received, counted per second, never exceed 1. Each worker pacing alone to the
 *   full rate would send up to 2 a second.
 * - A worker invocation of three SQS records reads the week's events once: its Query calls on the
 *   events table, counted on a real DynamoDB client, equal those of a one-record invocation.
 */
import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestWorker } from '../../../functions/digest-worker/worker';
import { createSharedSendRate } from '../../../shared/digest/pacing';
import { createSesMailer } from '../../../shared/digest/ses-mailer';
import { createLocalDynamoClient, createLocalSesClient } from '../../../shared/local/aws-clients';
import { startSesLocal, type SesLocal } from '../../../shared/local/ses-local';
import { systemClock } from '../../../shared/ports';
import { createDynamoStores } from '../../../shared/store';
import { createDynamoRateTokenStore } from '../../../shared/store/dynamo-rate-token-store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { plentyOfTime, sqsEvent, sqsRecord } from '../../support/sqs-event';
import { clock, config, freshStores, links, mailsFor, seed, subscriber } from './support/digest-fixtures';

// One a second: any two sends in one second break it, however slowly this machine renders.
const QUOTA_PER_SECOND = 1;
const silent = new Logger({ serviceName: 'test', logLevel: 'SILENT' });

let services: LocalServices;
let ses: SesLocal;
beforeAll(async () => {
  services = await useLocalServices();
  ses = await startSesLocal({ quota: { maxSendRate: QUOTA_PER_SECOND, max24HourSend: 50_000 } });
}, LOCAL_SERVICES_TIMEOUT_MS);
afterAll(async () => {
  await ses.stop();
});

describe('the digest at scale', () => {
  it('keeps two concurrent workers together within one SES send rate', async () => {
    const tag = randomBytes(4).toString('hex');
    const { stores, names } = await freshStores(services.dynamo);
    const people = Array.from({ length: 8 }, (_, i) => subscriber(tag, `p${i}`));
    await seed(stores, tag, people);

    const instance = () => {
      // What one Lambda instance builds at cold start: its own clients, mailer and pacer.
      const dynamo = createLocalDynamoClient(services.dynamoEndpoint);
      const mailer = createSesMailer(createLocalSesClient(ses.endpoint));
      // Between a token and the SES receipt come the claim write and the transit: on this shared,
      // busy machine (the whole suite in parallel) DynamoDB Local can take most of a second, so
      // tokens are used only in a window's first 200 ms.
      const pacer = createSharedSendRate({
        store: createDynamoRateTokenStore(dynamo, names.deliveries),
        ratePerSecond: () => mailer.maxSendRate(),
        clock: systemClock,
        marginMs: 800,
      });
      return createDigestWorker({ deps: { ...createDynamoStores(dynamo, names), mailer, pacer, links, clock }, config, logger: silent });
    };
    const batch = (from: number) => ({ date: config.date, subscriberIds: people.slice(from, from + 4).map((person) => person.id) });

    const responses = await Promise.all([
      instance()(sqsEvent(sqsRecord('a', batch(0))), plentyOfTime),
      instance()(sqsEvent(sqsRecord('b', batch(4))), plentyOfTime),
    ]);

    expect(responses).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    const mails = mailsFor(await ses.fetchStore(), people.map((person) => person.email));
    expect(mails).toHaveLength(8);
    const perSecond = new Map<number, number>();
    for (const mail of mails) perSecond.set(mail.at, (perSecond.get(mail.at) ?? 0) + 1);
    // 8 sends at no more than 1 a second (as the SES clock counts them) fall in 8 different seconds.
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(QUOTA_PER_SECOND);
    expect(perSecond.size).toBe(8);
  }, 120_000);

  it('loads the week’s candidate events once per invocation, not once per record', async () => {
    const tag = randomBytes(4).toString('hex');
    const { names } = await freshStores(services.dynamo);
    // A real client whose Query calls on the events table are counted by a middleware.
    const dynamo = createLocalDynamoClient(services.dynamoEndpoint);
    let eventQueries = 0;
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'QueryCommand' && 'TableName' in args.input && args.input.TableName === names.events) eventQueries += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countEventQueries' },
    );
    const stores = createDynamoStores(dynamo, names);
    const people = Array.from({ length: 4 }, (_, i) => subscriber(tag, `q${i}`));
    await seed(stores, tag, people);
    const worker = createDigestWorker({ deps: { ...stores, mailer: createSesMailer(services.ses), links, clock }, config, logger: silent });
    const message = (ids: string[]) => ({ date: config.date, subscriberIds: ids });

    eventQueries = 0;
    await worker(sqsEvent(sqsRecord('one', message([people[0]?.id ?? '']))), plentyOfTime);
    const perInvocation = eventQueries;
    eventQueries = 0;
    const response = await worker(
      sqsEvent(...people.slice(1).map((person, i) => sqsRecord(`r${i}`, message([person.id])))),
      plentyOfTime,
    );

    expect(response.batchItemFailures).toEqual([]);
    expect(mailsFor(await services.fetchSesStore(), people.map((person) => person.email))).toHaveLength(4);
    // One Query per local day of the widened window: Nov 29 – Dec 7 = 9 days.
    expect(perInvocation).toBe(9);
    expect(eventQueries).toBe(perInvocation);
  }, 120_000);
});

/**
 * The send path's order and fault isolation, against DynamoDB Local and the local SES:
 * - each subscriber's send token is taken before the claim, and the claim before the send;
 * - one subscriber's store error (injected: DynamoDB Local cannot fail for one key on demand, so a
 *   wrapper over the real store throws for that subscriber alone) is that subscriber's failure;
 *   the others are sent, and the worker hands the record back for a retry.
 */
import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDigestWorker } from '../../../functions/digest-worker/worker';
import { createSesMailer } from '../../../shared/digest/ses-mailer';
import { sendDigests } from '../../../shared/digest/send-digests';
import type { DeliveryStore, Mailer, SendPacer } from '../../../shared/ports';
import { StoreError } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { plentyOfTime, sqsEvent, sqsRecord } from '../../support/sqs-event';
import { clock, config, freshStores, links, mailsFor, seed, subscriber } from './support/digest-fixtures';

let services: LocalServices;
beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

describe('the send path', () => {
  it('takes the send token before the claim and claims before sending, for every subscriber', async () => {
    const tag = randomBytes(4).toString('hex');
    const { stores } = await freshStores(services.dynamo);
    const people = [subscriber(tag, 'kim'), subscriber(tag, 'lou')];
    await seed(stores, tag, people);
    const log: string[] = [];
    const real = createSesMailer(services.ses);
    // Recording wrappers around the real store and mailer; nothing is faked.
    const deliveries: DeliveryStore = {
      ...stores.deliveries,
      claim: async (record) => {
        log.push(`claim ${record.subscriberId}`);
        return stores.deliveries.claim(record);
      },
    };
    const mailer: Mailer = {
      maxSendRate: () => real.maxSendRate(),
      sendRaw: async (message) => {
        log.push('send');
        return real.sendRaw(message);
      },
    };
    const pacer: SendPacer = { take: () => Promise.resolve(void log.push('token')) };

    const summary = await sendDigests({ ...stores, deliveries, mailer, pacer, links, clock }, config);

    expect(summary).toMatchObject({ sent: 2, failed: 0 });
    // Subscribers come in the store's order (by id); each one's steps are token, claim, send.
    const order = [...people].map((person) => person.id).sort();
    expect(log).toEqual(order.flatMap((id) => ['token', `claim ${id}`, 'send']));
  });

  it('keeps one subscriber’s store error to that subscriber and retries the record', async () => {
    const tag = randomBytes(4).toString('hex');
    const { stores } = await freshStores(services.dynamo);
    const [may, ned, oz] = [subscriber(tag, 'may'), subscriber(tag, 'ned'), subscriber(tag, 'oz')];
    await seed(stores, tag, [may, ned, oz]);
    const failing = (id: string): DeliveryStore => ({
      ...stores.deliveries,
      claim: (record) => (record.subscriberId === id ? Promise.reject(new StoreError('injected: claim failed')) : stores.deliveries.claim(record)),
    });

    const summary = await sendDigests({ ...stores, deliveries: failing(ned.id), mailer: createSesMailer(services.ses), links, clock }, config);
    expect(summary).toMatchObject({ sent: 2, failed: 1, failures: [{ subscriberId: ned.id, error: 'StoreError: injected: claim failed' }] });
    const mails = mailsFor(await services.fetchSesStore(), [may.email, ned.email, oz.email]);
    expect(mails.map((mail) => mail.destination.to[0]).sort()).toEqual([may.email, oz.email].sort());

    // Through the worker: a lookup error for one subscriber fails the record (retry), the rest is done.
    const lookupFails: DeliveryStore = {
      ...stores.deliveries,
      lookup: (id, week) => (id === ned.id ? Promise.reject(new StoreError('injected: lookup failed')) : stores.deliveries.lookup(id, week)),
    };
    const worker = createDigestWorker({
      deps: { ...stores, deliveries: lookupFails, mailer: createSesMailer(services.ses), links, clock },
      config,
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    });
    const message = { date: config.date, subscriberIds: [may.id, ned.id, oz.id] };
    expect(await worker(sqsEvent(sqsRecord('f1', message)), plentyOfTime)).toEqual({ batchItemFailures: [{ itemIdentifier: 'f1' }] });
    // The retry with a healthy store sends only ned.
    const healthy = createDigestWorker({ deps: { ...stores, mailer: createSesMailer(services.ses), links, clock }, config, logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }) });
    expect(await healthy(sqsEvent(sqsRecord('f1', message)), plentyOfTime)).toEqual({ batchItemFailures: [] });
    expect(mailsFor(await services.fetchSesStore(), [may.email, ned.email, oz.email])).toHaveLength(3);
  }, 60_000);
});

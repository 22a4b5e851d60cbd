/**
 * Issue 8 §5: a crash between the delivery claim and the send does not lose the week. A real child
 * process runs the digest worker against DynamoDB Local and the local SES and is killed with
 * SIGKILL while its second subscriber's claim is written and the mail is not sent yet. The same
 * SQS message, run again while the lease is live, does not send that digest (and goes back to the
 * queue); run after the lease, it takes the claim over and sends it: one mail each, that week.
 * No fault is mocked: the child's mailer only stops (to be killed) before the real send.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDigestWorker } from '../../../functions/digest-worker/worker';
import type { DigestMessage } from '../../../functions/shared/messages';
import { createSesMailer } from '../../../shared/digest/ses-mailer';
import type { DynamoStores } from '../../../shared/store';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { plentyOfTime, sqsEvent, sqsRecord } from '../../support/sqs-event';
import { CRASH_INPUT_ENV, HANGING, type CrashInput } from './support/crash-protocol';
import { config, freshStores, links, mailsFor, RUN_AT, seed, subscriber } from './support/digest-fixtures';

let services: LocalServices;
beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

/** Runs the worker in a child process until it hangs before send `hangOnSend`, then SIGKILLs it. */
async function runAndKill(input: CrashInput): Promise<NodeJS.Signals | null> {
  const script = fileURLToPath(new URL('./support/crash-worker.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, [CRASH_INPUT_ENV]: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(HANGING)) resolve();
    });
    child.once('exit', (code) => {
      reject(new Error(`the child exited (${String(code)}) before hanging: ${out}\n${err.slice(-2000)}`));
    });
  });
  child.kill('SIGKILL');
  await exited;
  return child.signalCode;
}

function worker(stores: DynamoStores, now: Date): ReturnType<typeof createDigestWorker> {
  return createDigestWorker({
    deps: { ...stores, mailer: createSesMailer(services.ses), links, clock: { now: () => now } },
    config,
    logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
  });
}

describe('a send claim that survives a crash', () => {
  it('mails the subscriber whose send was killed exactly once, after the lease and not before', async () => {
    const tag = randomBytes(4).toString('hex');
    const { stores, names } = await freshStores(services.dynamo);
    const [ann, bo, cy] = [subscriber(tag, 'ann'), subscriber(tag, 'bo'), subscriber(tag, 'cy')];
    await seed(stores, tag, [ann, bo, cy]);
    const message: DigestMessage = { date: config.date, subscriberIds: [ann.id, bo.id, cy.id] };
    const mailsOf = async (who: { email: string }): Promise<number> => mailsFor(await services.fetchSesStore(), [who.email]).length;

    // Run 1, in a child at 17:00:00Z: ann is sent, bo is claimed, then the process dies.
    const signal = await runAndKill({
      dynamoEndpoint: services.dynamoEndpoint,
      sesEndpoint: services.sesEndpoint,
      tableNames: names,
      messageId: 'msg-1',
      message,
      now: RUN_AT.toISOString(),
      hangOnSend: 2,
    });
    expect(signal).toBe('SIGKILL');
    expect([await mailsOf(ann), await mailsOf(bo), await mailsOf(cy)]).toEqual([1, 0, 0]);
    // The dead run's claim: 17:00:00Z + the 6-minute default lease = 17:06:00Z, no message id.
    expect((await stores.deliveries.lookup(bo.id, '2026-W49')).current).toMatchObject({
      claimedAt: '2026-11-29T17:00:00.000Z',
      leaseUntil: '2026-11-29T17:06:00.000Z',
      messageId: null,
    });

    // Run 2, the same message at 17:01:00Z, lease live: bo is not sent, cy is, and the record goes back.
    const live = await worker(stores, new Date('2026-11-29T17:01:00.000Z'))(sqsEvent(sqsRecord('msg-1', message)), plentyOfTime);
    expect(live.batchItemFailures).toEqual([{ itemIdentifier: 'msg-1' }]);
    expect([await mailsOf(ann), await mailsOf(bo), await mailsOf(cy)]).toEqual([1, 0, 1]);

    // Run 3, the retry at 17:06:01Z, one second after the lease: bo's claim is taken over and sent.
    const after = await worker(stores, new Date('2026-11-29T17:06:01.000Z'))(sqsEvent(sqsRecord('msg-1', message)), plentyOfTime);
    expect(after.batchItemFailures).toEqual([]);
    expect([await mailsOf(ann), await mailsOf(bo), await mailsOf(cy)]).toEqual([1, 1, 1]);
    const [boMail] = mailsFor(await services.fetchSesStore(), [bo.email]);
    expect((await stores.deliveries.lookup(bo.id, '2026-W49')).current).toMatchObject({
      claimedAt: '2026-11-29T17:06:01.000Z',
      messageId: boMail?.messageId,
    });

    // And once more for good measure: nothing left to send this week.
    const again = await worker(stores, new Date('2026-11-29T18:00:00.000Z'))(sqsEvent(sqsRecord('msg-1', message)), plentyOfTime);
    expect(again.batchItemFailures).toEqual([]);
    expect([await mailsOf(ann), await mailsOf(bo), await mailsOf(cy)]).toEqual([1, 1, 1]);
  }, 120_000);
});

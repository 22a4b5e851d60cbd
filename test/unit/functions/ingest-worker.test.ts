/**
 * The ingest worker at handler level, with real parts: the Powertools batch processor, the real
 * fetcher against a local HTTP server, real ingest/normalise code and DynamoDB Local. (It lives under
 * test/unit/functions as the task placed it; it needs the run's local services.) The failing record
 * fails for a real reason, a message whose source URL is `javascript:`, so no fault is injected.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestWorker, type SqsBatchHandler } from '../../../functions/ingest-worker/worker';
import type { IngestMessageInput } from '../../../functions/shared/messages';
import { buildUserAgent, createFetcher } from '../../../shared/fetch';
import type { Fetcher } from '../../../shared/fetch';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { buildIcs } from '../../support/ics-builder';
import { respond, startHttpFixture, type HttpFixture } from '../../support/http-fixtures';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';

// 2026-11-02 is a Monday; the feeds' events fall inside the 60-day horizon.
const NOW = new Date('2026-11-02T10:00:00Z');
const clock = { now: () => NOW };

let fixture: HttpFixture;
let stores: DynamoStores;
let fetcher: Fetcher;
let worker: SqsBatchHandler;

function message(id: string, url: string): IngestMessageInput {
  return {
    sources: [{ id, name: `Group ${id}`, kind: 'job-seeker-group', audience: 'job-seeker', fetch: 'ical', url }],
    defaultTimeZone: 'America/New_York',
  };
}

function sqsRecord(messageId: string, body: unknown): SQSRecord {
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body: JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(NOW.getTime()),
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(NOW.getTime()),
    },
    messageAttributes: {},
    md5OfBody: '0'.repeat(32),
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:netmix-ingest',
    awsRegion: 'us-east-1',
  };
}

const plenty = { getRemainingTimeInMillis: () => 240_000 };

beforeAll(async () => {
  const services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames, { clock });
  fixture = await startHttpFixture({
    // 18:00 EST (−5) on Wed 18 Nov 2026 = 23:00Z.
    '/alpha.ics': respond(200, buildIcs('Alpha', [{ uid: 'alpha-1@test', title: 'Alpha job club', start: '2026-11-18T23:00:00Z' }]), { 'content-type': 'text/calendar' }),
    // 08:30 EST (−5) on Tue 24 Nov 2026 = 13:30Z.
    '/beta.ics': respond(200, buildIcs('Beta', [{ uid: 'beta-1@test', title: 'Beta breakfast', start: '2026-11-24T13:30:00Z' }]), { 'content-type': 'text/calendar' }),
    '/gamma.ics': respond(200, buildIcs('Gamma', [{ uid: 'gamma-1@test', title: 'Gamma mixer', start: '2026-11-20T22:00:00Z' }]), { 'content-type': 'text/calendar' }),
  });
  fetcher = createFetcher({
    userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://netmix.example.org' }),
    allowLoopback: { ports: [fixture.port] },
    perHostDelayMs: 0,
  });
  worker = createIngestWorker({
    deps: { fetcher, events: stores.events, sourceStates: stores.sources, clock },
    horizonDays: 60,
    logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
  });
}, LOCAL_SERVICES_TIMEOUT_MS);

afterAll(async () => {
  await fetcher.close();
  await fixture.close();
});

describe('ingest worker', () => {
  it('reports exactly the record that failed and stores the others', async () => {
    const event: SQSEvent = {
      Records: [
        sqsRecord('m1', message('alpha', fixture.url('/alpha.ics'))),
        sqsRecord('m2', message('bad', 'javascript:alert(1)')),
        sqsRecord('m3', message('beta', fixture.url('/beta.ics'))),
      ],
    };
    const response = await worker(event, plenty);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    const alpha = await stores.events.listBySource('alpha');
    expect(alpha.map((stored) => [stored.event.title, stored.event.start])).toEqual([['Alpha job club', '2026-11-18T23:00:00.000Z']]);
    const beta = await stores.events.listBySource('beta');
    expect(beta.map((stored) => [stored.event.title, stored.event.start])).toEqual([['Beta breakfast', '2026-11-24T13:30:00.000Z']]);
    expect((await stores.sources.get('alpha'))?.lastStatus).toBe('ok');
    expect(await stores.sources.get('bad')).toBeNull();
  });

  it('starts nothing with under 10 s left and hands every record back (LR-07)', async () => {
    const before = fixture.requestsTo('/gamma.ics').length;
    const event: SQSEvent = { Records: [sqsRecord('g1', message('gamma', fixture.url('/gamma.ics'))), sqsRecord('g2', message('gamma', fixture.url('/gamma.ics')))] };

    const response = await worker(event, { getRemainingTimeInMillis: () => 5_000 });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'g1' }, { itemIdentifier: 'g2' }] });
    expect(fixture.requestsTo('/gamma.ics')).toHaveLength(before);
    expect(await stores.events.listBySource('gamma')).toEqual([]);
    expect(await stores.sources.get('gamma')).toBeNull();
  });
});

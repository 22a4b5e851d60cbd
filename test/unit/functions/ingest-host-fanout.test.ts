/**
 * Issue 9 §5 for the ingest: one request at a time per host holds across the fan-out. The
 * dispatcher's own message builder groups a host's sources into one SQS message; two ingest workers
 * (each with its own fetcher, as two Lambda instances have) take the messages side by side; a real
 * HTTP server on 127.0.0.1 that answers each feed after 300 ms records how many requests were open
 * at once. With a message per source, the second worker would fetch the same host meanwhile.
 * (Under test/unit/functions beside the worker's other test; it needs the run's local services.)
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestWorker } from '../../../functions/ingest-worker/worker';
import { ingestMessagesFor, type IngestMessageInput } from '../../../functions/shared/messages';
import { buildUserAgent, createFetcher, type Fetcher } from '../../../shared/fetch';
import { groupSourcesByHost } from '../../../shared/ingest/host-groups';
import { createDynamoStores, type DynamoStores } from '../../../shared/store';
import { buildIcs } from '../../support/ics-builder';
import { respond, startHttpFixture, type HttpFixture, type RouteHandler } from '../../support/http-fixtures';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../../support/local-services';
import { plentyOfTime, sqsEvent, sqsRecord } from '../../support/sqs-event';

// Mon 2026-11-02 10:00Z; the feeds' events fall inside the 60-day horizon.
const NOW = new Date('2026-11-02T10:00:00Z');
const clock = { now: () => NOW };
const FEEDS = ['a', 'b', 'c', 'd'];

let fixture: HttpFixture;
let stores: DynamoStores;
const fetchers: Fetcher[] = [];

/** Answers after `ms`, so two requests to the host would overlap if two workers sent them. */
function slow(ms: number, handler: RouteHandler): RouteHandler {
  return async (request, response) => {
    await delay(ms);
    await handler(request, response);
  };
}

function source(id: string, url: string): IngestMessageInput['sources'][number] {
  return { id, name: `Group ${id}`, kind: 'job-seeker-group', audience: 'job-seeker', fetch: 'ical', url };
}

beforeAll(async () => {
  const services = await useLocalServices();
  stores = createDynamoStores(services.dynamo, services.tableNames, { clock });
  // 18:00 EST (−5) on Wed 18 Nov 2026 = 23:00Z.
  const feed = (name: string) => buildIcs(name, [{ uid: `${name}-1@test`, title: `Feed ${name} meeting`, start: '2026-11-18T23:00:00Z' }]);
  fixture = await startHttpFixture(Object.fromEntries(FEEDS.map((name) => [`/${name}.ics`, slow(300, respond(200, feed(name), { 'content-type': 'text/calendar' }))])));
  fixture.route('/robots.txt', slow(300, respond(404)));
}, LOCAL_SERVICES_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(fetchers.map((fetcher) => fetcher.close()));
  await fixture.close();
});

function workerInstance(): ReturnType<typeof createIngestWorker> {
  const fetcher = createFetcher({
    userAgent: buildUserAgent({ version: '0.1.0', contactUrl: 'https://netmix.example.org' }),
    allowLoopback: { ports: [fixture.port] },
    perHostDelayMs: 0,
  });
  fetchers.push(fetcher);
  return createIngestWorker({ deps: { fetcher, events: stores.events, sourceStates: stores.sources, clock }, horizonDays: 60, logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }) });
}

describe('ingest fan-out by host', () => {
  it('groups sources by host name, in file order', () => {
    const grouped = groupSourcesByHost([
      { url: 'https://calendar.example.org/a.ics' },
      { url: 'https://other.example.net/b' },
      { url: 'https://CALENDAR.example.org:8443/c.ics' },
    ]);
    // The fetcher queues per host name (port aside), so the third joins the first.
    expect(grouped.map((group) => group.map(({ url }) => url))).toEqual([
      ['https://calendar.example.org/a.ics', 'https://CALENDAR.example.org:8443/c.ics'],
      ['https://other.example.net/b'],
    ]);
  });

  it('never has two requests to one host open at once across two concurrent workers', async () => {
    const sources = FEEDS.map((name) => source(`host-${name}`, fixture.url(`/${name}.ics`)));
    const messages = ingestMessagesFor(sources, 'America/New_York');
    expect(messages).toHaveLength(1);
    // Round-robin over two workers, as two Lambda instances would take messages off one queue.
    const workers = [workerInstance(), workerInstance()];
    const responses = await Promise.all(
      workers.map((worker, w) => {
        const mine = messages.filter((_, i) => i % workers.length === w);
        return mine.length === 0 ? Promise.resolve({ batchItemFailures: [] }) : worker(sqsEvent(...mine.map((body, i) => sqsRecord(`m${w}-${i}`, body))), plentyOfTime);
      }),
    );

    expect(responses).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(FEEDS.map((name) => fixture.requestsTo(`/${name}.ics`).length)).toEqual([1, 1, 1, 1]);
    expect(fixture.maxConcurrentRequests).toBe(1);
    for (const name of FEEDS) expect((await stores.sources.get(`host-${name}`))?.lastStatus).toBe('ok');
  }, 60_000);

  it('still reads a message queued before host groups (one source)', async () => {
    const worker = workerInstance();
    const legacy = { source: source('legacy', fixture.url('/a.ics')), defaultTimeZone: 'America/New_York' };
    expect(await worker(sqsEvent(sqsRecord('old', legacy)), plentyOfTime)).toEqual({ batchItemFailures: [] });
    expect((await stores.events.listBySource('legacy')).map((stored) => stored.event.title)).toEqual(['Feed a meeting']);
  }, 60_000);
});

/**
 * Signup throughput over real HTTP on 127.0.0.1 against the subscription app over DynamoDB Local
 * (in memory), with the signup limits (the limits table) and without them (a limiter that admits
 * all), in one process and one run. Confirmation mails go to a mailer that only counts them: this
 * measures the answer path (limits, conditional create, deferred job), not SES. Prints one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { createLocalDynamoClient } from '../shared/local/aws-clients';
import { startDynamoLocal } from '../shared/local/dynamo-local';
import { createDynamoSignupLimiter, createDynamoStores, createTables, tableNamesWithPrefix } from '../shared/store';
import { createSubscriptionApp } from '../shared/subscriptions/app';
import { createDeferredWork } from '../shared/subscriptions/deferred-work';
import { createLinkBuilder } from '../shared/subscriptions/links';
import { serveSubscriptionApp } from '../shared/subscriptions/node-server';
import { DEFAULT_SIGNUP_LIMITS, UNLIMITED, type SignupLimiter } from '../shared/subscriptions/signup-limits';

const REQUESTS = 400;
const CONCURRENCY = 8;
const dynamo = await startDynamoLocal();
const client = createLocalDynamoClient(dynamo.endpoint);
const names = tableNamesWithPrefix('bench');
await createTables(client, names);
const stores = createDynamoStores(client, names);
const keys = { current: { id: 'b1', secret: randomBytes(32).toString('hex') } };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function run(limiter: SignupLimiter, label: string): Promise<{ rps: number; p50: number; p99: number }> {
  const deferred = createDeferredWork(() => undefined);
  const app = createSubscriptionApp({
    subscribers: stores.subscribers, events: stores.events, deliveries: stores.deliveries, links: createLinkBuilder('http://127.0.0.1', keys), keys,
    mailer: { sendRaw: () => Promise.resolve({ messageId: 'bench' }), maxSendRate: () => Promise.resolve(14) },
    clock: { now: () => new Date('2036-11-23T01:00:00Z') }, operator: { name: 'Bench', postalAddress: '107 Merrimack St, Lowell, MA 01852' },
    from: 'Netmix <digest@example.org>', siteOrigin: 'http://127.0.0.1', timeZone: 'America/New_York', formVersion: 'bench', logger: quiet, limiter, deferred,
  });
  const served = await serveSubscriptionApp(app, { port: 0, hostname: '127.0.0.1' });
  const post = async (n: number): Promise<number> => {
    const body = new URLSearchParams([['email', `${label}-${String(n)}@example.com`], ['zip', '01852'], ['radiusMiles', '20'], ['mix', 'balanced'], ['online', 'yes'], ['digestSize', '8']]);
    const started = performance.now();
    const response = await fetch(`${served.url}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' }, body: body.toString() });
    await response.text();
    if (response.status !== 202) throw new Error(`signup answered ${String(response.status)}`);
    return performance.now() - started;
  };
  for (let n = 0; n < 40; n += 1) await post(-1 - n); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) latencies.push(await post(next++));
  }));
  const seconds = (performance.now() - started) / 1000;
  await deferred.idle();
  await served.close();
  latencies.sort((a, b) => a - b);
  return { rps: REQUESTS / seconds, p50: latencies[Math.floor(REQUESTS * 0.5)] ?? Number.NaN, p99: latencies[Math.floor(REQUESTS * 0.99)] ?? Number.NaN };
}

const unlimited = await run(UNLIMITED, 'free');
const limited = await run(createDynamoSignupLimiter(client, names.limits, { ...DEFAULT_SIGNUP_LIMITS, perClientPerHour: 100_000 }), 'limited');
client.destroy();
await dynamo.stop();
console.log(JSON.stringify({ requests: REQUESTS, concurrency: CONCURRENCY, unlimited, limited }));

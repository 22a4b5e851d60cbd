/**
 * The operator's weekly report against DynamoDB Local and the local SES, from hand-built states
 * (report-fixtures.ts): every section's figures, the text and HTML renderings, the mail, and the
 * `report`, `subscribers` and `deliveries` commands reading those tables through `--aws` (the SDK's
 * own AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB Local; the outputs file is written here).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeliveries } from '../../../cli/deliveries';
import type { Io } from '../../../cli/io';
import { resolveAwsTables } from '../../../cli/ops-target';
import { runReport } from '../../../cli/report';
import { runSubscribers } from '../../../cli/subscribers';
import { OUTPUT } from '../../../infra/constructs/outputs';
import { sendDigests, SKIP_ALREADY_SENT } from '../../../shared/digest/send-digests';
import { createSesMailer } from '../../../shared/digest/ses-mailer';
import { LOCAL_CREDENTIALS } from '../../../shared/local/aws-clients';
import { buildOperatorReport, type OperatorReport } from '../../../shared/ops/report';
import { sendReport } from '../../../shared/ops/report-mail';
import { renderReportHtml, renderReportText } from '../../../shared/ops/report-render';
import { previousIsoWeek } from '../../../shared/ops/report-week';
import { createDynamoStores, type TableNames } from '../../../shared/store';
import { createDynamoOpsReads } from '../../../shared/store/dynamo-ops-reads';
import { createDynamoWeekTallyStore } from '../../../shared/store/dynamo-week-tally';
import { resolveStoreOptions } from '../../../shared/store/store-options';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';
import { clock, config, links } from '../digest/support/digest-fixtures';
import { NOW, PEOPLE, seedReportStates, WEEK, ZONE } from './report-fixtures';

let services: LocalServices;
let report: OperatorReport;
let dir: string;
let outputsFile: string;
const savedEnv = { ...process.env };

function outputsOf(names: TableNames): Record<string, string> {
  return {
    [OUTPUT.eventsTable]: names.events,
    [OUTPUT.sourcesTable]: names.sources,
    [OUTPUT.subscribersTable]: names.subscribers,
    [OUTPUT.deliveriesTable]: names.deliveries,
    [OUTPUT.operatorTopicArn]: 'arn:aws:sns:eu-west-2:123456789012:NetmixOperator',
    [OUTPUT.timeZone]: ZONE,
  };
}

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line), now: () => NOW }, out, err };
}

beforeAll(async () => {
  services = await useLocalServices();
  await seedReportStates(services.dynamo, services.tableNames);
  const stores = createDynamoStores(services.dynamo, services.tableNames);
  const options = resolveStoreOptions();
  report = await buildOperatorReport(
    { sources: stores.sources, events: stores.events, reads: createDynamoOpsReads(services.dynamo, services.tableNames, options), tally: createDynamoWeekTallyStore(services.dynamo, services.tableNames.deliveries) },
    { isoWeek: WEEK, timeZone: ZONE, now: NOW },
  );
  dir = mkdtempSync(join(tmpdir(), 'netmix-report-'));
  outputsFile = join(dir, 'cdk-outputs.json');
  writeFileSync(outputsFile, JSON.stringify({ NetmixProd: outputsOf(services.tableNames) }));
  // --aws builds an ordinary DynamoDB client: the SDK's endpoint variable sends it to DynamoDB Local.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: services.dynamoEndpoint,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
}, LOCAL_SERVICES_TIMEOUT_MS);

afterAll(() => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

describe('the weekly report', () => {
  it('covers the week that just ended when run on Monday morning', () => {
    // Mon Dec 7 08:00 EST: seven days back is Mon Nov 30, ISO week 49.
    expect(previousIsoWeek(NOW, ZONE)).toBe(WEEK);
    expect(report.weekDates).toEqual({ first: '2026-11-30', last: '2026-12-06' });
  });

  it('says how each source is doing, and why', () => {
    expect(report.sources.counts).toEqual({ ok: 1, failing: 1, empty: 1, stale: 1 });
    const byId = Object.fromEntries(report.sources.lines.map((line) => [line.sourceId, line]));
    expect(byId['fail-src']).toEqual({ sourceId: 'fail-src', health: 'failing', reason: '<script>alert(1)</script> HTTP 503 (3 runs in a row)' });
    expect(byId['stale-src']?.health).toBe('stale');
    // Nov 29 10:00Z to Dec 7 13:00Z: 8 days and 3 hours.
    expect(byId['stale-src']?.reason).toContain('no successful fetch for 8 days');
    expect(byId['empty-src']?.reason).toBe('the last successful fetch found no upcoming events');
    expect(byId['ok-src']?.health).toBe('ok');
  });

  it("counts next week's live events by audience and category", () => {
    expect(report.nextWeek).toEqual({
      first: '2026-12-07',
      last: '2026-12-13',
      total: 3,
      byAudience: { 'job-seeker': 2, professional: 1 },
      byCategory: [
        { category: 'job-fair', count: 1 },
        { category: 'job-seeker-group', count: 1 },
        { category: 'professional-association', count: 1 },
      ],
    });
  });

  it('counts subscribers by status and those created within the week (local Monday to Monday)', () => {
    expect(report.subscribers).toEqual({
      byStatus: { pending: 1, active: 2, unsubscribed: 1, suppressed: 1 },
      total: 5,
      newThisWeek: 2,
      newByStatus: { pending: 1, active: 1, unsubscribed: 0, suppressed: 0 },
    });
  });

  it("counts the week's digests: sent from the deliveries, skipped and failed from the tally, the send-rate item left out", () => {
    expect(report.digests).toEqual({
      sent: 2,
      eventsSent: 5,
      skipped: [
        { reason: 'already sent', count: 2 },
        { reason: 'no events near', count: 2 },
      ],
      failed: 1,
      abandoned: 1,
      inProgress: 0,
      runs: 2,
    });
  });

  it("rates bounces and complaints against the week's digests and SES's thresholds", () => {
    // One permanent bounce and one complaint (not-spam and transient ones not counted) over 2 digests.
    expect(report.feedback).toEqual({ bounces: 1, complaints: 1, bounceRate: 0.5, complaintRate: 0.5, bounceLevel: 'review', complaintLevel: 'review' });
  });

  it('renders as text and as escaped HTML, and mails through the local SES', async () => {
    const text = renderReportText(report);
    expect(text).toContain('== Sources: 1 ok, 1 failing, 1 empty, 1 stale');
    expect(text).toContain('bounce rate 50.00% (UNDER REVIEW RISK)');
    const html = renderReportHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const to = `ops-${String(Date.now())}@example.org`;
    await sendReport(createSesMailer(services.ses), report, { from: 'Example Career Center <digest@example.org>', to, operatorName: 'Example Career Center' });
    const mails = (await services.fetchSesStore()).filter((mail) => mail.destination.to.some((address) => address.includes(to)));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Example Career Center: Netmix week 2026-W49: 2 digests sent; 1 failing, 1 stale, 1 digests failed, SES rates high');
  });
});

describe('the operator commands with --aws', () => {
  it('resolve the table names and region from the outputs file, without the network', async () => {
    const resolved = await resolveAwsTables(outputsFile, undefined);
    expect(resolved).toEqual({ stackName: 'NetmixProd', region: 'eu-west-2', timeZone: ZONE, tables: { events: services.tableNames.events, sources: services.tableNames.sources, subscribers: services.tableNames.subscribers, deliveries: services.tableNames.deliveries } });
    const two = join(dir, 'two.json');
    writeFileSync(two, JSON.stringify({ A: outputsOf(services.tableNames), B: outputsOf(services.tableNames) }));
    await expect(resolveAwsTables(two, undefined)).rejects.toThrow(/several stacks \(A, B\): pass --stack/);
    expect((await resolveAwsTables(two, 'B', 'us-west-2')).region).toBe('us-west-2');
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ A: { [OUTPUT.eventsTable]: 'x-events' } }));
    await expect(resolveAwsTables(old, undefined, 'us-east-1')).rejects.toThrow(/no SourcesTable output: deploy this version first/);
  });

  // --region us-east-1 below: DynamoDB Local keeps each region's tables apart, and the tests' are there.
  it('report --aws --week prints the same report', async () => {
    const { io, out } = capture();
    expect(await runReport(['--aws', '--outputs', outputsFile, '--region', 'us-east-1', '--week', WEEK], io)).toBe(0);
    expect(out[0]).toBe('From the deployed stack NetmixProd (us-east-1).');
    expect(out.slice(1).join('\n')).toBe(renderReportText({ ...report, generatedAt: NOW.toISOString() }));
  });

  it('subscribers counts by status without addresses, and lists them only with --list', async () => {
    const counted = capture();
    expect(await runSubscribers(['--aws', '--outputs', outputsFile, '--region', 'us-east-1', '--week', WEEK], counted.io)).toBe(0);
    const text = counted.out.join('\n');
    expect(text).not.toContain('@');
    expect(text).toMatch(/active\s+2\s+1/);
    expect(text).toMatch(/total\s+5\s+2/);
    const listed = capture();
    expect(await runSubscribers(['count', '--aws', '--outputs', outputsFile, '--region', 'us-east-1', '--list', '--status', 'pending'], listed.io)).toBe(0);
    const pending = PEOPLE.find((person) => person.status === 'pending');
    expect(listed.out.join('\n')).toContain(pending?.email ?? 'missing');
    expect(listed.out.join('\n')).not.toContain(PEOPLE[0]?.email ?? 'missing');
    await expect(runSubscribers(['frobnicate'], capture().io)).rejects.toThrow(/unknown subcommand "frobnicate"/);
  });

  it('deliveries says what was sent and to how many', async () => {
    const { io, out } = capture();
    expect(await runDeliveries(['--aws', '--outputs', outputsFile, '--region', 'us-east-1', '--week', WEEK], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/sent\s+2/);
    expect(text).toMatch(/skipped: no events near\s+2/);
    expect(text).toMatch(/failed sends\s+1/);
    expect(text).toMatch(/claimed, not sent\s+1/);
    expect(text).toContain('5 events in 2 digests, 3 different events');
    // The club night went to both digests, the fair to both, the chapter meeting to one.
    expect(text).toMatch(/2\s+2026-12-07\s+Event club/);
    expect(text).toMatch(/1\s+2026-12-13\s+Event chapter/);
  });
});

// Last: it adds to the week's tally the figures above were read from.
describe('a digest run', () => {
  it('counts its outcome into the week tally, and a dry run counts nothing', async () => {
    const stores = createDynamoStores(services.dynamo, services.tableNames);
    const tally = createDynamoWeekTallyStore(services.dynamo, services.tableNames.deliveries);
    const deps = { ...stores, mailer: createSesMailer(services.ses), links, clock, tally };
    // Both active subscribers already had W49's digest: skipped as already sent, nothing mailed.
    const summary = await sendDigests(deps, config);
    expect(summary.skipped).toEqual([{ reason: SKIP_ALREADY_SENT, count: 2 }]);
    await sendDigests(deps, { ...config, dryRun: true });
    const after = await tally.get(WEEK);
    expect({ runs: after.runs, sent: after.sent, skipped: after.skipped }).toEqual({
      runs: 3,
      sent: 2,
      // The fixture's hand-written "already sent", then this run's reason (equal counts: by name).
      skipped: [
        { reason: 'already sent', count: 2 },
        { reason: SKIP_ALREADY_SENT, count: 2 },
        { reason: 'no events near', count: 2 },
      ],
    });
  });
});

/** `netmix report [--week 2026-W49] [--mail]`: the operator's weekly report from the local store or, with `--aws`, the deployed tables. */
import { parseArgs } from 'node:util';
import { IsoWeekSchema } from '../shared/store/dynamo-delivery-store';
import { buildOperatorReport, type OperatorReport } from '../shared/ops/report';
import { sendReport } from '../shared/ops/report-mail';
import { renderReportText } from '../shared/ops/report-render';
import { currentIsoWeek } from '../shared/ops/report-week';
import { EmailSchema } from '../shared/model/subscriber';
import { UsageError } from './errors';
import type { Io } from './io';
import { LOCAL_FROM, LOCAL_OPERATOR, startLocalStack } from './local-stack';
import { openOpsTarget, TARGET_HELP, TARGET_OPTIONS, type OpsTarget, wantsHelp } from './ops-target';

export const REPORT_HELP = `usage: netmix report [--week 2026-W49] [--mail [--to ADDRESS]] [--aws ...]

  The operator's weekly report: sources ok / failing / empty / stale and why, next week's events by
  audience and category, subscribers by status and new this week, the week's digests (sent, skipped
  and why, failed), bounce and complaint rates against SES's thresholds. Reads only.
  --week W         the ISO week reported on (default: this week in the zone)
  --mail           also mail it through the local SES (see it in the mail viewer)
  --to ADDRESS     who the local mail goes to (default operator@netmix.example.org)
${TARGET_HELP}`;

/** The zone a command reads weeks in: --tz, else the target's, else the sample region's. */
export function zoneOf(tz: string | undefined, target: Pick<OpsTarget, 'timeZone'>): string {
  return tz ?? target.timeZone ?? 'America/New_York';
}

/** The ISO week asked for, or the current one in `timeZone`. */
export function weekOf(week: string | undefined, now: Date, timeZone: string): string {
  if (week === undefined) return currentIsoWeek(now, timeZone);
  const parsed = IsoWeekSchema.safeParse(week);
  if (!parsed.success) throw new UsageError(`--week: ${week} is not an ISO week like 2026-W49`);
  return parsed.data;
}

export async function runReport(argv: string[], io: Io): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(REPORT_HELP);
    return 0;
  }
  const { values } = parseArgs({
    args: argv,
    options: { ...TARGET_OPTIONS, week: { type: 'string' }, mail: { type: 'boolean', default: false }, to: { type: 'string', default: 'operator@netmix.example.org' } },
  });
  if (values.mail && values.aws) throw new UsageError('--mail sends through the local SES; the deployed stack mails its own report every Monday');
  const to = EmailSchema.safeParse(values.to);
  if (!to.success) throw new UsageError(`--to: ${values.to} is not an email address`);
  const target = await openOpsTarget({ aws: values.aws, outputs: values.outputs, ...(values.stack === undefined ? {} : { stack: values.stack }), ...(values.region === undefined ? {} : { region: values.region }) });
  let report: OperatorReport;
  try {
    const timeZone = zoneOf(values.tz, target);
    report = await buildOperatorReport(target, { isoWeek: weekOf(values.week, io.now(), timeZone), timeZone, now: io.now() });
  } finally {
    await target.close();
  }
  io.out(`From the ${target.where}.`);
  io.out(renderReportText(report));
  if (values.mail) {
    const stack = await startLocalStack({ timeZone: report.timeZone, io });
    try {
      const messageId = await sendReport(stack.mailer, report, { from: LOCAL_FROM, to: to.data, operatorName: LOCAL_OPERATOR.name });
      io.out(`Mailed to ${to.data} through the local SES (message ${messageId}); mail viewer: ${stack.ses.viewerUrl}`);
    } finally {
      await stack.stop();
    }
  }
  return 0;
}

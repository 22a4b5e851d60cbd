/**
 * The operator's report as text (terminal and the mail's text part) and as simple HTML (the mail's
 * HTML part), from one list of sections so the two always say the same. Source ids and errors come
 * from the store and, in the end, from feeds: escaped in HTML.
 */
import { escapeHtml } from '../digest/escape';
import { SES_THRESHOLDS, type Level, type OperatorReport } from './report';

interface Section {
  title: string;
  /** One summary line. */
  summary: string;
  /** Rows of label and value. */
  rows: [string, string][];
}

function percent(rate: number | null): string {
  return rate === null ? 'n/a (no digest sent)' : `${(rate * 100).toFixed(2)}%`;
}

const LEVEL_WORDS: Record<Level, string> = { ok: 'ok', warning: 'WARNING', review: 'UNDER REVIEW RISK' };

function sectionsOf(report: OperatorReport): Section[] {
  const { sources, nextWeek, subscribers, digests, feedback } = report;
  const attention = sources.lines.filter((line) => line.health !== 'ok');
  const okLines = sources.lines.filter((line) => line.health === 'ok');
  return [
    {
      title: 'Sources',
      summary: `${sources.counts.ok} ok, ${sources.counts.failing} failing, ${sources.counts.empty} empty, ${sources.counts.stale} stale`,
      // Problems first: they are what the operator acts on.
      rows: [...attention, ...okLines].map((line) => [`${line.health.padEnd(7)} ${line.sourceId}`, line.reason]),
    },
    {
      title: `Events next week (${nextWeek.first} to ${nextWeek.last})`,
      summary: `${nextWeek.total} events: ${nextWeek.byAudience['job-seeker']} for job seekers, ${nextWeek.byAudience.professional} professional`,
      rows: nextWeek.byCategory.map(({ category, count }) => [category, String(count)]),
    },
    {
      title: 'Subscribers',
      summary: `${subscribers.total} in all, ${subscribers.newThisWeek} new this week`,
      rows: (['active', 'pending', 'unsubscribed', 'suppressed'] as const).map((status) => [status, `${subscribers.byStatus[status]} (new this week: ${subscribers.newByStatus[status]})`]),
    },
    {
      title: 'Digests this week',
      summary: `${digests.sent} sent, ${digests.skipped.reduce((sum, skip) => sum + skip.count, 0)} skipped, ${digests.failed} failed`,
      rows: [
        ['sent', `${digests.sent} (${digests.eventsSent} events in all)`],
        ...digests.skipped.map(({ reason, count }): [string, string] => [`skipped: ${reason}`, String(count)]),
        ['failed', String(digests.failed)],
        ...(digests.abandoned > 0 ? [['claimed, never sent (a run died)', String(digests.abandoned)] satisfies [string, string]] : []),
        ...(digests.inProgress > 0 ? [['being sent now', String(digests.inProgress)] satisfies [string, string]] : []),
        ['digest runs (batches)', String(digests.runs)],
      ],
    },
    {
      title: 'Bounces and complaints',
      summary: `bounce rate ${percent(feedback.bounceRate)} (${LEVEL_WORDS[feedback.bounceLevel]}), complaint rate ${percent(feedback.complaintRate)} (${LEVEL_WORDS[feedback.complaintLevel]})`,
      rows: [
        ['permanent bounces', `${feedback.bounces}: ${percent(feedback.bounceRate)} of digests sent; SES warns at ${SES_THRESHOLDS.bounce.warning * 100}%, reviews at ${SES_THRESHOLDS.bounce.review * 100}%`],
        ['complaints', `${feedback.complaints}: ${percent(feedback.complaintRate)} of digests sent; SES warns at ${SES_THRESHOLDS.complaint.warning * 100}%, reviews at ${SES_THRESHOLDS.complaint.review * 100}%`],
      ],
    },
  ];
}

/** The report's subject: the week and what needs looking at. */
export function reportSubject(report: OperatorReport, operatorName: string): string {
  const issues = [
    report.sources.counts.failing > 0 ? `${report.sources.counts.failing} failing` : '',
    report.sources.counts.stale > 0 ? `${report.sources.counts.stale} stale` : '',
    report.digests.failed > 0 ? `${report.digests.failed} digests failed` : '',
    report.feedback.bounceLevel !== 'ok' || report.feedback.complaintLevel !== 'ok' ? 'SES rates high' : '',
  ].filter((issue) => issue !== '');
  return `${operatorName}: Netmix week ${report.isoWeek}: ${report.digests.sent} digests sent${issues.length > 0 ? `; ${issues.join(', ')}` : ''}`;
}

function heading(report: OperatorReport): string {
  return `Netmix weekly report, ISO week ${report.isoWeek} (${report.weekDates.first} to ${report.weekDates.last}, ${report.timeZone}); made ${report.generatedAt}`;
}

/** Plain text, for the terminal and the mail's text part. */
export function renderReportText(report: OperatorReport): string {
  const out = [heading(report), ''];
  for (const section of sectionsOf(report)) {
    out.push(`== ${section.title}: ${section.summary}`);
    const width = Math.min(48, Math.max(0, ...section.rows.map(([label]) => label.length)));
    for (const [label, value] of section.rows) out.push(`  ${label.padEnd(width)}  ${value}`);
    out.push('');
  }
  return out.join('\n');
}

/** Simple HTML (tables, no images, no scripts), for the mail's HTML part. */
export function renderReportHtml(report: OperatorReport): string {
  const body = sectionsOf(report)
    .map((section) => {
      const rows = section.rows.map(([label, value]) => `<tr><td style="padding:2px 12px 2px 0;vertical-align:top"><code>${escapeHtml(label)}</code></td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`).join('');
      return `<h2 style="font-size:16px;margin:20px 0 4px">${escapeHtml(section.title)}</h2><p style="margin:0 0 6px">${escapeHtml(section.summary)}</p>${rows === '' ? '' : `<table style="border-collapse:collapse;font-size:14px">${rows}</table>`}`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(`Netmix week ${report.isoWeek}`)}</title></head><body style="font-family:Arial,sans-serif;color:#222;max-width:760px">\n<h1 style="font-size:18px">${escapeHtml(heading(report))}</h1>\n${body}\n</body></html>`;
}

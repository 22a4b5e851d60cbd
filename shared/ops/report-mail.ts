/** The operator's report as a raw MIME message (text and HTML), sent through the `Mailer` port. */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mailer } from '../ports';
import type { OperatorReport } from './report';
import { renderReportHtml, renderReportText, reportSubject } from './report-render';

export interface ReportMailOptions {
  from: string;
  to: string;
  operatorName: string;
}

/** Builds the report mail: multipart/alternative with the text and HTML renderings. */
export async function buildReportMime(report: OperatorReport, options: ReportMailOptions): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: options.from,
    to: options.to,
    subject: reportSubject(report, options.operatorName),
    text: renderReportText(report),
    html: renderReportHtml(report),
    textEncoding: 'quoted-printable',
  });
  const message = await composer.compile().build();
  return new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
}

/** Sends the report; returns SES's message id. */
export async function sendReport(mailer: Pick<Mailer, 'sendRaw'>, report: OperatorReport, options: ReportMailOptions): Promise<string> {
  return (await mailer.sendRaw(await buildReportMime(report, options))).messageId;
}

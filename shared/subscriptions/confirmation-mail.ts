/**
 * The two mails the signup form can cause: the double opt-in confirmation (EM-33) and, for an address
 * that is already active, a note saying so with its preferences link (SEC-04: the page answer is the
 * same either way, only the mailbox owner learns the difference). Both carry the operator's name and
 * postal address (EM-30) and a text part (EM-19).
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { html, type Html } from './html';

export interface Operator {
  name: string;
  postalAddress: string;
}

interface CommonMail {
  to: string;
  from: string;
  operator: Operator;
  /** The town of the subscriber's ZIP, named in the text. */
  placeName: string;
  date: Date;
}

/** Asks the address owner to confirm with the link (valid 7 days). */
export interface ConfirmationMail extends CommonMail {
  kind: 'confirm';
  confirmUrl: string;
  /** "Your first digest comes Monday, December 7, at 7 a.m. ET, …" (`firstDigestSentence`); optional. */
  firstDigest?: string;
}

/** Tells an active subscriber that someone signed the address up again. */
export interface AlreadySubscribedMail extends CommonMail {
  kind: 'already-subscribed';
  preferencesUrl: string;
  unsubscribeUrl: string;
}

export type SignupMail = ConfirmationMail | AlreadySubscribedMail;

interface Content {
  subject: string;
  paragraphs: { text: string; link?: { label: string; url: string } }[];
}

function contentOf(mail: SignupMail): Content {
  const about = `a weekly email from ${mail.operator.name} with networking events near ${mail.placeName}`;
  if (mail.kind === 'confirm') {
    return {
      subject: 'Confirm your weekly networking events email',
      paragraphs: [
        { text: `Someone, hopefully you, asked for ${about} at this address.` },
        { text: 'Open this link and press "Confirm subscription":', link: { label: 'Confirm subscription', url: mail.confirmUrl } },
        ...(mail.firstDigest === undefined ? [] : [{ text: mail.firstDigest }]),
        { text: "The link works for 7 days. If you didn't ask for this, ignore this email and you won't hear from us again." },
      ],
    };
  }
  return {
    subject: "You're already subscribed to the weekly networking events email",
    paragraphs: [
      { text: `Someone, hopefully you, tried to sign this address up for ${about}. It is already subscribed, so nothing changed.` },
      { text: 'To change your ZIP code, distance or mix of events:', link: { label: 'Change preferences', url: mail.preferencesUrl } },
      { text: 'To stop the weekly email:', link: { label: 'Unsubscribe', url: mail.unsubscribeUrl } },
    ],
  };
}

function renderText(content: Content, operator: Operator): string {
  const body = content.paragraphs.map((p) => (p.link ? `${p.text}\n${p.link.url}` : p.text)).join('\n\n');
  return `${body}\n\n--\n${operator.name}\n${operator.postalAddress}\n`;
}

// Light and dark colours, each pair ≥ 4.5:1 (measured in test/browser/digest-screenshot.test.ts).
// Every wrapper carries its background, so a client that forces dark re-colours text and ground
// together; `prefers-color-scheme` and Outlook.com's `[data-ogsc]`/`[data-ogsb]` get the dark set.
const MAIL_STYLE = html`<style>
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  body.nm-mail, .nm-mail-page { background-color: #0e1114 !important; }
  .nm-mail-card { background-color: #15191e !important; }
  .nm-mail-card p { color: #e8ecf0 !important; }
  .nm-mail-card .nm-mail-foot { color: #c2cad3 !important; }
  .nm-mail-card a.nm-mail-btn { background-color: #8cc4ff !important; color: #0b1520 !important; }
}
[data-ogsb] .nm-mail-page { background-color: #0e1114 !important; }
[data-ogsb] .nm-mail-card { background-color: #15191e !important; }
[data-ogsc] .nm-mail-card p { color: #e8ecf0 !important; }
[data-ogsc] .nm-mail-card .nm-mail-foot { color: #c2cad3 !important; }
[data-ogsb] .nm-mail-card a.nm-mail-btn { background-color: #8cc4ff !important; }
[data-ogsc] .nm-mail-card a.nm-mail-btn { color: #0b1520 !important; }
</style>`;

function renderHtml(content: Content, operator: Operator): string {
  const paragraphs: Html[] = content.paragraphs.map((p) =>
    p.link
      ? html`<p style="color:#1b1f24">${p.text}<br><a class="nm-mail-btn" href="${p.link.url}" style="display:inline-block;margin-top:8px;padding:12px 18px;line-height:20px;background-color:#1a5fb4;color:#ffffff;border-radius:4px;text-decoration:none;font-weight:600">${p.link.label}</a></p>`
      : html`<p style="color:#1b1f24">${p.text}</p>`,
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>${content.subject}</title>${MAIL_STYLE}</head><body class="nm-mail" style="margin:0;padding:0;background-color:#eef1f4;font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1b1f24"><div class="nm-mail-page" style="background-color:#eef1f4;padding:16px 8px"><div class="nm-mail-card" style="max-width:560px;margin:0 auto;padding:16px 20px;background-color:#ffffff;border-radius:6px">${paragraphs}<p class="nm-mail-foot" style="margin-top:32px;font-size:14px;color:#3d4852">${operator.name}<br>${operator.postalAddress}</p></div></div></body></html>`.html;
}

/** Builds the raw MIME message (multipart/alternative, text and HTML) for `Mailer.sendRaw`. */
export async function buildSignupMail(mail: SignupMail): Promise<Uint8Array> {
  const content = contentOf(mail);
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: content.subject,
    date: mail.date,
    text: renderText(content, mail.operator),
    html: renderHtml(content, mail.operator),
  });
  return composer.compile().build();
}

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

function renderHtml(content: Content, operator: Operator): string {
  const paragraphs: Html[] = content.paragraphs.map((p) =>
    p.link
      ? html`<p>${p.text}<br><a href="${p.link.url}" style="display:inline-block;margin-top:8px;padding:10px 18px;background:#1a5fb4;color:#ffffff;border-radius:4px;text-decoration:none">${p.link.label}</a></p>`
      : html`<p>${p.text}</p>`,
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${content.subject}</title></head><body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#222222"><div style="max-width:560px;margin:0 auto;padding:16px">${paragraphs}<p style="margin-top:32px;font-size:13px;color:#555555">${operator.name}<br>${operator.postalAddress}</p></div></body></html>`.html;
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

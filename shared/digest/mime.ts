/**
 * The digest as a raw MIME message: multipart/alternative (text, HTML) with RFC 8058 one-click
 * unsubscribe headers (reliability.md EM-10/11/17/19).
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { singleLine } from './escape';

export interface DigestMimeInput {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The one-click endpoint: https (http only on a loopback host, for the local runner). */
  unsubscribeUrl: string;
  unsubscribeMailto?: string;
  replyTo?: string;
}

/** An unsubscribe URL that would make the headers invalid or unsafe. */
export class UnsubscribeUrlError extends Error {
  override readonly name = 'UnsubscribeUrlError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function checkedUnsubscribeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new UnsubscribeUrlError('unsubscribe URL does not parse', { cause: error });
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  // Angle brackets, commas and whitespace would end or split the <…> list item.
  if (!secure || url.username !== '' || url.password !== '' || /[<>,\s]/.test(value)) {
    throw new UnsubscribeUrlError('unsubscribe URL must be a plain https URL');
  }
  return value;
}

function checkedMailto(value: string): string {
  if (!/^mailto:[^<>,\s]+$/.test(value)) throw new UnsubscribeUrlError('unsubscribe mailto must be a plain mailto: URI');
  return value;
}

/**
 * Builds the message. List-Unsubscribe and List-Unsubscribe-Post are set once each, as prepared
 * (unfolded, unencoded) values, so a DKIM signer sees them exactly as written.
 */
export async function buildDigestMime(input: DigestMimeInput): Promise<Uint8Array> {
  const targets = [`<${checkedUnsubscribeUrl(input.unsubscribeUrl)}>`];
  if (input.unsubscribeMailto !== undefined) targets.push(`<${checkedMailto(input.unsubscribeMailto)}>`);
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    ...(input.replyTo === undefined ? {} : { replyTo: input.replyTo }),
    subject: singleLine(input.subject),
    text: input.text,
    html: input.html,
    textEncoding: 'quoted-printable',
    headers: {
      'List-Unsubscribe': { prepared: true, value: targets.join(', ') },
      'List-Unsubscribe-Post': { prepared: true, value: 'List-Unsubscribe=One-Click' },
    },
  });
  const message = await composer.compile().build();
  return new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
}

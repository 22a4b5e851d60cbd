/**
 * Verifies that an SNS message was signed by Amazon SNS (defence in depth: as deployed only SNS can
 * invoke the feedback Lambda). The certificate is fetched only from an `https://sns.<region>.amazonaws.com`
 * URL ending in `.pem`, and cached per URL; SignatureVersion 1 is RSA-SHA1, 2 is RSA-SHA256, over
 * the fields SNS documents for each message type, each as `name\nvalue\n`.
 */
import { X509Certificate, createVerify } from 'node:crypto';
import * as z from 'zod';
import { lazySchema } from '../model/lazy-schema';

/** Fetches a certificate (PEM text) from an already-checked URL. */
export type CertificateFetcher = (url: string) => Promise<string>;

/** Why a message did not verify; one error type so callers log a reason without the message. */
export class SnsSignatureError extends Error {
  override readonly name = 'SnsSignatureError';
}

/** SNS signing certificate hosts: `sns.<region>.amazonaws.com` (and the China partition). */
const CERT_HOST = /^sns\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com(?:\.cn)?$/;

/** The fields an SNS message is signed over, in either spelling (HTTP `SigningCertURL`, Lambda `SigningCertUrl`). */
const SignedFieldsSchema = lazySchema(() => z.object({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string().max(200),
  TopicArn: z.string().max(300),
  Message: z.string(),
  Timestamp: z.string().max(40),
  Subject: z.string().max(200).nullish(),
  SubscribeURL: z.string().max(2000).optional(),
  Token: z.string().max(2000).optional(),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().max(2000),
  SigningCertURL: z.string().max(2000).optional(),
  SigningCertUrl: z.string().max(2000).optional(),
}));

/** True for a URL SNS signing certificates may come from. */
export function isSnsCertificateUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && CERT_HOST.test(url.hostname) && url.port === '' && url.username === '' && url.password === '' && url.pathname.endsWith('.pem');
}

/** The string SNS signs for `message`. */
export function stringToSign(message: z.infer<typeof SignedFieldsSchema>): string {
  const names =
    message.Type === 'Notification'
      ? ['Message', 'MessageId', ...(message.Subject == null ? [] : ['Subject']), 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const fields: Record<string, string | null | undefined> = message;
  return names.map((name) => `${name}\n${fields[name] ?? ''}\n`).join('');
}

/** Fetches with a timeout and a size cap: a certificate is a few KB. */
export const fetchCertificate: CertificateFetcher = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'error' });
  if (!response.ok) throw new SnsSignatureError(`certificate fetch answered ${response.status}`);
  const text = await response.text();
  if (text.length > 20_000) throw new SnsSignatureError('certificate too large');
  return text;
};

/** Verifies SNS envelopes; resolves when `envelope` is genuine, rejects with `SnsSignatureError` otherwise. */
export type SnsVerifier = (envelope: unknown) => Promise<void>;

/** A verifier with a per-URL certificate cache (one fetch per certificate for the life of the instance). */
export function createSnsVerifier(fetcher: CertificateFetcher = fetchCertificate): SnsVerifier {
  const certificates = new Map<string, Promise<X509Certificate>>();
  const certificateAt = (url: string): Promise<X509Certificate> => {
    let cached = certificates.get(url);
    if (!cached) {
      cached = fetcher(url).then((pem) => new X509Certificate(pem));
      // A failed fetch is not cached: the next message tries again.
      void cached.catch(() => certificates.delete(url));
      certificates.set(url, cached);
    }
    return cached;
  };
  return async (envelope) => {
    const parsed = SignedFieldsSchema.safeParse(envelope);
    if (!parsed.success) throw new SnsSignatureError('not a signed SNS message');
    const message = parsed.data;
    const url = message.SigningCertURL ?? message.SigningCertUrl ?? '';
    if (!isSnsCertificateUrl(url)) throw new SnsSignatureError('signing certificate URL is not an SNS host');
    let certificate: X509Certificate;
    try {
      certificate = await certificateAt(url);
    } catch (error) {
      throw new SnsSignatureError('signing certificate could not be read', { cause: error });
    }
    const verifier = createVerify(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
    verifier.update(stringToSign(message), 'utf8');
    if (!verifier.verify(certificate.publicKey, message.Signature, 'base64')) throw new SnsSignatureError('signature does not match');
  };
}

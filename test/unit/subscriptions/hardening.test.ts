/**
 * Issue 8's smaller findings. The SNS signature tests sign with a self-made certificate and key
 * (ses-notifications/test-signing-*.pem, not Amazon's) and hand the certificate to the verifier by
 * injecting its certificate fetcher: the one fault-free stand-in, since no test may reach SNS.
 */
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleSesFeedback } from '../../../shared/subscriptions/ses-feedback';
import { createSnsVerifier, isSnsCertificateUrl, stringToSign } from '../../../shared/subscriptions/sns-signature';
import { InvalidTokenError, readToken, signToken, type TokenKeys } from '../../../shared/subscriptions/tokens';
import { createHarness, subscriberFixture } from './support/memory-ports';

const fixture = (name: string) => readFileSync(new URL(`./ses-notifications/${name}`, import.meta.url), 'utf8');
const CERT = fixture('test-signing-cert.pem');
const KEY = fixture('test-signing-key.pem');
const CERT_URL = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem';
const ID = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2';

function signedEnvelope(message: string, version: '1' | '2') {
  const envelope = {
    Type: 'Notification' as const,
    MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:netmix-ses-feedback',
    Message: message,
    Timestamp: '2026-11-23T15:10:03.000Z',
    SignatureVersion: version,
    Signature: '',
    SigningCertURL: CERT_URL,
  };
  const signer = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  signer.update(stringToSign(envelope));
  return { ...envelope, Signature: signer.sign(KEY, 'base64') };
}

const complaint = (feedbackType: string) =>
  JSON.stringify({ notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'richard@example.com' }], complaintFeedbackType: feedbackType }, mail: { messageId: 'm1' } });

async function harness() {
  const h = createHarness();
  await h.subscribers.put(subscriberFixture({ id: ID, email: 'richard@example.com', status: 'active' }));
  return h;
}

describe('SNS signatures', () => {
  it('accepts SignatureVersion 1 and 2 signed by the certificate, fetching it once', async () => {
    const fetched: string[] = [];
    const verify = createSnsVerifier((url) => {
      fetched.push(url);
      return Promise.resolve(CERT);
    });
    const h = await harness();
    const deps = { subscribers: h.subscribers, clock: h.clock, verifySignature: verify };
    expect((await handleSesFeedback(signedEnvelope(complaint('not-spam'), '1'), deps)).outcome).toBe('ignored');
    expect((await handleSesFeedback(signedEnvelope(complaint('abuse'), '2'), deps)).outcome).toBe('suppressed');
    expect(fetched).toEqual([CERT_URL]);
  });

  it('refuses a changed message, a certificate URL off the SNS hosts, and an unsigned notification', async () => {
    const verify = createSnsVerifier(() => Promise.resolve(CERT));
    const h = await harness();
    const deps = { subscribers: h.subscribers, clock: h.clock, verifySignature: verify };
    const tampered = { ...signedEnvelope(complaint('abuse'), '2'), Message: complaint('virus') };
    expect(await handleSesFeedback(tampered, deps)).toEqual({ outcome: 'invalid', reason: 'signature: signature does not match' });
    for (const url of ['http://sns.us-east-1.amazonaws.com/x.pem', 'https://sns.us-east-1.amazonaws.com.evil.example/x.pem', 'https://evil.example/sns.us-east-1.amazonaws.com/x.pem', 'https://sns.us-east-1.amazonaws.com/x.txt']) {
      expect(isSnsCertificateUrl(url), url).toBe(false);
      expect((await handleSesFeedback({ ...signedEnvelope(complaint('abuse'), '2'), SigningCertURL: url }, deps)).outcome).toBe('invalid');
    }
    expect(isSnsCertificateUrl(CERT_URL)).toBe(true);
    expect((await handleSesFeedback(JSON.parse(complaint('abuse')), deps)).outcome).toBe('invalid');
    expect((await h.subscribers.get(ID))?.status).toBe('active');
  });
});

describe('SNS bodies', () => {
  it('refuses 20,000 nested Sns objects with a clear reason instead of overflowing the stack', async () => {
    const h = await harness();
    const text = '{"Sns":'.repeat(20_000) + '{}' + '}'.repeat(20_000);
    const result = await handleSesFeedback(text, { subscribers: h.subscribers, clock: h.clock });
    expect(result).toEqual({ outcome: 'invalid', reason: 'message nested too deeply' });
  });

  it('does not suppress on not-spam complaint feedback', async () => {
    const h = await harness();
    const result = await handleSesFeedback(complaint('not-spam'), { subscribers: h.subscribers, clock: h.clock });
    expect(result).toMatchObject({ outcome: 'ignored', kind: 'complaint', reason: 'not-spam feedback' });
    expect((await h.subscribers.get(ID))?.status).toBe('active');
  });
});

describe('token lifetimes and keys', () => {
  const id = '0123456789abcdef0123456789abcdef';
  const now = new Date('2026-11-22T12:00:00Z');
  const old: TokenKeys = { current: { id: 'k1', secret: 'first-secret-with-enough-entropy' } };
  // k1 retired 2026-11-22T12:00Z; a year of 365 days later is 2027-11-22T12:00Z.
  const rotated: TokenKeys = { current: { id: 'k2', secret: 'second-secret-with-enough-entropy' }, retired: [{ ...old.current, retiredAt: '2026-11-22T12:00:00.000Z' }] };
  const reason = (run: () => unknown) => {
    try {
      run();
      return 'valid';
    } catch (error) {
      if (error instanceof InvalidTokenError) return error.reason;
      throw error;
    }
  };

  it('lets a retired key verify unsubscribe links only, and only for a year', () => {
    const unsubscribe = signToken(old, id, 'unsubscribe', now);
    expect(readToken(rotated, unsubscribe, 'unsubscribe', new Date('2027-11-22T11:59:00Z')).subscriberId).toBe(id);
    expect(reason(() => readToken(rotated, unsubscribe, 'unsubscribe', new Date('2027-11-22T12:01:00Z')))).toBe('signature');
    expect(reason(() => readToken(rotated, signToken(old, id, 'preferences', now), 'preferences', now))).toBe('signature');
  });

  it('never mints a derived token that outlives the one that opened the page', () => {
    // An unsubscribe link issued 5 years earlier: a preferences link derived from it was issued then too.
    const fiveYearsAgo = new Date('2021-11-22T12:00:00Z');
    const opener = readToken(old, signToken(old, id, 'unsubscribe', fiveYearsAgo), 'unsubscribe', now);
    const derived = signToken(old, id, 'preferences', now, { derivedFrom: opener });
    expect(reason(() => readToken(old, derived, 'preferences', now))).toBe('expired');
    const confirm = readToken(old, signToken(old, id, 'confirm', now), 'confirm', now);
    const fromConfirm = readToken(old, signToken(old, id, 'unsubscribe', now, { derivedFrom: confirm }), 'unsubscribe', now);
    // 2026-11-22T12:00Z is 1_795_348_800 s; the confirm link expires 7 × 86,400 s later: 1_795_953_600 (2026-11-29T12:00Z).
    expect(fromConfirm.expiresAt).toBe(1_795_953_600);
  });
});

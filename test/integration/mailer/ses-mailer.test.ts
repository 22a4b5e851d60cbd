import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesMailer, SesMailerError } from '../../../shared/digest/ses-mailer';
import { createLocalSesClient } from '../../../shared/local/aws-clients';
import { errorXml } from '../../../shared/local/ses-local-front';
import { MailerThrottledError } from '../../../shared/ports';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices, type LocalServices } from '../../support/local-services';

let services: LocalServices;
beforeAll(async () => {
  services = await useLocalServices();
}, LOCAL_SERVICES_TIMEOUT_MS);

/** A small multipart/alternative message written by hand, CRLF line ends. */
function rawMessage(subject: string): Uint8Array {
  const lines = [
    'From: Netmix <digest@netmix.example>',
    'To: ann@example.com',
    `Subject: ${subject}`,
    'Message-ID: <test-1@netmix.example>',
    'List-Unsubscribe: <https://netmix.example/u/opaque-token>',
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Three events near Lowell this week.',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Three events near Lowell this week.</p>',
    '--b1--',
    '',
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

describe('SES mailer against the local SES', () => {
  it('delivers a raw MIME message that arrives in /store with its headers', async () => {
    const mailer = createSesMailer(services.ses, { configurationSetName: 'netmix-feedback' });
    const subject = `3 events near Lowell ${randomUUID()}`;
    const { messageId } = await mailer.sendRaw(rawMessage(subject));

    const stored = (await services.fetchSesStore()).find((mail) => mail.messageId === messageId);
    expect(stored).toMatchObject({
      subject,
      // aws-ses-v2-local re-renders the address through mailparser, which quotes the name.
      from: '"Netmix" <digest@netmix.example>',
      destination: { to: ['ann@example.com'] },
      body: { text: 'Three events near Lowell this week.', html: '<p>Three events near Lowell this week.</p>' },
    });
    expect(stored?.headers).toEqual(
      expect.arrayContaining([
        { name: 'List-Unsubscribe', value: '<https://netmix.example/u/opaque-token>' },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
        { name: 'From', value: 'Netmix <digest@netmix.example>' },
      ]),
    );
  });

  it('reads MaxSendRate from GetSendQuota once', async () => {
    const client = createLocalSesClient(services.sesEndpoint);
    let quotaCalls = 0;
    client.middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === 'GetSendQuotaCommand') quotaCalls++;
        return next(args);
      },
      { step: 'initialize', name: 'countQuotaCalls' },
    );
    const mailer = createSesMailer(client);
    // The local SES front answers GetSendQuota with its default 14 messages/s.
    expect(await mailer.maxSendRate()).toBe(14);
    expect(await mailer.maxSendRate()).toBe(14);
    expect(quotaCalls).toBe(1);
  });
});

describe('SES mailer error mapping', () => {
  // A real HTTP server on 127.0.0.1 answering with SES's own error bodies: the local SES never
  // throttles, and this way the AWS SDK parses real wire responses into its exceptions.
  let server: Server;
  let answer: { status: number; body: string } = { status: 200, body: '' };
  let endpoint = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'text/xml' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    const address: AddressInfo | string | null = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    endpoint = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const mailer = (): ReturnType<typeof createSesMailer> =>
    createSesMailer(createLocalSesClient(endpoint, { maxAttempts: 1 }), { defaultMaxSendRate: 3 });

  it.each([
    ['Throttling', 'Maximum sending rate exceeded.'],
    ['Throttling', 'Daily message quota exceeded.'],
  ])('maps %s "%s" to MailerThrottledError', async (code, message) => {
    answer = { status: 400, body: errorXml(code, message) };
    const error = await mailer().sendRaw(rawMessage('x')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailerThrottledError);
    expect(String(error)).toContain(message);
    expect(error instanceof Error && error.cause instanceof Error ? error.cause.name : null).toBe(code);
  });

  it('keeps other refusals apart from throttling', async () => {
    answer = { status: 400, body: errorXml('MessageRejected', 'Email address is not verified.') };
    const error = await mailer().sendRaw(rawMessage('x')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SesMailerError);
    expect(error).not.toBeInstanceOf(MailerThrottledError);
  });

  it('uses the default rate when SES reports -1 (unlimited)', async () => {
    answer = {
      status: 200,
      body:
        '<GetSendQuotaResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><GetSendQuotaResult>' +
        '<Max24HourSend>-1.0</Max24HourSend><MaxSendRate>-1.0</MaxSendRate><SentLast24Hours>0.0</SentLast24Hours>' +
        '</GetSendQuotaResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetSendQuotaResponse>',
    };
    expect(await mailer().maxSendRate()).toBe(3);
  });
});

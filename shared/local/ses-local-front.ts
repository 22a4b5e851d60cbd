import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readMimeHeaders, type MimeHeader } from './mime-headers';

/** What the stand-in GetSendQuota answers. */
export interface LocalSendQuota {
  maxSendRate: number;
  max24HourSend: number;
}

const SES_XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * A small HTTP front for aws-ses-v2-local that fills two gaps we rely on:
 * - aws-ses-v2-local keeps no headers of a SendRawEmail message (it re-parses the MIME and drops
 *   them), so the front records the raw header block by MessageId and adds it as `headers` to the
 *   matching mail in `GET /store` (the field aws-ses-v2-local itself uses for v2 custom headers);
 * - it has no GetSendQuota and leaves unknown v1 actions hanging, so the front answers GetSendQuota
 *   from `quota` and refuses other unknown actions with a real-shaped SES error.
 * Everything else is passed through unchanged.
 */
export function createSesFront(innerUrl: string, quota: LocalSendQuota): Server {
  const headersByMessageId = new Map<string, MimeHeader[]>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const url = req.url ?? '/';
    let rawHeaders: MimeHeader[] | null = null;
    if (req.method === 'POST' && url === '/' && isFormBody(req)) {
      const form = new URLSearchParams(body.toString('utf8'));
      const action = form.get('Action');
      if (action === 'GetSendQuota') {
        sendXml(res, 200, sendQuotaXml(quota, headersByMessageId.size));
        return;
      }
      if (action !== 'SendEmail' && action !== 'SendRawEmail') {
        sendXml(res, 400, errorXml('InvalidAction', `aws-ses-v2-local front: unsupported action ${String(action)}`));
        return;
      }
      const data = form.get('RawMessage.Data');
      if (action === 'SendRawEmail' && data !== null) {
        rawHeaders = readMimeHeaders(Buffer.from(data, 'base64').toString('utf8'));
      }
    }
    const upstream = await fetch(`${innerUrl}${url}`, {
      method: req.method ?? 'GET',
      headers: forwardHeaders(req),
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
    });
    let payload = Buffer.from(await upstream.arrayBuffer());
    if (rawHeaders !== null && upstream.ok) {
      const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(payload.toString('utf8'))?.[1];
      if (messageId !== undefined) headersByMessageId.set(messageId, rawHeaders);
    }
    if (req.method === 'GET' && url.startsWith('/store') && upstream.ok) {
      payload = Buffer.from(JSON.stringify(addHeaders(JSON.parse(payload.toString('utf8')), headersByMessageId)));
    }
    const contentType = upstream.headers.get('content-type');
    res.writeHead(upstream.status, contentType === null ? {} : { 'content-type': contentType });
    res.end(payload);
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`aws-ses-v2-local front: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks);
}

function isFormBody(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

function forwardHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Adds `headers` to each stored mail the front saw the raw message of; leaves the rest as is. */
function addHeaders(store: unknown, headersByMessageId: ReadonlyMap<string, MimeHeader[]>): unknown {
  if (typeof store !== 'object' || store === null || !('emails' in store) || !Array.isArray(store.emails)) return store;
  const emails: unknown[] = store.emails.map((email: unknown) => {
    if (typeof email !== 'object' || email === null || !('messageId' in email) || typeof email.messageId !== 'string') {
      return email;
    }
    const headers = headersByMessageId.get(email.messageId);
    return headers === undefined ? email : { ...email, headers };
  });
  return { ...store, emails };
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(xml);
}

function sendQuotaXml(quota: LocalSendQuota, sent: number): string {
  return (
    `<GetSendQuotaResponse xmlns="${SES_XMLNS}"><GetSendQuotaResult>` +
    `<Max24HourSend>${quota.max24HourSend.toFixed(1)}</Max24HourSend>` +
    `<MaxSendRate>${quota.maxSendRate.toFixed(1)}</MaxSendRate>` +
    `<SentLast24Hours>${sent.toFixed(1)}</SentLast24Hours>` +
    `</GetSendQuotaResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetSendQuotaResponse>`
  );
}

/** An SES query-protocol error body, the shape the AWS SDK parses into a service exception. */
export function errorXml(code: string, message: string): string {
  return (
    `<ErrorResponse xmlns="${SES_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
    `<Message>${message.replace(/[<&>]/g, '')}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  );
}

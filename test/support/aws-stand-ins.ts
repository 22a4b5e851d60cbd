/**
 * Stand-ins for the AWS services that have no local implementation here (no ElasticMQ, LocalStack or
 * moto in reach): one HTTP server on 127.0.0.1 that speaks the wire protocol the SDK clients use,
 * AWS JSON with the operation in `X-Amz-Target`, for the few operations the Lambdas call:
 * SQS `SendMessageBatch` (AWS JSON 1.0) and Secrets Manager `GetSecretValue` (AWS JSON 1.1).
 * Point a client at it with `AWS_ENDPOINT_URL_SQS` / `AWS_ENDPOINT_URL_SECRETS_MANAGER`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';

/** A message the SQS stand-in accepted. */
export interface SentMessage {
  queueUrl: string;
  body: string;
}

/** The running stand-in. */
export interface AwsStandIns {
  endpoint: string;
  /** Every message sent, in order. */
  readonly sent: SentMessage[];
  /** Every `X-Amz-Target` received, in order. */
  readonly targets: string[];
  close(): Promise<void>;
}

const SendMessageBatchSchema = z.object({
  QueueUrl: z.string(),
  Entries: z.array(z.object({ Id: z.string(), MessageBody: z.string() })).min(1).max(10),
});
const GetSecretValueSchema = z.object({ SecretId: z.string() });

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function reply(response: ServerResponse, status: number, contentType: string, body: unknown): void {
  response.writeHead(status, { 'content-type': contentType }).end(JSON.stringify(body));
}

/** Starts the stand-in; `secrets` maps a secret id (ARN) to its string value. */
export async function startAwsStandIns(secrets: ReadonlyMap<string, string>): Promise<AwsStandIns> {
  const sent: SentMessage[] = [];
  const targets: string[] = [];
  const server = createServer((request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const contentType = request.headers['content-type'] ?? 'application/x-amz-json-1.0';
    targets.push(target);
    readJson(request).then(
      (json) => {
        if (target === 'AmazonSQS.SendMessageBatch') {
          const input = SendMessageBatchSchema.parse(json);
          for (const entry of input.Entries) sent.push({ queueUrl: input.QueueUrl, body: entry.MessageBody });
          // The SDK checks each MD5OfMessageBody against what it sent.
          reply(response, 200, contentType, {
            Successful: input.Entries.map((entry) => ({ Id: entry.Id, MessageId: randomUUID(), MD5OfMessageBody: md5(entry.MessageBody) })),
            Failed: [],
          });
        } else if (target === 'secretsmanager.GetSecretValue') {
          const { SecretId } = GetSecretValueSchema.parse(json);
          const value = secrets.get(SecretId);
          if (value === undefined) reply(response, 400, contentType, { __type: 'ResourceNotFoundException', message: `no secret ${SecretId}` });
          else reply(response, 200, contentType, { ARN: SecretId, Name: 'netmix-signing-key', SecretString: value, VersionId: randomUUID() });
        } else {
          reply(response, 400, contentType, { __type: 'UnknownOperationException', message: `the stand-in does not serve ${target}` });
        }
      },
      (error: unknown) => {
        reply(response, 400, contentType, { __type: 'SerializationException', message: String(error) });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const { port } = z.custom<AddressInfo>((value) => typeof value === 'object' && value !== null).parse(address);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    sent,
    targets,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

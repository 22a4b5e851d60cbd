import type { Server } from 'node:http';
import * as sesLocalModule from 'aws-ses-v2-local';
import * as z from 'zod';
import { findFreePort } from './free-port';
import { createSesFront, type LocalSendQuota } from './ses-local-front';
import { lazySchema } from '../model/lazy-schema';

/** One mail as aws-ses-v2-local keeps it (`GET /store`), with the raw headers the front adds. */
export const StoredMailSchema = lazySchema(() => z.object({
  messageId: z.string(),
  from: z.string(),
  replyTo: z.array(z.string()),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  attachments: z.array(
    z.object({ content: z.string(), contentType: z.string(), filename: z.string().optional(), size: z.number() }),
  ),
  /** Header fields in message order; present for every SendRawEmail that went through the front. */
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  /** Epoch seconds. */
  at: z.number(),
}));
export type StoredMail = z.infer<typeof StoredMailSchema>;

const StoreResponseSchema = lazySchema(() => z.object({ emails: z.array(StoredMailSchema) }));

export interface SesLocal {
  /** The SES API endpoint, `http://127.0.0.1:<port>`. */
  endpoint: string;
  /** The web viewer of sent mail. */
  viewerUrl: string;
  stop(): Promise<void>;
  fetchStore(): Promise<StoredMail[]>;
}

export interface SesLocalOptions {
  /** Defaults to a free port the OS picks. */
  port?: number;
  /** What GetSendQuota answers (aws-ses-v2-local has no such call); default 14/s, 50,000/day. */
  quota?: LocalSendQuota;
}

/** The local SES did not start or answered `GET /store` with something unexpected. */
export class SesLocalError extends Error {
  override readonly name = 'SesLocalError';
}

type ServerFunction = typeof sesLocalModule.default;

function isServerFunction(value: unknown): value is ServerFunction {
  return typeof value === 'function';
}

/**
 * aws-ses-v2-local is CommonJS: under native ESM its default import is the whole `exports` object
 * and the server function is its `.default`; bundlers that apply interop hand over the function.
 */
function resolveServerFunction(): ServerFunction {
  const imported: unknown = sesLocalModule.default;
  if (isServerFunction(imported)) return imported;
  if (typeof imported === 'object' && imported !== null && 'default' in imported && isServerFunction(imported.default)) {
    return imported.default;
  }
  throw new SesLocalError('aws-ses-v2-local exports no server function');
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new SesLocalError('local SES has no TCP address');
  return address.port;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
  });
}

/** Reads the mails a local SES holds (`GET <endpoint>/store`), parsed. Usable from any process. */
export async function fetchSesStore(endpoint: string): Promise<StoredMail[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new SesLocalError(`GET /store answered ${response.status}`);
  const parsed = StoreResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new SesLocalError('GET /store answered an unexpected shape', { cause: parsed.error });
  return parsed.data.emails;
}

/**
 * Starts aws-ses-v2-local on an internal port of 127.0.0.1 behind a small front (see
 * `createSesFront`) that keeps raw headers and answers GetSendQuota. Point an SES v1 client at
 * `endpoint`; open `viewerUrl` in a browser to read what was sent.
 */
export async function startSesLocal(options: SesLocalOptions = {}): Promise<SesLocal> {
  const inner = await resolveServerFunction()({ host: '127.0.0.1', port: 0 });
  const front = createSesFront(`http://127.0.0.1:${portOf(inner)}`, options.quota ?? { maxSendRate: 14, max24HourSend: 50_000 });
  const port = options.port ?? (await findFreePort());
  try {
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(port, '127.0.0.1', () => {
        resolve();
      });
    });
  } catch (error) {
    await closeServer(inner);
    throw new SesLocalError(`local SES could not listen on 127.0.0.1:${port}`, { cause: error });
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    viewerUrl: `${endpoint}/`,
    fetchStore: () => fetchSesStore(endpoint),
    stop: async () => {
      await Promise.all([closeServer(front), closeServer(inner)]);
    },
  };
}

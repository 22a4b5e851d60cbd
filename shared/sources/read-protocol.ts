/**
 * The messages between the bounded reader and its worker thread. Both ends check what they
 * receive: a request carries the document and its options, an answer the normalised result or the
 * error `readDocument` threw.
 */
import * as z from 'zod';
import { EventSchema } from '../model/event';
import type { SourceContext } from '../model/source';
import type { DocumentKind, ReadOptions, ReadResult } from './index';
import { lazySchema } from '../model/lazy-schema';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

// The options and the context are built by Netmix itself on the other side of the channel; these
// check the parts the reader depends on and keep the rest as sent (others may add options).
const ReadOptionsShape = lazySchema(() => z.custom<ReadOptions>(
  (value) => isRecord(value) && value['from'] instanceof Date && value['to'] instanceof Date && typeof value['defaultTimeZone'] === 'string',
  'read options need from, to and defaultTimeZone',
));
const SourceContextShape = lazySchema(() => z.custom<SourceContext>(
  (value) => isRecord(value) && typeof value['id'] === 'string' && typeof value['name'] === 'string' && typeof value['timeZone'] === 'string',
  'a source context needs id, name and timeZone',
));

/** One document to read. */
export const ReadRequestSchema = lazySchema(() => z.object({
  id: z.number().int(),
  text: z.string(),
  source: SourceContextShape,
  options: ReadOptionsShape,
}));
export type ReadRequest = z.infer<typeof ReadRequestSchema>;

const ReadResultShape = lazySchema(() => z
  .object({
    kind: z.custom<DocumentKind>((value) => typeof value === 'string'),
    events: z.array(EventSchema),
    problems: z.array(z.object({ message: z.string(), where: z.string().optional() })),
    calendarName: z.string().optional(),
    refreshIntervalSeconds: z.number().optional(),
    budgetExceeded: z.string().optional(),
  })
  .loose());

/** What the worker says: it is ready, or how one request went. */
export const WorkerMessageSchema = lazySchema(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: ReadResultShape }),
  z.object({ type: z.literal('error'), id: z.number().int(), name: z.string(), message: z.string() }),
]));
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/**
 * What the worker sends, typed from its side. The result's schema is loose so that fields added to
 * `ReadResult` later cross the channel too.
 */
export type WorkerAnswer =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ReadResult }
  | { type: 'error'; id: number; name: string; message: string };

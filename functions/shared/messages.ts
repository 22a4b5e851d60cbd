/**
 * What the dispatchers put on the queues and the workers take off them. Both sides parse with these
 * schemas, so a message from an older deployment fails one record visibly instead of a whole run.
 */
import * as z from 'zod';
import { LocalDateSchema, TimeZoneSchema } from '../../shared/model/common';
import { groupSourcesByHost } from '../../shared/ingest/host-groups';
import { SourceSchema } from '../../shared/model/source';
import { lazySchema } from '../../shared/model/lazy-schema';

/**
 * One host's sources to ingest, one after another, with the region's zone for floating times. A
 * message per host (not per source) is what keeps concurrent workers from fetching one host at once.
 */
const HostGroupMessageSchema = lazySchema(() => z
  .object({
    sources: z.array(SourceSchema).min(1),
    defaultTimeZone: TimeZoneSchema,
  })
  .strict());

/** What the dispatcher queued before host groups: one source; read as a group of one. */
const SingleSourceMessageSchema = lazySchema(() => z
  .object({
    source: SourceSchema,
    defaultTimeZone: TimeZoneSchema,
  })
  .strict()
  .transform(({ source, defaultTimeZone }) => ({ sources: [source], defaultTimeZone })));

export const IngestMessageSchema = lazySchema(() => z.union([HostGroupMessageSchema, SingleSourceMessageSchema]));
export type IngestMessage = z.infer<typeof IngestMessageSchema>;
export type IngestMessageInput = z.input<typeof HostGroupMessageSchema>;

/** The ingest fan-out: one message per host, holding that host's sources in file order. */
export function ingestMessagesFor(sources: readonly IngestMessageInput['sources'][number][], defaultTimeZone: string): IngestMessageInput[] {
  return groupSourcesByHost(sources).map((group) => ({ sources: group, defaultTimeZone }));
}

/**
 * One batch of subscribers whose digest starting on `date` (the dispatcher's local day) is due. The
 * date travels in the message so a retry on a later day still sends, and claims, the same week.
 */
export const DigestMessageSchema = lazySchema(() => z
  .object({
    date: LocalDateSchema,
    subscriberIds: z.array(z.string().regex(/^[0-9a-f]{32}$/)).min(1).max(100),
  })
  .strict());
export type DigestMessage = z.infer<typeof DigestMessageSchema>;

/** Parses an SQS record body as JSON, then with `schema`; throws on either failure. */
export function parseMessageBody<S extends z.ZodType>(schema: S, body: string): z.infer<S> {
  const json: unknown = JSON.parse(body);
  return schema.parse(json);
}

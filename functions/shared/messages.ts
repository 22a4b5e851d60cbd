/**
 * What the dispatchers put on the queues and the workers take off them. Both sides parse with these
 * schemas, so a message from an older deployment fails one record visibly instead of a whole run.
 */
import { z } from 'zod';
import { TimeZoneSchema } from '../../shared/model/common';
import { SourceSchema } from '../../shared/model/source';

/** One source to ingest, with the region's zone for floating times. */
export const IngestMessageSchema = z
  .object({
    source: SourceSchema,
    defaultTimeZone: TimeZoneSchema,
  })
  .strict();
export type IngestMessage = z.infer<typeof IngestMessageSchema>;
export type IngestMessageInput = z.input<typeof IngestMessageSchema>;

/** An ISO week, `2025-W41`. */
export const IsoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);

/** One batch of subscribers whose digest for `isoWeek` is due. */
export const DigestMessageSchema = z
  .object({
    isoWeek: IsoWeekSchema,
    subscriberIds: z.array(z.string().regex(/^[0-9a-f]{32}$/)).min(1).max(100),
  })
  .strict();
export type DigestMessage = z.infer<typeof DigestMessageSchema>;

/** Parses an SQS record body as JSON, then with `schema`; throws on either failure. */
export function parseMessageBody<S extends z.ZodType>(schema: S, body: string): z.infer<S> {
  const json: unknown = JSON.parse(body);
  return schema.parse(json);
}

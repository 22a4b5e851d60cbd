/** What the crash test and its child process (`crash-worker.ts`) agree on. */
import * as z from 'zod';
import { DigestMessageSchema } from '../../../../functions/shared/messages';
import { TableNamesSchema } from '../../../../shared/store';

export const CRASH_INPUT_ENV = 'NETMIX_CRASH_INPUT';
export const HANGING = 'claimed, now sending';

export const CrashInputSchema = z.object({
  dynamoEndpoint: z.url(),
  sesEndpoint: z.url(),
  tableNames: TableNamesSchema,
  messageId: z.string(),
  message: DigestMessageSchema,
  now: z.iso.datetime(),
  hangOnSend: z.number().int().min(1),
});
export type CrashInput = z.infer<typeof CrashInputSchema>;


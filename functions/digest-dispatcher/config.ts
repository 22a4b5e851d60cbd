import * as z from 'zod';
import { TimeZoneSchema } from '../../shared/model/common';
import { ENV } from '../shared/env-names';
import { lazySchema } from '../../shared/model/lazy-schema';

/** The digest dispatcher's environment. */
export const DigestDispatcherConfigSchema = lazySchema(() => z.object({
  [ENV.subscribersTable]: z.string().min(3),
  [ENV.digestQueueUrl]: z.url(),
  [ENV.timeZone]: TimeZoneSchema,
  [ENV.digestBatchSize]: z.coerce.number().int().min(1).max(100),
}));

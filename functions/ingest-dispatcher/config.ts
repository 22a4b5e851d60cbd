import * as z from 'zod';
import { ENV } from '../shared/env-names';
import { lazySchema } from '../../shared/model/lazy-schema';

/** The ingest dispatcher's environment. */
export const IngestDispatcherConfigSchema = lazySchema(() => z.object({
  [ENV.ingestQueueUrl]: z.url(),
}));

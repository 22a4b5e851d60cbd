import * as z from 'zod';
import { ENV } from '../shared/env-names';

/** The ingest dispatcher's environment. */
export const IngestDispatcherConfigSchema = z.object({
  [ENV.ingestQueueUrl]: z.url(),
});

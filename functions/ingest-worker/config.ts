import * as z from 'zod';
import { ENV } from '../shared/env-names';
import { lazySchema } from '../../shared/model/lazy-schema';

/** The ingest worker's environment. */
export const IngestWorkerConfigSchema = lazySchema(() => z.object({
  [ENV.eventsTable]: z.string().min(3),
  [ENV.sourcesTable]: z.string().min(3),
  [ENV.horizonDays]: z.coerce.number().int().min(7).max(366),
  /** The operator's site: the contact in our User-Agent. */
  [ENV.siteOrigin]: z.url({ protocol: /^https$/ }),
}));

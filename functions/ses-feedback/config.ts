import * as z from 'zod';
import { ENV } from '../shared/env-names';
import { lazySchema } from '../../shared/model/lazy-schema';

/** The SES feedback handler's environment. */
export const SesFeedbackConfigSchema = lazySchema(() => z.object({
  [ENV.subscribersTable]: z.string().min(3),
  /** Bounces and complaints are counted in its `#tally` items (the operator's report reads them). */
  [ENV.deliveriesTable]: z.string().min(3),
}));

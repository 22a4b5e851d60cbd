import * as z from 'zod';
import { ENV } from '../shared/env-names';

/** The SES feedback handler's environment. */
export const SesFeedbackConfigSchema = z.object({
  [ENV.subscribersTable]: z.string().min(3),
  /** Bounces and complaints are counted in its `#tally` items (the operator's report reads them). */
  [ENV.deliveriesTable]: z.string().min(3),
});

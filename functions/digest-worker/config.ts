import * as z from 'zod';
import { ENV } from '../shared/env-names';
import { MAIL_CONFIG_SHAPE } from '../shared/mail-config';
import { lazySchema } from '../../shared/model/lazy-schema';

/** The digest worker's environment. The signing key arrives as a secret ARN, never as a value. */
export const DigestWorkerConfigSchema = lazySchema(() => z.object({
  [ENV.eventsTable]: z.string().min(3),
  [ENV.subscribersTable]: z.string().min(3),
  [ENV.deliveriesTable]: z.string().min(3),
  /** Read once send-digests takes `feedback` (issue 7's cadence); the stack grants read access. */
  [ENV.feedbackTable]: z.string().min(3),
  ...MAIL_CONFIG_SHAPE,
}));

import * as z from 'zod';
import { ENV } from '../shared/env-names';
import { MAIL_CONFIG_SHAPE } from '../shared/mail-config';

/** The subscription API's environment. The signing key arrives as a secret ARN, never as a value. */
export const SubscriptionApiConfigSchema = z.object({
  [ENV.eventsTable]: z.string().min(3),
  [ENV.subscribersTable]: z.string().min(3),
  ...MAIL_CONFIG_SHAPE,
});

/** Recorded with each consent; change it when the signup wording changes. */
export const FORM_VERSION = 'aws-1';

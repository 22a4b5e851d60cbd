import * as z from 'zod';
import { DigestScheduleSchema } from '../../shared/subscriptions/first-digest';
import { SignupLimitsSchema } from '../../shared/subscriptions/signup-limits';
import { ENV } from '../shared/env-names';
import { MAIL_CONFIG_SHAPE } from '../shared/mail-config';
import { lazySchema } from '../../shared/model/lazy-schema';

/** `NETMIX_SIGNUP_LIMITS`: a JSON object of `SignupLimits` fields; absent means the defaults. */
const SignupLimitsJsonSchema = lazySchema(() => z
  .string()
  .default('{}')
  .transform((text, context): unknown => {
    try {
      const value: unknown = JSON.parse(text);
      return value;
    } catch {
      context.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(SignupLimitsSchema));

/** The subscription API's environment. The signing key arrives as a secret ARN, never as a value. */
export const SubscriptionApiConfigSchema = lazySchema(() => z.object({
  [ENV.eventsTable]: z.string().min(3),
  [ENV.subscribersTable]: z.string().min(3),
  [ENV.limitsTable]: z.string().min(3),
  [ENV.feedbackTable]: z.string().min(3),
  [ENV.deliveriesTable]: z.string().min(3),
  /** `MON@7`: the deployment's digest day and hour. */
  [ENV.digestSchedule]: z
    .string()
    .regex(/^(SUN|MON|TUE|WED|THU|FRI|SAT)@\d{1,2}$/)
    .transform((text) => {
      const [weekDay, hour] = text.split('@');
      return { weekDay, hour: Number(hour) };
    })
    .pipe(DigestScheduleSchema),
  [ENV.signupLimits]: SignupLimitsJsonSchema,
  /**
   * The answer to a signup leaves no sooner than this after the request began, mail sent or not
   * (SEC-04). Above SES's usual SendRawEmail latency plus a store read, so every state waits for it.
   */
  [ENV.signupAnswerFloorMs]: z.coerce.number().int().min(0).max(10_000).default(800),
  ...MAIL_CONFIG_SHAPE,
  /** The operator's website: a form embedded there may post to the API (CORS and CSRF allow it). */
  [ENV.siteOrigin]: z.url({ protocol: /^https$/ }),
}));

/** Recorded with each consent; change it when the signup wording changes. */
export const FORM_VERSION = 'aws-1';

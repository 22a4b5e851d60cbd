import { z } from 'zod';
import { TimeZoneSchema } from '../../shared/model/common';
import { EmailSchema } from '../../shared/model/subscriber';
import { ENV } from '../shared/env-names';

/** The digest worker's environment. The signing key arrives as a secret ARN, never as a value. */
export const DigestWorkerConfigSchema = z.object({
  [ENV.eventsTable]: z.string().min(3),
  [ENV.subscribersTable]: z.string().min(3),
  [ENV.deliveriesTable]: z.string().min(3),
  [ENV.signingKeySecretArn]: z.string().startsWith('arn:'),
  [ENV.configurationSet]: z.string().min(1),
  [ENV.fromAddress]: EmailSchema,
  [ENV.timeZone]: TimeZoneSchema,
  [ENV.siteOrigin]: z.url({ protocol: /^https$/ }),
  [ENV.operatorName]: z.string().min(1),
  [ENV.operatorPostalAddress]: z.string().min(5),
});

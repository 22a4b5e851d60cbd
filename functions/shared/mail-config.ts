import * as z from 'zod';
import { TimeZoneSchema } from '../../shared/model/common';
import { EmailSchema } from '../../shared/model/subscriber';
import { ENV } from './env-names';

/**
 * The settings every function that mails subscribers reads the same way (digest worker, subscription
 * API): one shape, so the two cannot drift. The signing key arrives as a secret ARN, never as a value.
 */
export const MAIL_CONFIG_SHAPE = {
  [ENV.signingKeySecretArn]: z.string().startsWith('arn:'),
  [ENV.configurationSet]: z.string().min(1),
  [ENV.fromAddress]: EmailSchema,
  [ENV.timeZone]: TimeZoneSchema,
  [ENV.linkOrigin]: z.url({ protocol: /^https$/ }),
  [ENV.operatorName]: z.string().min(1),
  [ENV.operatorPostalAddress]: z.string().min(5),
};

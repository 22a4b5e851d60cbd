import * as z from 'zod';
import { TimeZoneSchema } from '../../shared/model/common';
import { EmailSchema } from '../../shared/model/subscriber';
import { ENV } from '../shared/env-names';
import { lazySchema } from '../../shared/model/lazy-schema';

/** The operator report's environment: four tables to read, who sends and who receives. */
export const OperatorReportConfigSchema = lazySchema(() => z.object({
  [ENV.eventsTable]: z.string().min(3),
  [ENV.sourcesTable]: z.string().min(3),
  [ENV.subscribersTable]: z.string().min(3),
  [ENV.deliveriesTable]: z.string().min(3),
  [ENV.timeZone]: TimeZoneSchema,
  [ENV.fromAddress]: EmailSchema,
  [ENV.configurationSet]: z.string().min(1),
  [ENV.operatorName]: z.string().min(1),
  [ENV.reportEmail]: EmailSchema,
}));

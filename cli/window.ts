import * as z from 'zod';
import { LocalDateSchema, TimeZoneSchema } from '../shared/model/common';
import { addDays, localDateOf, startOfLocalDay } from '../shared/time/zoned';

/** Command-line options for a time window: dates are local days in `tz`. */
export const WindowArgsSchema = z.object({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  tz: TimeZoneSchema.default('America/New_York'),
});

export interface Window {
  from: Date;
  to: Date;
  fromDate: string;
  toDate: string;
  timeZone: string;
}

/** `--from` 00:00 to `--to` 23:59:59 in `--tz`; by default today and the next `defaultDays` days. */
export function resolveWindow(args: z.infer<typeof WindowArgsSchema>, now: Date, defaultDays = 60): Window {
  const fromDate = args.from ?? localDateOf(now, args.tz);
  const toDate = args.to ?? addDays(fromDate, defaultDays);
  if (toDate < fromDate) throw new RangeError(`--to ${toDate} is before --from ${fromDate}`);
  return {
    from: startOfLocalDay(fromDate, args.tz),
    to: new Date(startOfLocalDay(addDays(toDate, 1), args.tz).getTime() - 1000),
    fromDate,
    toDate,
    timeZone: args.tz,
  };
}

import { newRawEvent, type ParseOptions, type ParseProblem, type RawEvent } from '../../model/raw-event';

/** The platforms whose public JSON Netmix reads. */
export type PlatformId = 'the-events-calendar' | 'squarespace' | 'localist' | 'libcal';

/** What one platform reader made of one JSON document (one page of a paged API). */
export interface PlatformRead {
  events: RawEvent[];
  problems: ParseProblem[];
  /** The next page of a paged API (The Events Calendar's `next_rest_url`, Localist's `page`). */
  nextPageUrl?: string;
  calendarName?: string;
}

/** One platform: how to recognise its JSON and how to read it. */
export interface PlatformReader {
  id: PlatformId;
  /** A human name for notes and problems. */
  label: string;
  /** True when `value` has the platform's tell-tale top-level shape. */
  matches(value: unknown): boolean;
  read(value: unknown, options: ParseOptions): PlatformRead;
}

/** A RawEvent with the fields a platform leaves out set to empty. */
export function platformEvent(fields: Parameters<typeof newRawEvent>[0]): RawEvent {
  return newRawEvent(fields, 'platform-api');
}

/** A digest for one ad-hoc profile, without stores or a mailer (for the CLI and for looking at it). */
import type { Event } from '../model/event';
import { startOfLocalDay } from '../time/zoned';
import { renderDigest, type DigestLinks, type Operator, type RenderedDigest, type SourceFacts } from './render';
import { selectDigest } from './select';
import type { DigestProfile, DigestSelection, PreviousItem } from './types';

export interface PreviewOptions {
  /** The digest's first day, `YYYY-MM-DD` in `timeZone`. */
  date: string;
  windowDays: 7 | 14;
  /** The region's zone; default the profile's. */
  timeZone?: string;
  previous?: readonly PreviousItem[];
  links?: DigestLinks;
  operator?: Operator;
  /** The sources by id, for details links and streets the events leave out. */
  sources?: ReadonlyMap<string, SourceFacts>;
}

const PREVIEW_LINKS: DigestLinks = {
  unsubscribe: 'https://netmix.invalid/u/preview',
  preferences: 'https://netmix.invalid/preferences/preview',
  eventIcs: (eventId) => `https://netmix.invalid/events/${encodeURIComponent(eventId)}.ics`,
};

const PREVIEW_OPERATOR: Operator = { name: 'Netmix preview', postalAddress: 'No postal address configured' };

/** Selects and renders one digest for `profile`, returning the rendering and the selection. */
export function previewDigest(
  events: readonly Event[],
  profile: DigestProfile & { placeName: string },
  options: PreviewOptions,
): RenderedDigest & DigestSelection {
  const timeZone = options.timeZone ?? profile.timeZone;
  const windowStart = startOfLocalDay(options.date, timeZone);
  const selection = selectDigest(events, profile, {
    windowStart,
    windowDays: options.windowDays,
    timeZone,
    ...(options.previous === undefined ? {} : { previous: options.previous }),
  });
  const rendered = renderDigest({
    subscriber: profile,
    chosen: selection.chosen,
    windowStart,
    windowDays: options.windowDays,
    links: options.links ?? PREVIEW_LINKS,
    operator: options.operator ?? PREVIEW_OPERATOR,
    ...(options.sources === undefined ? {} : { sources: options.sources }),
  });
  return { ...rendered, ...selection };
}

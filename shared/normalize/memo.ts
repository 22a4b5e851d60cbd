import type { Event } from '../model/event';
import type { RawEvent } from '../model/raw-event';
import type { AudienceRule } from './audience';
import type { DescriptionWords } from './cost';
import type { ParsedLocation } from './location';
import type { ContentHasher } from './content-hash';
import type { FieldCaches } from './fields';

/**
 * Answers `normalizeEvents` reuses within one call. The occurrences of a series differ only in
 * their times, and a feed repeats descriptions and locations, so the text-derived part of an
 * Event is worked out once per distinct text. Lives for one call: nothing is kept between feeds.
 */

/** The part of an Event that does not depend on the occurrence's time, already schema-checked. */
export interface EventTemplate {
  /** The raw occurrence the template was built from: a later one must have the same text. */
  raw: RawEvent;
  /** The first Event built from it (validated in full); later ones copy its text fields. */
  event: Event;
  /** The UID, or the derived key when the source gives none. */
  key: string;
  /** Hashes the template's content with an occurrence's times. */
  hash: ContentHasher;
}

export class NormalizeMemo {
  readonly descriptions = new Map<string, string>();
  readonly locations = new Map<string, ParsedLocation>();
  readonly descriptionRules = new Map<string, readonly AudienceRule[]>();
  readonly descriptionWords = new Map<string, DescriptionWords>();
  readonly fields: FieldCaches = { descriptions: new Map(), names: new Map() };
  private readonly templates = new Map<string, EventTemplate[]>();

  /** A template built from an occurrence with exactly the same text as `raw`, if any. */
  templateFor(raw: RawEvent): EventTemplate | undefined {
    return this.templates.get(raw.title)?.find((template) => sameText(template.raw, raw));
  }

  remember(template: EventTemplate): void {
    const list = this.templates.get(template.raw.title);
    if (list) list.push(template);
    else this.templates.set(template.raw.title, [template]);
  }
}

/** Deep equality of plain data (arrays, objects, primitives by Object.is); unsure means unequal. */
function sameStructure(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const other: unknown[] = b;
    return a.every((item: unknown, index) => sameStructure(item, other[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameStructure(Reflect.get(a, key), Reflect.get(b, key)));
}

/** True when every field but the times (start, end, startDate, time zone) is equal. */
function sameText(a: RawEvent, b: RawEvent): boolean {
  return (
    a.uid === b.uid && a.allDay === b.allDay && a.title === b.title && a.description === b.description && a.location === b.location &&
    a.url === b.url && a.organizer === b.organizer && a.status === b.status && a.attendanceMode === b.attendanceMode &&
    a.onlineUrl === b.onlineUrl && sameStructure(a.categories, b.categories) && sameStructure(a.venue, b.venue) &&
    sameStructure(a.geo, b.geo) && sameStructure(a.offers, b.offers) && a.provenance === b.provenance &&
    (a.scheduleText ?? null) === (b.scheduleText ?? null)
  );
}

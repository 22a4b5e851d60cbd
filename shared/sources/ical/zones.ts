import ICAL from 'ical.js';
import type { ParseProblem } from '../../model/raw-event';
import { type LocalDateTime, toLocalDateTimeCached, zonedToInstantCached } from '../../time/zoned';
import { canonicalIana, ianaForWindowsName } from './zone-names';

/**
 * Turns a TZID into a zone that converts wall-clock times to instants. The order, first match
 * wins, is:
 *   1. an IANA name or legacy alias (`America/Chicago`, `US/Eastern`): IANA tz data, even when the
 *      file also defines a VTIMEZONE of that name, because in-file definitions are sometimes wrong
 *      (Tribe writes observance starts as UTC clock times) and IANA's are not;
 *   2. a Windows id or Outlook label that maps to IANA: IANA tz data, for the same reason;
 *   3. an in-file VTIMEZONE (matched after unescaping and case folding), whose X-LIC-LOCATION is
 *      used if it is an IANA name; otherwise its own rules, reported under the calendar's zone;
 *   4. anything else: the calendar's zone (X-WR-TIMEZONE, else the source's default) and a problem.
 * Never UTC by accident: a wrong hour is the worst bug this product can have.
 */
export interface Zone {
  /** The IANA name the times are reported in, or null for an in-file zone without one. */
  readonly iana: string | null;
  /** Epoch milliseconds at which this zone's clocks read `local`. */
  toInstantMs(local: LocalDateTime): number;
  /** This zone's wall clock at `epochMs`. */
  toLocal(epochMs: number): LocalDateTime;
}

/** Local wall time written as if it were UTC: cheap to compare and to key on. */
export function localKey(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** The LocalDateTime that `localKey` turned into `key`. */
export function fromLocalKey(key: number): LocalDateTime {
  const date = new Date(key);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

export const UTC_ZONE: Zone = {
  iana: 'UTC',
  toInstantMs: localKey,
  toLocal: (epochMs) => fromLocalKey(epochMs),
};

class IanaZone implements Zone {
  private readonly cache = new Map<number, number>();
  constructor(readonly iana: string) {}

  toInstantMs(local: LocalDateTime): number {
    const key = localKey(local);
    let instant = this.cache.get(key);
    if (instant === undefined) {
      instant = zonedToInstantCached(local, this.iana).getTime();
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(key, instant);
    }
    return instant;
  }

  toLocal(epochMs: number): LocalDateTime {
    return toLocalDateTimeCached(new Date(epochMs), this.iana);
  }
}

class InFileZone implements Zone {
  constructor(
    readonly iana: string | null,
    private readonly timezone: ICAL.Timezone,
  ) {}

  toInstantMs(local: LocalDateTime): number {
    return ICAL.Time.fromData({ ...local, isDate: false }, this.timezone).toUnixTime() * 1000;
  }

  toLocal(epochMs: number): LocalDateTime {
    const time = ICAL.Time.fromJSDate(new Date(epochMs), true).convertToZone(this.timezone);
    return { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
  }
}

const ianaZones = new Map<string, IanaZone>();

/** A shared zone object for an IANA name (its conversion cache is shared too). */
export function ianaZone(iana: string): Zone {
  if (iana === 'UTC') return UTC_ZONE;
  let zone = ianaZones.get(iana);
  if (!zone) {
    zone = new IanaZone(iana);
    ianaZones.set(iana, zone);
  }
  return zone;
}

/** Text of a TZID as written, unescaped and folded, for matching TZIDs to VTIMEZONEs. */
function tzidKey(tzid: string): string {
  return tzid
    .replace(/\\([,;\\])/g, '$1')
    .replace(/^"|"$/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Resolves TZIDs for one feed, caching each answer and reporting each unknown name once. */
export class ZoneResolver {
  private readonly inFile = new Map<string, { timezone: ICAL.Timezone; location: string | null }>();
  private readonly resolved = new Map<string, Zone>();

  constructor(
    private readonly problems: ParseProblem[],
    /** The calendar's zone, for floating times and for what cannot be resolved. */
    public calendarZone: Zone,
  ) {}

  /** Registers an in-file VTIMEZONE under each of its TZIDs. */
  addVTimezone(component: ICAL.Component, where: string): void {
    const tzids = component.getAllProperties('tzid').map((prop) => prop.getFirstValue()).filter((v): v is string => typeof v === 'string');
    if (tzids.length === 0) {
      this.problems.push({ message: 'VTIMEZONE without TZID ignored', where });
      return;
    }
    const location = component.getFirstPropertyValue('x-lic-location');
    for (const tzid of tzids) {
      const single = new ICAL.Component(['vtimezone', [], []]);
      single.addPropertyWithValue('tzid', tzid);
      // Copies, not the originals: addSubcomponent moves a component out of its parent, so walking
      // the parent's own list while adding skipped every other observance (summer on standard time).
      for (const observance of [...component.getAllSubcomponents()]) single.addSubcomponent(ICAL.Component.fromString(observance.toString()));
      const timezone = new ICAL.Timezone(single);
      this.inFile.set(tzidKey(tzid), { timezone, location: typeof location === 'string' ? location : null });
    }
  }

  /** The zone for `tzid` (see the order in the `Zone` note); `where` names the first user. */
  resolve(tzid: string, where: string): Zone {
    let zone = this.resolved.get(tzid);
    if (!zone) {
      zone = this.lookUp(tzid, where);
      this.resolved.set(tzid, zone);
    }
    return zone;
  }

  private lookUp(tzid: string, where: string): Zone {
    const name = tzid.replace(/\\([,;\\])/g, '$1').replace(/^"|"$/g, '').trim();
    const iana = canonicalIana(name) ?? ianaForWindowsName(name);
    if (iana) return ianaZone(iana);
    const defined = this.inFile.get(tzidKey(name));
    if (defined) {
      const location = defined.location === null ? null : canonicalIana(defined.location);
      if (location) return ianaZone(location);
      this.problems.push({
        message: `time zone "${clip(name)}" has no IANA equivalent; times are read with the file's own VTIMEZONE rules and reported in ${this.calendarZone.iana ?? 'UTC'}`,
        where,
      });
      return new InFileZone(null, defined.timezone);
    }
    this.problems.push({
      message: `unknown time zone "${clip(name)}" with no VTIMEZONE; times read in ${this.calendarZone.iana ?? 'UTC'} instead`,
      where,
    });
    return this.calendarZone;
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Selection for many subscribers: what `selectDigest` gives each, computed once per distinct
 * profile. Events are prepared once per window; subscribers with the same place, radius, mix,
 * size, online choice, interests, employers, window and (relevant part of their) previous digest
 * and history share one computation AND one result object: the results are shared references, so
 * treat them as read-only.
 *
 * Two passes. The first reads each subscriber into a group: a history becomes an interned
 * cadence-effect id (cadence-ids.ts) and the group key a chain of interned integers (group-key.ts),
 * so a subscriber whose group exists costs a few array probes. The second fills each group's
 * digest, place by place: the near events of one (home, radius) are ranked into the run's buffers
 * and read by all of that place's groups while they are in cache, then overwritten by the next;
 * a home read at several radii is ranked once, at the widest, and narrowed for the others.
 */
import type { Event } from '../model/event';
import { cadenceEffect } from './cadence';
import { CadenceEffects } from './cadence-ids';
import { GroupKeys } from './group-key';
import { IdMap } from './pair-table';
import { prepareEvents } from './prepare';
import { excludedBy, narrowInto, nearFor, nearInto, NO_PREVIOUS, runFor, selectInRun, siteInto, windowEndFor, withBlocked, type DigestRecipient, type Run } from './select';
import type { FieldId } from '../model/fields';
import type { DigestProfile, DigestSelection, SelectOptions } from './types';

const NO_FIELDS: FieldId[] = [];
Object.freeze(NO_FIELDS);

interface Window {
  run: Run;
  id: number;
  effects: CadenceEffects;
}

/** The prepared windows of one call, by the zone that ends them. */
class Windows {
  private readonly byEnd = new Map<number, Window>();
  /** Zone arithmetic costs several Intl calls: once per distinct zone, not per subscriber. */
  private readonly endByZone = new Map<string, number>();
  /** Most neighbours share a zone: the last one's window is reused without a look-up. */
  private lastZone: string | null = null;
  private last: Window | undefined;

  constructor(
    private readonly events: readonly Event[],
    private readonly options: Omit<SelectOptions, 'previous'>,
  ) {}

  of(recipient: DigestRecipient): Window {
    const zone = this.options.timeZone ?? recipient.timeZone;
    if (zone === this.lastZone && this.last !== undefined) return this.last;
    let end = this.endByZone.get(zone);
    if (end === undefined) {
      end = windowEndFor(this.options.windowStart, this.options.windowDays, zone).getTime();
      this.endByZone.set(zone, end);
    }
    let window = this.byEnd.get(end);
    if (!window) {
      const run = runFor(prepareEvents(this.events, { start: this.options.windowStart, end: new Date(end) }), zone);
      window = { run, id: this.byEnd.size, effects: new CadenceEffects(run.prepared, run.weeks) };
      this.byEnd.set(end, window);
    }
    this.lastZone = zone;
    this.last = window;
    return window;
  }
}

/**
 * One distinct profile: its first subscriber's profile (every member shares it), copied while the
 * subscriber is in cache, with empty lists shared; its history effect and left-out events.
 */
interface Group {
  profile: DigestProfile;
  window: Window;
  effectId: number;
  previous: readonly number[];
}

/** Shared empty lists for profiles (`profileOf`); selection only reads profiles, and they are frozen so nothing can write them. */
const NO_TERMS: string[] = [];
Object.freeze(NO_TERMS);

/** What selection reads of a subscriber, in an object of its own (most lists are empty: one shared list). */
function profileOf(recipient: DigestRecipient): DigestProfile {
  const { zip, radiusMiles, mix, fields, interests, targetEmployers, online, digestSize, lat, lon, timeZone } = recipient;
  return {
    zip,
    radiusMiles,
    mix,
    fields: fields.length === 0 ? NO_FIELDS : fields,
    interests: interests.length === 0 ? NO_TERMS : interests,
    targetEmployers: targetEmployers.length === 0 ? NO_TERMS : targetEmployers,
    online,
    digestSize,
    lat,
    lon,
    timeZone,
  };
}

/** Subscribers with one home and radius: the first one's (all share it) and their groups. */
interface Near {
  first: number;
  groups: number[];
}

/** Subscribers with one home in one window: the first one's, the widest radius among them, and each radius's. */
interface Site {
  first: number;
  window: Window;
  widest: number;
  nears: Near[];
}

/**
 * Each subscriber's selection, in `recipients` order. `group: false` ranks and fills every
 * subscriber on their own, sharing only the per-window work (the benchmark's baseline); the
 * output is equal either way.
 */
export function selectForMany(events: readonly Event[], recipients: readonly DigestRecipient[], options: Omit<SelectOptions, 'previous'> & { group?: boolean }): DigestSelection[] {
  const windows = new Windows(events, options);
  if (options.group === false) {
    return recipients.map((recipient) => {
      const { run } = windows.of(recipient);
      // The baseline reads each history the direct way (`cadenceEffect`), as a per-subscriber loop would.
      const effect = cadenceEffect(run.prepared, recipient.mix, run.weeks, recipient.history);
      const excluded = withBlocked(excludedBy(run.prepared, recipient.previous ?? NO_PREVIOUS), effect);
      return selectInRun(run, recipient, excluded, nearFor(run, recipient), effect);
    });
  }

  // Pass 1: every subscriber's group; each new group joins its (home, radius), each of those its home.
  const keys = new GroupKeys();
  const groupOf = new Int32Array(recipients.length);
  const groupByKey = new IdMap();
  const nearByKey = new IdMap();
  const siteByKey = new IdMap();
  const groups: Group[] = [];
  const nears: Near[] = [];
  const sites: Site[] = [];
  recipients.forEach((recipient, index) => {
    const window = windows.of(recipient);
    const effectId = window.effects.idOf(recipient.mix, recipient.history);
    const previous = excludedBy(window.run.prepared, recipient.previous ?? NO_PREVIOUS);
    const key = keys.keysFor(recipient, window.id, previous, effectId);
    let group = groupByKey.get(key.group);
    if (group < 0) {
      group = groups.length;
      groupByKey.set(key.group, group);
      groups.push({ profile: profileOf(recipient), window, effectId, previous });
      let near = nears[nearByKey.get(key.near)];
      if (near === undefined) {
        near = { first: index, groups: [] };
        nearByKey.set(key.near, nears.length);
        nears.push(near);
        let site = sites[siteByKey.get(key.site)];
        if (site === undefined) {
          site = { first: index, window, widest: 0, nears: [] };
          siteByKey.set(key.site, sites.length);
          sites.push(site);
        }
        site.nears.push(near);
        site.widest = Math.max(site.widest, recipient.radiusMiles);
      }
      near.groups.push(group);
    }
    groupOf[index] = group;
  });

  // Pass 2: each group's digest, home by home and radius by radius, so each ranking is read while in cache.
  const selections: DigestSelection[] = [];
  for (const site of sites) {
    const { run, effects } = site.window;
    const home = recipients[site.first];
    if (home === undefined) continue;
    // One radius: ranked directly. Several: ranked once at the widest, which the others narrow.
    const several = site.nears.length > 1;
    if (several) siteInto(run, home, site.widest);
    for (const near of site.nears) {
      const first = recipients[near.first];
      if (first === undefined) continue;
      const buckets = several ? narrowInto(run, first, site.widest) : nearInto(run, first);
      for (const number of near.groups) {
        const group = groups[number];
        if (group === undefined) continue;
        const effect = effects.effectOf(group.effectId);
        selections[number] = selectInRun(run, group.profile, withBlocked(group.previous, effect), buckets, effect);
      }
    }
  }
  const results: DigestSelection[] = [];
  // An index loop: this runs once per call, too briefly to be optimised, and `for … of` would allocate per subscriber until it is.
  for (let index = 0; index < groupOf.length; index += 1) {
    const group = groupOf[index] ?? -1;
    const selection = selections[group];
    if (selection === undefined) throw new Error(`selection of group ${group} was not filled`);
    results.push(selection);
  }
  return results;
}

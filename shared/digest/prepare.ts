/**
 * Per-run event preparation for selection: everything that does not depend on the subscriber
 * (window filter, dedup clusters, unit vectors, searchable text) is computed here once, so the
 * per-subscriber work is a dot-product-sized loop.
 */
import { CategorySchema, type Audience, type Category } from '../model/common';
import type { Event } from '../model/event';
import { dedupEvents } from '../normalize/dedup';
import { unitVector, type UnitVector } from './geo';
import { seriesKeyOf } from './series';

export interface PreparedEvent {
  /** The listing shown for its cluster. */
  event: Event;
  audience: Audience;
  vector: UnitVector | null;
  online: boolean;
  /** Lower-cased words of title, description, organiser and category, space-padded for phrase search. */
  text: string;
  organiserKey: string;
  free: boolean;
  startMs: number;
  /** Local calendar day of the start (event's own zone), for spreading picks over the week. */
  day: string;
  /** `seriesKeyOf(event)`: the cadence paces a series and a digest holds one of each. */
  seriesKey: string;
}

export interface PreparedEvents {
  windowStart: Date;
  windowEnd: Date;
  /** In start order, then id: the order ties resolve in. */
  items: readonly PreparedEvent[];
  /** Unit-vector components of `items[i]` (NaN without coordinates), flat for a tight distance loop. */
  xs: Float64Array;
  ys: Float64Array;
  zs: Float64Array;
  /**
   * Items with coordinates ordered by `zs` (the axis through the poles, so latitude), and their
   * `zs` in that order: a radius search reads only the band of latitudes it can reach.
   */
  byZ: Int32Array;
  zsByZ: Float64Array;
  /** Per item: 1 when online, 1 when free, 1 when job-seeker, and the index of its day in `days`. */
  online: Uint8Array;
  free: Uint8Array;
  jobSeeker: Uint8Array;
  dayIndex: Uint16Array;
  /** The distinct start days, sorted. */
  days: readonly string[];
  /** Per item: a small number per distinct `organiserKey` (0 … `organiserCount` − 1), for counting caps in an array. */
  organiserIndex: Int32Array;
  organiserCount: number;
  /** Organiser numbers by `organiserKey`, for "Not for me" on an organiser. */
  organiserNumbers: ReadonlyMap<string, number>;
  /** Per item: a small number per distinct `seriesKey`, and the numbers by key. */
  seriesIndex: Int32Array;
  seriesNumbers: ReadonlyMap<string, number>;
  /** Item indices of each series number, in prepared order. */
  seriesMembers: readonly (readonly number[])[];
  /** Per item: the index of its category in `CATEGORY_ORDER`. */
  categoryIndex: Uint8Array;
  /** Item indices by event id (one, unless two feeds reuse an id), to find last digest's events without a scan. */
  indexById: ReadonlyMap<string, readonly number[]>;
}

/** Categories in a fixed order: a category's number indexes per-subscriber arrays. */
export const CATEGORY_ORDER: readonly Category[] = CategorySchema.options;
const CATEGORY_NUMBERS = new Map(CATEGORY_ORDER.map((category, index) => [category, index]));

/** The organiser key of an event: its organiser lower-cased, else its first source. */
export function organiserKeyOf(event: Pick<Event, 'organizer' | 'sources' | 'id'>): string {
  return event.organizer?.trim().toLowerCase() || `source:${event.sources[0]?.id ?? event.id}`;
}

/** Lower-cases and splits into words joined by single spaces, padded: `" biotech startup "`. */
export function searchableText(...parts: (string | null)[]): string {
  const words = parts
    .filter((part): part is string => part !== null)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9+#]+/)
    .filter((word) => word.length > 0);
  return ` ${words.join(' ')} `;
}

/** Events starting in `[start, end)`, not cancelled, one per duplicate group, ready for selection. */
export function prepareEvents(events: readonly Event[], window: { start: Date; end: Date }): PreparedEvents {
  const from = window.start.getTime();
  const to = window.end.getTime();
  const inWindow = events.filter((event) => {
    if (event.status === 'cancelled') return false;
    const start = Date.parse(event.start);
    return start >= from && start < to;
  });
  // The same occurrence listed by several sources becomes one event (ingest's own dedup rule).
  const items = dedupEvents(inWindow).flatMap((event): PreparedEvent[] => {
    const lat = event.venue?.lat ?? null;
    const lon = event.venue?.lon ?? null;
    const vector = lat !== null && lon !== null ? unitVector(lat, lon) : null;
    if (vector === null && !event.online) return [];
    return [
      {
        event,
        audience: event.audience,
        vector,
        online: event.online,
        text: searchableText(event.title, event.description, event.organizer, event.category.replace(/-/g, ' ')),
        organiserKey: organiserKeyOf(event),
        free: event.cost.kind === 'free' || event.cost.kind === 'free-for-job-seekers',
        startMs: Date.parse(event.start),
        day: event.startDate,
        seriesKey: seriesKeyOf(event),
      },
    ];
  });
  items.sort((a, b) => a.startMs - b.startMs || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  const xs = new Float64Array(items.length);
  const ys = new Float64Array(items.length);
  const zs = new Float64Array(items.length);
  const online = new Uint8Array(items.length);
  const free = new Uint8Array(items.length);
  const jobSeeker = new Uint8Array(items.length);
  const dayIndex = new Uint16Array(items.length);
  const days = [...new Set(items.map((item) => item.day))].sort();
  const dayNumber = new Map(days.map((day, index) => [day, index]));
  const organiserIndex = new Int32Array(items.length);
  const organiserNumber = new Map<string, number>();
  const indexById = new Map<string, number[]>();
  const seriesIndex = new Int32Array(items.length);
  const seriesNumbers = new Map<string, number>();
  const seriesMembers: number[][] = [];
  const categoryIndex = new Uint8Array(items.length);
  items.forEach((item, index) => {
    let series = seriesNumbers.get(item.seriesKey);
    if (series === undefined) {
      series = seriesNumbers.size;
      seriesNumbers.set(item.seriesKey, series);
      seriesMembers.push([]);
    }
    seriesMembers[series]?.push(index);
    seriesIndex[index] = series;
    categoryIndex[index] = CATEGORY_NUMBERS.get(item.event.category) ?? 0;
    let organiser = organiserNumber.get(item.organiserKey);
    if (organiser === undefined) {
      organiser = organiserNumber.size;
      organiserNumber.set(item.organiserKey, organiser);
    }
    organiserIndex[index] = organiser;
    const sameId = indexById.get(item.event.id);
    if (sameId) sameId.push(index);
    else indexById.set(item.event.id, [index]);
    xs[index] = item.vector?.[0] ?? Number.NaN;
    ys[index] = item.vector?.[1] ?? Number.NaN;
    zs[index] = item.vector?.[2] ?? Number.NaN;
    online[index] = item.online ? 1 : 0;
    free[index] = item.free ? 1 : 0;
    jobSeeker[index] = item.audience === 'job-seeker' ? 1 : 0;
    dayIndex[index] = dayNumber.get(item.day) ?? 0;
  });
  const byZ = Int32Array.from(items.keys()).filter((index) => !Number.isNaN(zs[index]));
  byZ.sort((a, b) => (zs[a] ?? 0) - (zs[b] ?? 0) || a - b);
  return {
    windowStart: window.start,
    windowEnd: window.end,
    items,
    xs,
    ys,
    zs,
    byZ,
    zsByZ: Float64Array.from(byZ, (index) => zs[index] ?? 0),
    online,
    free,
    jobSeeker,
    dayIndex,
    days,
    organiserIndex,
    organiserCount: organiserNumber.size,
    organiserNumbers: organiserNumber,
    seriesIndex,
    seriesNumbers,
    seriesMembers,
    categoryIndex,
    indexById,
  };
}

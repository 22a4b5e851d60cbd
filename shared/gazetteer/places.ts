/**
 * The compact ZIP/town table's text format, written by `scripts/build-time/gazetteer.ts` from the
 * `zipcodes` package and read here. One record a line, tab-separated, grouped by the state key
 * `zipcodes` files it under, in that package's order (so a town's records come back in the same
 * order and their mean is the same to the last bit):
 *
 * ```
 * netmix-gazetteer 1 …                 header
 * =MASSACHUSETTS<TAB>MA                 a full state name and its abbreviation
 * @MA<TAB>US                            a state key and its country; the records below belong to it
 * 01852<TAB>42.6334<TAB>-71.3162<TAB>Lowell
 * 01853<TAB>42.6331<TAB>-71.3141<TAB>   an empty city: the previous record's city
 * ```
 *
 * An empty latitude or longitude is `null`, as in `zipcodes` (a few Canadian records).
 */

/** One ZIP (or Canadian FSA) record, the shape `zipcodes` returns. */
export interface PlaceRecord {
  zip: string;
  latitude: number | null;
  longitude: number | null;
  city: string;
  state: string;
  country: string;
}

/** The decoded table. */
export interface PlaceTable {
  byCode: ReadonlyMap<string, PlaceRecord>;
  /** Records by the state key `zipcodes` uses ("MA", "Ontario"), in its order. */
  byState: ReadonlyMap<string, readonly PlaceRecord[]>;
  /** Upper-case full state names to abbreviations ("MASSACHUSETTS" → "MA"). */
  stateAbbreviations: ReadonlyMap<string, string>;
}

/** The first line's prefix; a different one means a file from another format version. */
export const PLACES_HEADER = 'netmix-gazetteer 1';

/** The table text is not in this format; names the line. */
export class PlacesFormatError extends Error {
  override readonly name = 'PlacesFormatError';
}

function coordinate(field: string, line: number): number | null {
  if (field === '') return null;
  const value = Number(field);
  if (!Number.isFinite(value)) throw new PlacesFormatError(`line ${line}: bad coordinate ${JSON.stringify(field)}`);
  return value;
}

/** Decodes the table text; throws {@link PlacesFormatError} on a malformed line. */
export function decodePlaces(text: string): PlaceTable {
  const lines = text.split('\n');
  if (!(lines[0] ?? '').startsWith(PLACES_HEADER)) throw new PlacesFormatError('not a netmix gazetteer (header missing)');
  const byCode = new Map<string, PlaceRecord>();
  const byState = new Map<string, PlaceRecord[]>();
  const stateAbbreviations = new Map<string, string>();
  let state: string | undefined;
  let country = '';
  let records: PlaceRecord[] = [];
  let city = '';
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const fields = line.split('\t');
    const first = fields[0] ?? '';
    if (first.startsWith('=')) {
      stateAbbreviations.set(first.slice(1), fields[1] ?? '');
    } else if (first.startsWith('@')) {
      state = first.slice(1);
      country = fields[1] ?? '';
      records = [];
      byState.set(state, records);
    } else {
      if (state === undefined || fields.length !== 4) throw new PlacesFormatError(`line ${index + 1}: record outside a state or not four fields`);
      city = fields[3] === '' || fields[3] === undefined ? city : fields[3];
      const record: PlaceRecord = {
        zip: first,
        latitude: coordinate(fields[1] ?? '', index + 1),
        longitude: coordinate(fields[2] ?? '', index + 1),
        city,
        state,
        country,
      };
      records.push(record);
      byCode.set(first, record);
    }
  }
  return { byCode, byState, stateAbbreviations };
}

/** Encodes records grouped by state key (in the order given) into the table text. */
export function encodePlaces(
  header: string,
  stateAbbreviations: Iterable<readonly [string, string]>,
  byState: Iterable<readonly [string, readonly PlaceRecord[]]>,
): string {
  const out = [`${PLACES_HEADER} ${header}`];
  for (const [name, abbreviation] of stateAbbreviations) out.push(`=${name}\t${abbreviation}`);
  for (const [state, records] of byState) {
    const country = records[0]?.country ?? '';
    out.push(`@${state}\t${country}`);
    let city: string | undefined;
    for (const record of records) {
      if (record.state !== state || record.country !== country) throw new PlacesFormatError(`record ${record.zip} does not belong to ${state} (${country})`);
      if (record.city === '' || /[\t\n]/.test(record.city + record.zip)) throw new PlacesFormatError(`record ${record.zip}: a field the format cannot hold`);
      out.push([record.zip, record.latitude ?? '', record.longitude ?? '', record.city === city ? '' : record.city].join('\t'));
      city = record.city;
    }
  }
  return `${out.join('\n')}\n`;
}

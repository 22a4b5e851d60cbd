import { decodeEntities } from './text';
import { splitTrailingState } from './us-states';
import { cityCentroid } from './geo';

/** What a free-text location says, split into parts; fields it does not name are null. */
export interface ParsedLocation {
  name: string | null;
  address: string | null;
  city: string | null;
  /** USPS state abbreviation (`MA`), also when the text spells the state out. */
  region: string | null;
  /** Five-digit ZIP (a ZIP+4 is cut to its first five digits). */
  postalCode: string | null;
  /** The text names no physical place, only an online one ("Online", "Zoom", a link). */
  onlineOnly: boolean;
  /** http(s) links found in the text, in order. */
  urls: string[];
}

const MAX_LOCATION_INPUT = 1000;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`,;]+/gi;
const ONLINE_ONLY = /^(?:(?:this is an? |via |on |hosted on |live )?(?:online|virtual(?:ly)?|remote|web(?:inar)?|zoom|zoom (?:meeting|webinar|call|link)|microsoft teams|ms teams|teams(?: meeting)?|google meet|webex|gotomeeting|livestream|live ?stream|internet)(?: (?:only|event|meeting|session|webinar|workshop|via zoom|zoom))*)$/i;
const PLACEHOLDER = /^(?:tbd|tba|to be (?:announced|determined)|n\/?a|none|see (?:description|details|below|website)|location tbd|various|multiple locations)$/i;
const COUNTRY = /^(?:usa|us|u\.s\.a?\.?|united states(?: of america)?)$/i;
const ZIP_AT_END = /^(.*?)[\s,]*\b(\d{5})(?:-\d{4})?$/;
const STREET_NUMBER = /^(?:\d+[A-Za-z]?(?:-\d+)?\s+\S|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\s+\S.*\b(?:st|street|ave|avenue|rd|road|dr|drive|blvd|boulevard|way|pl|place|sq|square|wharf|plaza|pkwy|parkway|ln|lane|ct|court|ter|terrace|hwy|highway)\.?$)/i;
const STREET_SUFFIX = /\b(?:st|street|ave|avenue|rd|road|dr|drive|blvd|boulevard|ln|lane|way|ct|court|pkwy|parkway|hwy|highway|ter|terrace|wharf|pike|turnpike|cir|circle|row)\.?$/i;

function cleanLocationText(text: string): string {
  return decodeEntities(
    text
      .replace(/\\[nN]/g, ', ')
      .replace(/\\([,;\\])/g, '$1')
      .replace(/<br\s*\/?>/gi, ', ')
      .replace(/<[^<>]*>/g, ' '),
  )
    .replace(/[\r\n]+/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

function emptyLocation(onlineOnly: boolean, urls: string[]): ParsedLocation {
  return { name: null, address: null, city: null, region: null, postalCode: null, onlineOnly, urls };
}

/** True when `text` (a location or a venue name) only says the event is online. */
export function isOnlineOnlyPlace(text: string): boolean {
  return ONLINE_ONLY.test(text.replace(/[.!:\s-]+$/, '').replace(/\s+/g, ' ').trim());
}

function looksLikeStreet(part: string, index: number): boolean {
  return STREET_NUMBER.test(part) || (index > 0 && STREET_SUFFIX.test(part));
}

/**
 * Splits a free-text location as feeds write it (`Name, 14 Summer St, Waltham, MA 02451`) into
 * name, street address, city, state and ZIP. Copes with ZIP+4, a missing name or ZIP, empty
 * parts (`Detroit\,\, MI`), spelled-out states, a trailing country, and an address in brackets
 * after the name. "Online", "Zoom" or a bare link yields `onlineOnly`. Without a state, a last
 * part is read as a town only when it is one in `defaultRegion`.
 */
export function parseLocation(input: string, defaultRegion?: string): ParsedLocation {
  // Real locations are a line or two; a longer one is noise and must not cost time.
  let text = cleanLocationText(input.length > MAX_LOCATION_INPUT ? input.slice(0, MAX_LOCATION_INPUT) : input);
  const urls = [...text.matchAll(URL_IN_TEXT)].map((match) => match[0].replace(/[.)\]]+$/, ''));
  if (urls.length > 0) text = text.replace(URL_IN_TEXT, ' ').replace(/\s+/g, ' ').trim();
  const bare = text.replace(/^[\s,;:|()-]+|[\s,;:|()-]+$/g, '');
  if (bare === '') return emptyLocation(urls.length > 0, urls);
  if (isOnlineOnlyPlace(bare)) return emptyLocation(true, urls);
  if (PLACEHOLDER.test(bare)) return emptyLocation(false, urls);

  let bracketName: string | null = null;
  const bracket = /^([^(]+?)\s*\(([^()]*,[^()]*)\)?\s*$/.exec(bare);
  if (bracket?.[1] !== undefined && bracket[2] !== undefined) {
    bracketName = bracket[1].trim();
    text = bracket[2];
  } else {
    text = bare;
  }

  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim().replace(/^[-–—|:]+\s*|\s*[-–—|:]+$/g, ''))
    .filter((part) => part !== '' && !COUNTRY.test(part) && !isOnlineOnlyPlace(part));
  const result = emptyLocation(false, urls);

  let last = parts.at(-1);
  const zip = last === undefined ? null : ZIP_AT_END.exec(last);
  if (zip?.[2] !== undefined) {
    result.postalCode = zip[2];
    const rest = (zip[1] ?? '').trim();
    if (rest === '') parts.pop();
    else parts[parts.length - 1] = rest;
    last = parts.at(-1);
  }
  const state = last === undefined ? null : splitTrailingState(last);
  if (state !== null) {
    result.region = state.state;
    parts.pop();
    if (state.before !== '') parts.push(state.before);
  }
  const cityCandidate = parts.at(-1);
  if (cityCandidate !== undefined && !/\d/.test(cityCandidate) && (parts.length > 1 || bracketName !== null || result.region !== null || result.postalCode !== null)) {
    const knownTown = result.region !== null || result.postalCode !== null ||
      (defaultRegion !== undefined && cityCentroid(cityCandidate, defaultRegion) !== null);
    if (knownTown) {
      result.city = cityCandidate;
      result.region ??= result.postalCode === null ? (defaultRegion ?? null) : null;
      parts.pop();
    }
  }

  const streetAt = parts.findIndex((part, index) => looksLikeStreet(part, bracketName === null ? index : index + 1));
  const nameParts = streetAt === -1 ? parts : parts.slice(0, streetAt);
  const addressParts = streetAt === -1 ? [] : parts.slice(streetAt);
  const name = [bracketName, ...nameParts].filter((part): part is string => part !== null && part !== '').join(', ');
  result.name = name === '' ? null : name;
  result.address = addressParts.length === 0 ? null : addressParts.join(', ');
  return result;
}

/**
 * Where a group meets, from its own block: the comma-separated parts that end in a state (and
 * ZIP), walking back until a part holds the schedule itself ("Memorial Hall Library, 2 North Main
 * Street, Andover, MA 01810"). Normalise turns the text into a venue with coordinates, as it does
 * for every other event's location text.
 */
import { stateAbbreviation } from '../../normalize/us-states';

const STATE_AT_END = /,\s*([A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\.?(?:\s+(\d{5})(?:-\d{4})?)?(?=\s*(?:$|[.;)\n]|,\s*(?:USA|United States)))/g;
const STATE_ZIP = /\s([A-Z]{2})\s+(\d{5})(?:-\d{4})?\b/g;
const NOT_A_PLACE = /\b(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?)|noon|(?:sun|mon|tues|wednes|thurs|fri|satur)days?|meets?|meetings?|every|each|month|week)\b/i;
const ONLINE = /\b(?:zoom|online|virtual(?:ly)?|microsoft teams|google meet|webex)\b/i;
const MAX_PARTS = 5;

function placeBefore(text: string, end: number): string | null {
  const parts = text.slice(0, end).split(',');
  const kept: string[] = [];
  for (let index = parts.length - 1; index >= 0 && kept.length < MAX_PARTS; index -= 1) {
    let part = parts[index] ?? '';
    // The part that holds the schedule may end with the place's name: "9-11 am at Memorial Hall".
    const at = /^(.*)\b(?:at|in|@|location:|where:|held at)\s+(?=[A-Z0-9])/i.exec(part);
    if (at?.[1] !== undefined && (NOT_A_PLACE.test(at[1]) || index < parts.length - 1)) {
      part = part.slice(at[0].length);
      kept.unshift(part.trim());
      break;
    }
    if (NOT_A_PLACE.test(part)) break;
    kept.unshift(part.trim());
  }
  const place = kept.filter((part) => part !== '').join(', ');
  return place === '' ? null : place;
}

/** The place a block names, as location text; "Online" for a group that meets on Zoom; else null. */
export function findPlace(text: string, address: string | null): string | null {
  if (address !== null && address.trim() !== '') return address.replace(/\s+/g, ' ').trim();
  const lines = text.split(/\n+/);
  for (const line of lines) {
    for (const pattern of [STATE_ZIP, STATE_AT_END]) {
      for (const match of line.matchAll(pattern)) {
        if (match[1] === undefined || stateAbbreviation(match[1]) === null) continue;
        const end = match.index + match[0].length;
        const head = placeBefore(line, match.index);
        if (head !== null) return `${head}, ${line.slice(match.index, end).replace(/^[\s,]+/, '').replace(/\.$/, '').trim()}`;
      }
    }
  }
  return ONLINE.test(text) ? 'Online' : null;
}

/**
 * Normalise: parser output (RawEvent) → Event, and one Event per real-world event across
 * sources. Rules in brief:
 * - id = sha256(source id, UID or normalised title + URL, start ISO), 32 hex; contentHash =
 *   sha256 of every field except id, sources and contentHash, keys sorted.
 * - Text is plain: HTML stripped (script/style dropped), entities decoded, whitespace collapsed,
 *   cut at a word. Links are http(s) only, tracking parameters removed.
 * - Venue from the structured venue or the free-text location; coordinates from GEO, the ZIP,
 *   the town, then the source's place. Online events without a physical place have no venue.
 * - Cost, audience (with a reason) and category from the event's words and its source.
 */
export { normalizeEvent, normalizeEvents, NormalizeError } from './normalize-event';
export { dedupEvents, DEDUP_START_TOLERANCE_MS } from './dedup';
export { titleSimilarity, titleKey, titleTokens, SAME_TITLE_THRESHOLD } from './title-similarity';
export { htmlToText, toSingleLine, truncateAtWord, decodeEntities } from './text';
export { cleanUrl } from './url';
export { parseLocation, type ParsedLocation } from './location';
export { classifyEvent, type Classification } from './audience';
export { tagFields, fieldsIn, type FieldInput } from './fields';
export { readCost } from './cost';
export { detectOnline, findMeetingLink, type OnlineSignals } from './online';
export { zipCentroid, cityCentroid, distanceKm, type Coordinates } from './geo';

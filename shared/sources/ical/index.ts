/**
 * The iCalendar source parser: `parseIcal(text, options)` turns a feed into the occurrences that
 * start in a window, with a problem for each part it could not read.
 */
export { parseIcal } from './parse-ical';

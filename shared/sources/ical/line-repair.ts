import { type ContentLine, joinContentLine, paramOf, splitContentLine } from './content-line';
import { checkRule, isRealDateText } from './rule-check';

/**
 * Checks the lines of a VEVENT that ical.js would reject or misread (date values, RRULE) and
 * repairs what has one plausible reading. ical.js silently truncates `VALUE=DATE:20110804T120000`
 * to a date and throws on `DTSTART:30110811` only when the value is read, so these are checked here.
 */

export interface RepairedLine {
  /** The line to hand to ical.js, or null to drop it. */
  text: string | null;
  name: string;
  /** The value as finally written (for duplicate checks). */
  value: string;
  notes: string[];
  /** Set when the whole event must be skipped (a DTSTART or RECURRENCE-ID that names no real date). */
  rejectEvent?: string;
}

const SINGLE_DATE_PROPS = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'DTSTAMP', 'CREATED', 'LAST-MODIFIED']);
/** Bookkeeping stamps: repaired quietly, since no output depends on how they were read. */
const QUIET = new Set(['DTSTAMP', 'CREATED', 'LAST-MODIFIED']);
const LIST_DATE_PROPS = new Set(['EXDATE', 'RDATE']);
const NEEDS_CHECK = new Set([...SINGLE_DATE_PROPS, ...LIST_DATE_PROPS, 'RRULE', 'UID']);
const DATE = /^\d{8}$/;
const DATE_TIME = /^\d{8}T\d{6}Z?$/;
const DATE_WITH_Z = /^\d{8}Z$/;

/** Reads one unfolded line of a VEVENT (or a component inside it) and repairs it if needed. */
export function repairLine(raw: string): RepairedLine {
  const name = quickName(raw);
  if (name !== null && !NEEDS_CHECK.has(name)) {
    // Most lines (SUMMARY, DESCRIPTION, ...) need no repair; ical.js reads them, and a line it
    // cannot read costs only that line (see parseBlock).
    return { text: raw, name, value: '', notes: [] };
  }
  const line = splitContentLine(raw);
  if (!line) return { text: null, name: '', value: '', notes: [`dropped a line that is not a property: "${clip(raw)}"`] };
  const notes = [...line.repairs];
  let changed = notes.length > 0;
  if (SINGLE_DATE_PROPS.has(line.name)) {
    const value = line.value.trim();
    if ((DATE.test(value) || DATE_TIME.test(value) || DATE_WITH_Z.test(value)) && !isRealDateText(value)) {
      const message = `${line.name} ${value} is not a real date`;
      if (line.name === 'DTSTART' || line.name === 'RECURRENCE-ID') return { text: null, name: line.name, value, notes, rejectEvent: message };
      if (!QUIET.has(line.name)) notes.push(`${message}; the line is dropped`);
      return { text: null, name: line.name, value, notes };
    }
    const result = repairSingleDate(line, QUIET.has(line.name) ? [] : notes);
    if (result === null) return { text: null, name: line.name, value: line.value, notes };
    changed ||= result;
  } else if (LIST_DATE_PROPS.has(line.name)) {
    const result = repairDateList(line, notes);
    if (result === null) return { text: null, name: line.name, value: line.value, notes };
    changed ||= result;
  } else if (line.name === 'RRULE') {
    const result = repairRecur(line, notes);
    if (result === null) return { text: null, name: line.name, value: line.value, notes };
    changed ||= result;
  }
  return { text: changed ? joinContentLine(line) : raw, name: line.name, value: line.value, notes };
}

function setValueType(line: ContentLine, type: 'DATE' | null): void {
  line.params = line.params.filter((param) => param.name !== 'VALUE');
  if (type) line.params.push({ name: 'VALUE', value: type });
}

function declaredDate(line: ContentLine): boolean {
  return (paramOf(line, 'VALUE') ?? '').toUpperCase() === 'DATE';
}

/** Returns whether the line changed, or null when it must be dropped. */
function repairSingleDate(line: ContentLine, notes: string[]): boolean | null {
  const value = line.value.trim();
  const changed = value !== line.value;
  line.value = value;
  if (DATE_TIME.test(value)) {
    if (!declaredDate(line)) return changed;
    setValueType(line, null);
    notes.push(`${line.name} says VALUE=DATE but holds the date-time ${value}; read as a date-time`);
    return true;
  }
  if (DATE.test(value) || DATE_WITH_Z.test(value)) {
    if (DATE.test(value) && declaredDate(line)) return changed;
    line.value = value.slice(0, 8);
    setValueType(line, 'DATE');
    notes.push(`${line.name} value ${value} is a date without VALUE=DATE; read as a date`);
    return true;
  }
  notes.push(`dropped ${line.name} with the unreadable value "${clip(value)}"`);
  return null;
}

function repairDateList(line: ContentLine, notes: string[]): boolean | null {
  const items = line.value.split(',').map((item) => item.trim()).filter((item) => item !== '').filter((item) => {
    if (!/^\d{8}/.test(item) || item.split('/').every((end) => !/^\d{8}(T\d{6}Z?)?$/.test(end) || isRealDateText(end))) return true;
    notes.push(`${line.name}: ${clip(item)} is not a real date; that value is dropped`);
    return false;
  });
  if (items.length === 0) {
    notes.push(`dropped ${line.name} with an empty value`);
    return null;
  }
  const isPeriod = (item: string) => {
    const [start, end] = item.split('/');
    return start !== undefined && end !== undefined && DATE_TIME.test(start) && end !== '';
  };
  const firstKind = items.map((item) => kindOf(item, isPeriod)).find((kind) => kind !== null) ?? null;
  if (firstKind === null) {
    notes.push(`dropped ${line.name} with the unreadable value "${clip(line.value)}"`);
    return null;
  }
  const kept = items.filter((item) => kindOf(item, isPeriod) === firstKind).map((item) => item.slice(0, firstKind === 'DATE' ? 8 : undefined));
  if (items.some((item) => DATE_WITH_Z.test(item))) notes.push(`${line.name}: a date written with a trailing "Z" was read as a date`);
  if (kept.length < items.length) notes.push(`${line.name}: ignored ${items.length - kept.length} value(s) that do not match the others`);
  const wasDate = declaredDate(line);
  const value = kept.join(',');
  const changed = value !== line.value || wasDate !== (firstKind === 'DATE');
  line.value = value;
  if (firstKind === 'PERIOD') {
    line.params = line.params.filter((param) => param.name !== 'VALUE');
    line.params.push({ name: 'VALUE', value: 'PERIOD' });
  } else if (changed) {
    if (wasDate && firstKind === 'DATE-TIME') notes.push(`${line.name} says VALUE=DATE but holds date-times; read as date-times`);
    setValueType(line, firstKind === 'DATE' ? 'DATE' : null);
  }
  return changed;
}

function kindOf(item: string, isPeriod: (item: string) => boolean): 'DATE' | 'DATE-TIME' | 'PERIOD' | null {
  if (DATE_TIME.test(item)) return 'DATE-TIME';
  if (DATE.test(item) || DATE_WITH_Z.test(item)) return 'DATE';
  if (isPeriod(item)) return 'PERIOD';
  return null;
}

function repairRecur(line: ContentLine, notes: string[]): boolean | null {
  let value = line.value.trim();
  while (/^RRULE:/i.test(value)) {
    value = value.slice(6);
    notes.push('RRULE value repeats "RRULE:"; read without it');
  }
  const checked = checkRule(value);
  notes.push(...checked.notes);
  if (checked.refusal !== null) {
    notes.push(`RRULE "${clip(line.value)}" cannot be honoured (${checked.refusal}); only DTSTART is used`);
    return null;
  }
  const joined = checked.parts.join(';');
  const changed = joined !== line.value;
  line.value = joined;
  return changed;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The upper-cased name of a plain `NAME:` / `NAME;` line whose parameters have no quotes, else null. */
function quickName(raw: string): string | null {
  const colon = raw.indexOf(':');
  if (colon <= 0) return null;
  const semi = raw.indexOf(';');
  const end = semi >= 0 && semi < colon ? semi : colon;
  if (raw.lastIndexOf('"', colon) >= 0) return null;
  const name = raw.slice(0, end);
  return /^[A-Za-z0-9-]+$/.test(name) ? name.toUpperCase() : null;
}

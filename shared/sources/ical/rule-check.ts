/**
 * Decides whether Netmix can honour an RRULE as written (RFC 5545 §3.3.10). A rule it cannot
 * honour is reported and left out (the event keeps its DTSTART), never read as some other rule:
 * ical.js drops unknown parts and yields nothing at all for `COUNT=-1`, both silently.
 */

const FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const RECUR_KEYS = new Set([
  'FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY',
  'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST',
]);
const POSITIVE = /^[1-9]\d{0,8}$/;

export interface CheckedRule {
  /** The parts to keep, upper-cased, `KEY=VALUE`. */
  parts: string[];
  /** Why the rule cannot be honoured, or null when it can. */
  refusal: string | null;
  /** Things noted but harmless (an X- extension part that is ignored). */
  notes: string[];
}

/** Checks the `;`-separated parts of an RRULE value. */
export function checkRule(value: string): CheckedRule {
  const parts: string[] = [];
  const notes: string[] = [];
  const seen = new Map<string, string>();
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    const key = (equals < 0 ? part : part.slice(0, equals)).trim().toUpperCase();
    const partValue = equals < 0 ? '' : part.slice(equals + 1).trim().toUpperCase();
    if (equals < 0) {
      // A bare word is damage, not a rule part (Google once wrote `RRULE:RRULE:AnythingRandom;FREQ=…`):
      // the parts around it still say what the rule is.
      notes.push(`RRULE: ignored "${clip(part)}", which is not a rule part`);
      continue;
    }
    if (key.startsWith('X-')) {
      // RFC 2445 allowed x-name parts as private extensions, which a reader may ignore.
      notes.push(`RRULE: ignored the extension part "${clip(part)}"`);
      continue;
    }
    if (!RECUR_KEYS.has(key)) return refuse(parts, notes, `unknown rule part "${clip(part)}"`);
    if (partValue === '') return refuse(parts, notes, `${key} has no value`);
    if (seen.has(key)) return refuse(parts, notes, `${key} is given twice`);
    seen.set(key, partValue);
    parts.push(`${key}=${partValue}`);
  }
  const freq = seen.get('FREQ');
  if (freq === undefined) return refuse(parts, notes, 'it has no FREQ');
  if (!FREQS.has(freq)) return refuse(parts, notes, `FREQ=${clip(freq)} is not a frequency`);
  const count = seen.get('COUNT');
  if (count !== undefined && !POSITIVE.test(count)) return refuse(parts, notes, `COUNT=${clip(count)} is not a positive whole number`);
  const interval = seen.get('INTERVAL');
  if (interval !== undefined && !POSITIVE.test(interval)) return refuse(parts, notes, `INTERVAL=${clip(interval)} is not a positive whole number`);
  const badValue = badByValue(seen);
  if (badValue !== null) return refuse(parts, notes, badValue);
  const combination = badCombination(freq, seen);
  if (combination !== null) return refuse(parts, notes, combination);
  const until = seen.get('UNTIL');
  if (until !== undefined && !(/^\d{8}(T\d{6}Z?)?$/.test(until) && isRealDateText(until))) return refuse(parts, notes, `UNTIL=${clip(until)} is not a real date`);
  if (count !== undefined && until !== undefined) return refuse(parts, notes, 'it has both COUNT and UNTIL');
  return { parts, refusal: null, notes };
}

/**
 * Whether a DATE or DATE-TIME value (`20240230`, `20240230T100000Z`) names a real moment. ical.js
 * rolls Feb 30 over into March without a word, so this is checked on the text.
 */
export function isRealDateText(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  if (value.length < 15) return true;
  return Number(value.slice(9, 11)) < 24 && Number(value.slice(11, 13)) < 60 && Number(value.slice(13, 15)) <= 60;
}

/** The range of each numeric BY* list (RFC 5545 §3.3.10); `signed` lists allow −max…−1 too, never 0. */
const BY_RANGES: Readonly<Record<string, { min: number; max: number; signed: boolean }>> = {
  BYSECOND: { min: 0, max: 60, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};
const WEEKDAYS = new Set(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']);

/**
 * A BY* value outside its grammar or range (`BYMINUTE=3Z`, `BYHOUR=99`, `BYDAY=XX`). ical.js reads
 * such a value as a number no instance can match and then searches forever inside one step of its
 * iterator, where no budget can count (found by the parse-budget fuzz test), so they are refused.
 */
function badByValue(seen: Map<string, string>): string | null {
  for (const [key, value] of seen) {
    const range = BY_RANGES[key];
    const items = value.split(',');
    if (range !== undefined) {
      for (const item of items) {
        const match = /^([+-]?)(\d{1,3})$/.exec(item);
        const number = match === null ? Number.NaN : Number(match[2]);
        const negative = match?.[1] === '-';
        const ok = match !== null && number >= range.min && number <= range.max && (!negative || (range.signed && number >= 1)) && (match[1] !== '+' || range.signed);
        if (!ok) return `${key}=${clip(value)} holds "${clip(item)}", outside ${range.signed ? `±${String(range.min)}…${String(range.max)}` : `${String(range.min)}…${String(range.max)}`}`;
      }
    } else if (key === 'BYDAY') {
      for (const item of items) {
        const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
        const ordinal = match?.[1] === undefined ? null : Math.abs(Number(match[1]));
        if (match === null || !WEEKDAYS.has(match[2] ?? '') || (ordinal !== null && (ordinal < 1 || ordinal > 53))) return `BYDAY=${clip(value)} holds "${clip(item)}", which is not a weekday`;
      }
    } else if (key === 'WKST' && !WEEKDAYS.has(value)) return `WKST=${clip(value)} is not a weekday`;
  }
  return null;
}

/**
 * The BY* combinations RFC 5545 §3.3.10 forbids. ical.js's iterator can search forever for an
 * instance of such a rule (`FREQ=DAILY;BYDAY=1TU` never yields and never ends), so they are refused.
 */
function badCombination(freq: string, seen: Map<string, string>): string | null {
  const byDay = seen.get('BYDAY');
  if (byDay !== undefined && /\d/.test(byDay) && (!['MONTHLY', 'YEARLY'].includes(freq) || (freq === 'YEARLY' && seen.has('BYWEEKNO')))) {
    return `BYDAY=${clip(byDay)} has a position, which only FREQ=MONTHLY or YEARLY without BYWEEKNO allows`;
  }
  if (seen.has('BYWEEKNO') && freq !== 'YEARLY') return 'BYWEEKNO is only allowed with FREQ=YEARLY';
  if (seen.has('BYYEARDAY') && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(freq)) return `BYYEARDAY is not allowed with FREQ=${freq}`;
  if (seen.has('BYMONTHDAY') && freq === 'WEEKLY') return 'BYMONTHDAY is not allowed with FREQ=WEEKLY';
  const never = neverOccurs(seen);
  if (never !== null) return never;
  if (seen.has('BYSETPOS') && ![...seen.keys()].some((key) => key.startsWith('BY') && key !== 'BYSETPOS')) return 'BYSETPOS needs another BY part';
  return null;
}

/** Longest each month can be (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A rule whose BYMONTHDAY falls in none of its BYMONTH months (`BYMONTH=2;BYMONTHDAY=31`) has no
 * instance at all, and ical.js searches for one forever (found by the parse-budget fuzz test).
 */
function neverOccurs(seen: Map<string, string>): string | null {
  const months = seen.get('BYMONTH');
  const days = seen.get('BYMONTHDAY');
  if (months === undefined || days === undefined) return null;
  const monthDays = days.split(',').map((day) => Math.abs(Number(day)));
  const impossible = months.split(',').every((month) => monthDays.every((day) => day > (MONTH_DAYS[Number(month) - 1] ?? 31)));
  return impossible ? `BYMONTHDAY=${clip(days)} falls in none of BYMONTH=${clip(months)}: the rule has no instance` : null;
}

function refuse(parts: string[], notes: string[], refusal: string): CheckedRule {
  return { parts, refusal, notes };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

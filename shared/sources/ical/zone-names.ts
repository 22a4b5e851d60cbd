import { IANA_ALIAS_MAP, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { isIanaTimeZone } from '../../model/common';

/**
 * Maps the names feeds put in TZID to IANA zones: IANA names and their legacy aliases
 * (`US/Eastern`), Windows zone ids (`Eastern Standard Time`, CLDR windowsZones through
 * windows-iana) and Outlook's display labels (`(UTC-05:00) Eastern Time (US & Canada)`). Labels
 * are read by their text, never by the offset in brackets: Sydney is +11 in October, not +10.
 */

const AREA = /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z0-9_+\-/]+$/;
const UTC_NAMES = new Set(['utc', 'gmt', 'z', 'zulu', 'etc/utc', 'etc/gmt', 'etc/uct', 'etc/zulu', 'universal', 'uct', 'etc/universal']);

/** Outlook display labels (text after the bracketed offset) → Windows zone id. */
const LABELS: Record<string, string> = {
  'eastern time (us & canada)': 'Eastern Standard Time',
  'central time (us & canada)': 'Central Standard Time',
  'mountain time (us & canada)': 'Mountain Standard Time',
  'pacific time (us & canada)': 'Pacific Standard Time',
  'pacific time (us & canada); tijuana': 'Pacific Standard Time',
  'pacific time (us & canada), tijuana': 'Pacific Standard Time',
  arizona: 'US Mountain Standard Time',
  alaska: 'Alaskan Standard Time',
  hawaii: 'Hawaiian Standard Time',
  'atlantic time (canada)': 'Atlantic Standard Time',
  newfoundland: 'Newfoundland Standard Time',
  'indiana (east)': 'US Eastern Standard Time',
  saskatchewan: 'Canada Central Standard Time',
  'guadalajara, mexico city, monterrey': 'Central Standard Time (Mexico)',
  'coordinated universal time': 'UTC',
  'dublin, edinburgh, lisbon, london': 'GMT Standard Time',
  'greenwich mean time : dublin, edinburgh, lisbon, london': 'GMT Standard Time',
  'monrovia, reykjavik': 'Greenwich Standard Time',
  'amsterdam, berlin, bern, rome, stockholm, vienna': 'W. Europe Standard Time',
  'brussels, copenhagen, madrid, paris': 'Romance Standard Time',
  'belgrade, bratislava, budapest, ljubljana, prague': 'Central Europe Standard Time',
  'sarajevo, skopje, warsaw, zagreb': 'Central European Standard Time',
  'athens, bucharest': 'GTB Standard Time',
  'athens, bucharest, istanbul': 'GTB Standard Time',
  'helsinki, kyiv, riga, sofia, tallinn, vilnius': 'FLE Standard Time',
  'helsinki, kiev, riga, sofia, tallinn, vilnius': 'FLE Standard Time',
  jerusalem: 'Israel Standard Time',
  cairo: 'Egypt Standard Time',
  istanbul: 'Turkey Standard Time',
  'moscow, st. petersburg': 'Russian Standard Time',
  'moscow, st. petersburg, volgograd': 'Russian Standard Time',
  'abu dhabi, muscat': 'Arabian Standard Time',
  'chennai, kolkata, mumbai, new delhi': 'India Standard Time',
  'bangkok, hanoi, jakarta': 'SE Asia Standard Time',
  'beijing, chongqing, hong kong, urumqi': 'China Standard Time',
  'kuala lumpur, singapore': 'Singapore Standard Time',
  'osaka, sapporo, tokyo': 'Tokyo Standard Time',
  seoul: 'Korea Standard Time',
  taipei: 'Taipei Standard Time',
  'canberra, melbourne, sydney': 'AUS Eastern Standard Time',
  brisbane: 'E. Australia Standard Time',
  adelaide: 'Cen. Australia Standard Time',
  darwin: 'AUS Central Standard Time',
  perth: 'W. Australia Standard Time',
  hobart: 'Tasmania Standard Time',
  'auckland, wellington': 'New Zealand Standard Time',
  brasilia: 'E. South America Standard Time',
  'buenos aires': 'Argentina Standard Time',
  'city of buenos aires': 'Argentina Standard Time',
  'bogota, lima, quito': 'SA Pacific Standard Time',
  'bogota, lima, quito, rio branco': 'SA Pacific Standard Time',
  santiago: 'Pacific SA Standard Time',
  caracas: 'Venezuela Standard Time',
  'harare, pretoria': 'South Africa Standard Time',
  nairobi: 'E. Africa Standard Time',
  'west central africa': 'W. Central Africa Standard Time',
  casablanca: 'Morocco Standard Time',
  tehran: 'Iran Standard Time',
  kabul: 'Afghanistan Standard Time',
  'islamabad, karachi': 'Pakistan Standard Time',
  kathmandu: 'Nepal Standard Time',
  dhaka: 'Bangladesh Standard Time',
  'yangon (rangoon)': 'Myanmar Standard Time',
};

let windowsIds: Map<string, string> | undefined;
let aliases: Map<string, string> | undefined;
let cities: Map<string, string> | undefined;

function windowsMap(): Map<string, string> {
  windowsIds ??= new Map(
    WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001').map((entry) => [entry.windowsName.toLowerCase(), entry.iana[0]]),
  );
  return windowsIds;
}

/** Every CLDR alias (lower case) → the first Area/City name of its group. */
function aliasMap(): Map<string, string> {
  if (aliases) return aliases;
  aliases = new Map();
  for (const entry of IANA_ALIAS_MAP) {
    const names: readonly string[] = entry.alias;
    // Checked against the runtime only when used: testing ~600 groups up front costs ~100 ms.
    const preferred = names.find((name) => AREA.test(name)) ?? names[0];
    if (preferred) for (const name of names) aliases.set(name.toLowerCase(), preferred);
  }
  return aliases;
}

/** City part of every zone the runtime knows ("new york" → America/New_York). */
function cityMap(): Map<string, string> {
  if (cities) return cities;
  cities = new Map();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const city = zone.split('/').pop();
    if (city && AREA.test(zone)) cities.set(fold(city.replaceAll('_', ' ')), zone);
  }
  return cities;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `name` as an IANA zone, canonical Area/City form where one exists, or null. */
export function canonicalIana(name: string): string | null {
  const trimmed = name.trim();
  if (UTC_NAMES.has(trimmed.toLowerCase())) return 'UTC';
  if (AREA.test(trimmed) && isIanaTimeZone(trimmed)) return trimmed;
  const alias = aliasMap().get(trimmed.toLowerCase());
  if (alias && isIanaTimeZone(alias)) return alias;
  // A globally unique TZID (`/mozilla.org/20050126_1/America/New_York`) ends in an IANA name.
  const suffix = /(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)?$/.exec(trimmed);
  if (suffix && isIanaTimeZone(suffix[0])) return suffix[0];
  return null;
}

/** The IANA zone for a Windows zone id or Outlook display label, or null. */
export function ianaForWindowsName(name: string): string | null {
  const folded = fold(name);
  const direct = windowsMap().get(folded);
  if (direct) return canonicalIana(direct);
  const label = /^\((?:utc|gmt)\s*(?:[+\-\u2212]\s*\d{1,2}(?::?\d{2})?)?\)\s*(.*)$/.exec(folded);
  // Outlook writes "(US & Canada)" and, in some versions and exports, "(US and Canada)".
  const text = (label ? (label[1] ?? '') : folded).replace(/\(us and canada\)/g, '(us & canada)');
  const windowsId = LABELS[text] ?? windowsMap().get(text);
  if (windowsId) {
    const iana = windowsMap().get(windowsId.toLowerCase()) ?? windowsId;
    return canonicalIana(iana);
  }
  if (!label) return null;
  for (const token of text.split(/,|;|&|\band\b/)) {
    const zone = cityMap().get(token.trim());
    if (zone) return zone;
  }
  return null;
}

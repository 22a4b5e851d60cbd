/** US state (and DC, territory) names → USPS abbreviation, upper-case keys. */
const STATE_NAMES: Readonly<Record<string, string>> = {
  ALABAMA: 'AL', ALASKA: 'AK', ARIZONA: 'AZ', ARKANSAS: 'AR', CALIFORNIA: 'CA', COLORADO: 'CO',
  CONNECTICUT: 'CT', DELAWARE: 'DE', 'DISTRICT OF COLUMBIA': 'DC', FLORIDA: 'FL', GEORGIA: 'GA',
  HAWAII: 'HI', IDAHO: 'ID', ILLINOIS: 'IL', INDIANA: 'IN', IOWA: 'IA', KANSAS: 'KS', KENTUCKY: 'KY',
  LOUISIANA: 'LA', MAINE: 'ME', MARYLAND: 'MD', MASSACHUSETTS: 'MA', MICHIGAN: 'MI', MINNESOTA: 'MN',
  MISSISSIPPI: 'MS', MISSOURI: 'MO', MONTANA: 'MT', NEBRASKA: 'NE', NEVADA: 'NV',
  'NEW HAMPSHIRE': 'NH', 'NEW JERSEY': 'NJ', 'NEW MEXICO': 'NM', 'NEW YORK': 'NY',
  'NORTH CAROLINA': 'NC', 'NORTH DAKOTA': 'ND', OHIO: 'OH', OKLAHOMA: 'OK', OREGON: 'OR',
  PENNSYLVANIA: 'PA', 'RHODE ISLAND': 'RI', 'SOUTH CAROLINA': 'SC', 'SOUTH DAKOTA': 'SD',
  TENNESSEE: 'TN', TEXAS: 'TX', UTAH: 'UT', VERMONT: 'VT', VIRGINIA: 'VA', WASHINGTON: 'WA',
  'WEST VIRGINIA': 'WV', WISCONSIN: 'WI', WYOMING: 'WY', 'PUERTO RICO': 'PR', GUAM: 'GU',
  'U.S. VIRGIN ISLANDS': 'VI', 'VIRGIN ISLANDS': 'VI', MASS: 'MA', 'WASHINGTON DC': 'DC', 'WASHINGTON D.C.': 'DC',
};

const ABBREVIATIONS: ReadonlySet<string> = new Set(Object.values(STATE_NAMES));

/** Names longest first, so "West Virginia" is tried before "Virginia". */
const NAMES_LONGEST_FIRST = Object.keys(STATE_NAMES).sort((a, b) => b.length - a.length);

/** The USPS abbreviation for a state written as `MA`, `Mass.` or `Massachusetts`; else null. */
export function stateAbbreviation(text: string): string | null {
  const upper = text.trim().replace(/\.$/, '').toUpperCase();
  if (upper.length === 2) return ABBREVIATIONS.has(upper) ? upper : null;
  return STATE_NAMES[upper] ?? null;
}

/**
 * Splits a trailing state off `text` ("Waltham MA" → city "Waltham", state "MA"); null when
 * `text` does not end in a state.
 */
export function splitTrailingState(text: string): { before: string; state: string } | null {
  const base = text.trim().replace(/\.$/, '');
  const upper = base.toUpperCase();
  // Abbreviations must be written in capitals: "Studio 54 Co" is not in Colorado.
  const abbreviation = /(?:^|[\s,])([A-Z]{2})$/.exec(base);
  if (abbreviation?.[1] !== undefined && ABBREVIATIONS.has(abbreviation[1])) {
    return { before: base.slice(0, -2).trim(), state: abbreviation[1] };
  }
  for (const name of NAMES_LONGEST_FIRST) {
    if (upper === name || upper.endsWith(` ${name}`)) {
      const state = STATE_NAMES[name];
      if (state !== undefined) return { before: base.slice(0, base.length - name.length).trim(), state };
    }
  }
  return null;
}

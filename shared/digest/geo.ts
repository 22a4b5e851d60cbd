/** Great-circle distance on a sphere through unit vectors, precomputed once per point. */

/** Mean Earth radius in statute miles. */
export const EARTH_RADIUS_MILES = 3958.7613;

export type UnitVector = readonly [number, number, number];

/** The point on the unit sphere for a latitude/longitude in degrees. */
export function unitVector(lat: number, lon: number): UnitVector {
  const phi = (lat * Math.PI) / 180;
  const lambda = (lon * Math.PI) / 180;
  const cosPhi = Math.cos(phi);
  return [cosPhi * Math.cos(lambda), cosPhi * Math.sin(lambda), Math.sin(phi)];
}

/**
 * Squared chord length between two unit vectors. The chord (not the dot product) keeps full
 * precision for nearby points, where `acos(dot)` loses about half the digits.
 */
export function chordSquared(a: UnitVector, b: UnitVector): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  const dz = a[2] - b[2];
  return dx * dx + dy * dy + dz * dz;
}

/** Great-circle miles for a squared chord. */
export function milesFromChordSquared(chord2: number): number {
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/** The squared chord of a great-circle distance in miles (the cut-off a radius check compares with). */
export function chordSquaredForMiles(miles: number): number {
  const chord = 2 * Math.sin(Math.min(Math.PI, miles / EARTH_RADIUS_MILES) / 2);
  return chord * chord;
}

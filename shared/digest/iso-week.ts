/** ISO 8601 week of a calendar date: the key a delivery is claimed under (`2026-W49`). */
export function isoWeekOf(date: string): { year: number; week: number; key: string } {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  // The ISO year is the one that holds this week's Thursday.
  const weekday = utc.getUTCDay() || 7;
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const isoYear = utc.getUTCFullYear();
  const week = Math.floor((utc.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 / 7) + 1;
  return { year: isoYear, week, key: `${isoYear}-W${String(week).padStart(2, '0')}` };
}

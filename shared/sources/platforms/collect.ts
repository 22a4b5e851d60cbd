import type { z } from 'zod';
import { DEFAULT_PARSE_BUDGET, type ParseOptions, type ParseProblem, type RawEvent } from '../../model/raw-event';

/** What a reader makes of one item: occurrences, or a problem saying why it has none. */
export type ItemOutcome = { events: RawEvent[] } | { problem: string };

/** The first zod issue of a failed item, in a few words (`start: expected string`). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'does not match the documented shape';
  const path = issue.path.map(String).join('.');
  return `does not match the documented shape (${path === '' ? '' : `${path}: `}${issue.message})`;
}

/**
 * Runs `read` over `items`, keeps the occurrences that start in the window, and turns every item
 * that cannot be read into a problem naming it (`events[3]`), so one bad item costs only itself.
 * Stops at the budget's occurrence cap.
 */
export function collectItems<T>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  label: string,
  options: ParseOptions,
  read: (item: T) => ItemOutcome,
): { events: RawEvent[]; problems: ParseProblem[] } {
  const events: RawEvent[] = [];
  const problems: ParseProblem[] = [];
  const from = options.from.getTime();
  const to = options.to.getTime();
  const cap = (options.budget ?? DEFAULT_PARSE_BUDGET).maxOccurrences;
  items.forEach((item, index) => {
    if (events.length >= cap) return;
    const where = `${label}[${index}]`;
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      problems.push({ message: `item ${describeIssue(parsed.error)}`, where });
      return;
    }
    const outcome = read(parsed.data);
    if ('problem' in outcome) {
      problems.push({ message: outcome.problem, where });
      return;
    }
    for (const event of outcome.events) {
      const start = event.start.getTime();
      if (start >= from && start <= to && events.length < cap) events.push(event);
    }
  });
  if (events.length >= cap) problems.push({ message: `stopped at ${cap} occurrences (the document's budget)` });
  return { events, problems };
}

/** `value` when it is a non-empty trimmed string, else null. */
export function textOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A coordinate pair from numbers or numeric strings; null unless both are finite and in range. */
export function geoOf(lat: unknown, lon: unknown): { lat: number; lon: number } | null {
  const toNumber = (value: unknown): number => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN);
  const latitude = toNumber(lat);
  const longitude = toNumber(lon);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // 0,0 is the Gulf of Guinea: a platform's "no coordinates", never a networking venue.
  if (latitude === 0 && longitude === 0) return null;
  return { lat: latitude, lon: longitude };
}

/** `href` made absolute against `base`; null when it cannot be, or is not http(s). */
export function absoluteUrl(href: string | null | undefined, base: string | undefined): string | null {
  const text = textOrNull(href);
  if (text === null) return null;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The price a cost line states: 0 for "Free", the lowest dollar amount ("$10 members, $15 guests"),
 * else null (normalise still reads the words).
 */
export function priceOfText(text: string | null): number | null {
  if (text === null) return null;
  if (/^\s*free\b/i.test(text)) return 0;
  const amounts = [...text.matchAll(/\$\s*(\d+(?:\.\d{1,2})?)/g)].map((match) => Number(match[1]));
  return amounts.length > 0 ? Math.min(...amounts) : null;
}

/**
 * Hostile HTML pages (issue 8 §4) for the tests and `npm run bench`: deep nesting that made the
 * old per-scope extraction superlinear, and flat pages of the same size as a baseline.
 */

const EVENT_SCOPE = '<div itemscope itemtype="https://schema.org/Event" itemprop="subEvent">';

/** The first level's start, 2026-11-05T23:00Z; level i starts i minutes later. */
export const NESTED_BASE_START = Date.UTC(2026, 10, 5, 23, 0);

const page = (body: string): string => `<!doctype html><html><head><title>Hostile</title></head><body>${body}</body></html>`;

/**
 * The shape: `levels` nested Event scopes (77 bytes a level), only the innermost named and
 * dated. A correct reader finds that one event and a nameless one per outer level.
 */
export function nestedBareItems(levels: number): string {
  const inner = '<span itemprop="name">Innermost</span><meta itemprop="startDate" content="2026-11-05T18:00">';
  return page(`${EVENT_SCOPE.repeat(levels)}${inner}${'</div>'.repeat(levels)}`);
}

/** `levels` nested Event scopes, each with its own name (`Level i`) and start (i minutes after the base). */
export function nestedNamedItems(levels: number): string {
  const parts: string[] = [];
  for (let level = 0; level < levels; level += 1) {
    const start = new Date(NESTED_BASE_START + level * 60_000).toISOString();
    parts.push(`${EVENT_SCOPE}<meta itemprop="name" content="Level ${level}"><meta itemprop="startDate" content="${start}">`);
  }
  return page(`${parts.join('')}${'</div>'.repeat(levels)}`);
}

/** `levels` nested h-events, each with its own `p-name` and `dt-start` (same starts as above). */
export function nestedHEvents(levels: number): string {
  const parts: string[] = [];
  for (let level = 0; level < levels; level += 1) {
    const start = new Date(NESTED_BASE_START + level * 60_000).toISOString();
    parts.push(`<div class="h-event"><span class="p-name">Level ${level}</span><time class="dt-start" datetime="${start}"></time>`);
  }
  return page(`${parts.join('')}${'</div>'.repeat(levels)}`);
}

/**
 * `depth` nested `<div>`s (11 bytes a level) with one microdata event and one h-event at the
 * bottom: "Deep microdata" on 2026-11-05T18:00 local, "Deep h-event" on 2026-11-06 at 7pm local.
 */
export function nestedDivs(depth: number): string {
  const inner =
    '<div itemscope itemtype="https://schema.org/Event"><span itemprop="name">Deep microdata</span>' +
    '<meta itemprop="startDate" content="2026-11-05T18:00"></div>' +
    '<div class="h-event"><span class="p-name">Deep h-event</span><span class="dt-start">' +
    '<span class="value">2026-11-06</span> <span class="value">7pm</span></span></div>';
  return page(`${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`);
}

/** A flat page about `bytes` long: sibling `<div>`s with a little text, the baseline. */
export function flatPage(bytes: number): string {
  const unit = '<div>Some text here.</div>\n';
  return page(unit.repeat(Math.max(1, Math.round(bytes / unit.length))));
}

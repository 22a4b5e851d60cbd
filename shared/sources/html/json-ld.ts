import type { ParseProblem } from '../../model/raw-event';
import type { Candidate } from './candidate';
import { parseLenientJson } from './lenient-json';
import type { SchemaNode } from './schema-values';
import { isEventNode, isSchemaNode } from './schema-values';
import { schemaEventToCandidate } from './schema-event';

const MAX_DEPTH = 12;
const MAX_NODES = 20_000;

/**
 * Finds Event nodes anywhere in a JSON-LD value: a single object, a top-level array, `@graph`,
 * an ItemList (`itemListElement` → `item` or the element itself) or an Event nested in a page node.
 * An Event's own children are not searched (a performer or sub-event is not a second listing).
 */
function collectEventNodes(root: unknown): SchemaNode[] {
  const found: SchemaNode[] = [];
  let visited = 0;
  const visit = (value: unknown, depth: number): void => {
    visited += 1;
    if (depth > MAX_DEPTH || visited > MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isSchemaNode(value)) return;
    if (isEventNode(value)) {
      found.push(value);
      return;
    }
    for (const child of Object.values(value)) {
      if (typeof child === 'object' && child !== null) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

/** Events from the bodies of a page's `<script type="application/ld+json">` blocks; a block that cannot be read is a problem. */
export function extractJsonLd(
  blocks: readonly string[],
  baseUrl: string | undefined,
): { candidates: Candidate[]; problems: ParseProblem[] } {
  const candidates: Candidate[] = [];
  const problems: ParseProblem[] = [];
  blocks.forEach((block, index) => {
    const where = `JSON-LD block ${index + 1}`;
    const outcome = parseLenientJson(block);
    if (!outcome.ok) {
      problems.push({ message: `JSON-LD is not valid JSON (${outcome.reason.slice(0, 120)})`, where });
      return;
    }
    const nodes = collectEventNodes(outcome.value);
    nodes.forEach((node, position) => {
      const label = nodes.length > 1 ? `${where} item ${position + 1}` : where;
      candidates.push(schemaEventToCandidate(node, label, baseUrl));
    });
  });
  return { candidates, problems };
}

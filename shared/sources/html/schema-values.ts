/**
 * Small readers over schema.org data, whether it came from JSON-LD (`unknown` from JSON.parse) or
 * from microdata (every property a list of strings and nested items).
 */

export type SchemaNode = Record<string, unknown>;

export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A property by its schema.org name, or failing that by the same name in another case: some
 * WordPress themes write `"Location"` and `"Organizer"`.
 */
export function property(node: SchemaNode, name: string): unknown {
  if (name in node) return node[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(node)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** A property's values as a list: a single value, an array, or nothing. */
export function valuesOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A scalar as a string (`{"@value": …}` included); null for objects, arrays and blanks. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isSchemaNode(value)) return scalarText(value['@value']);
  return null;
}

/** The first non-blank scalar among a property's values. */
export function firstText(value: unknown): string | null {
  for (const item of valuesOf(value)) {
    const text = scalarText(item);
    if (text !== null) return text;
  }
  return null;
}

/** The first nested node among a property's values. */
export function firstNode(value: unknown): SchemaNode | null {
  for (const item of valuesOf(value)) if (isSchemaNode(item)) return item;
  return null;
}

/** `@type` names without their vocabulary prefix (`http://schema.org/MusicEvent` → `MusicEvent`). */
export function typeNames(node: SchemaNode): string[] {
  return valuesOf(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.trim().replace(/\/+$/, '').split(/[/#:]/).pop() ?? '')
    .filter((type) => type !== '');
}

// schema.org Event subtypes whose names do not end in "Event".
const EVENT_TYPES_WITHOUT_SUFFIX = new Set(['Festival', 'Hackathon', 'CourseInstance']);

/** True for schema.org Event and its subtypes (`BusinessEvent`, `MusicEvent`, `Festival`…). */
export function isEventType(name: string): boolean {
  return (name.endsWith('Event') && name.length > 0) || EVENT_TYPES_WITHOUT_SUFFIX.has(name);
}

export function isEventNode(node: SchemaNode): boolean {
  return typeNames(node).some(isEventType);
}

/** A number or numeric string (`"41.75"`, `"$20"`, `"1,200"`); null otherwise. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = scalarText(value);
  if (text === null) return null;
  if (/^\s*free\s*$/i.test(text)) return 0;
  const cleaned = text.replace(/[$€£,\s]/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { z } from 'zod';
import { fromAttribute, fromItem } from './attribute-value';
import { CorruptItemError, type CorruptItemReporter } from './errors';

/** `id=abc` / `subscriberId=…, isoWeek=…`, to name an item in an error. */
export function describeKey(item: Record<string, AttributeValue>, keyNames: readonly string[]): string {
  return keyNames
    .map((name) => {
      const attribute = item[name];
      return `${name}=${attribute === undefined ? '(missing)' : JSON.stringify(fromAttribute(attribute))}`;
    })
    .join(', ');
}

/** The item checked by `schema`, or a `CorruptItemError` naming it. */
export function parseItem<T>(
  schema: z.ZodType<T>,
  table: string,
  item: Record<string, AttributeValue>,
  keyNames: readonly string[],
): T | CorruptItemError {
  const parsed = schema.safeParse(fromItem(item));
  return parsed.success ? parsed.data : new CorruptItemError(table, describeKey(item, keyNames), parsed.error);
}

/** Parses one item that must be sound (a single get): a corrupt one throws. */
export function parseItemOrThrow<T>(
  schema: z.ZodType<T>,
  table: string,
  item: Record<string, AttributeValue>,
  keyNames: readonly string[],
): T {
  const result = parseItem(schema, table, item, keyNames);
  if (result instanceof CorruptItemError) throw result;
  return result;
}

/** Parses a listing: corrupt items are skipped and handed to `report`, so one bad item cannot sink the rest. */
export function parseItems<T>(
  schema: z.ZodType<T>,
  table: string,
  items: readonly Record<string, AttributeValue>[],
  keyNames: readonly string[],
  report: CorruptItemReporter,
): T[] {
  const values: T[] = [];
  for (const item of items) {
    const result = parseItem(schema, table, item, keyNames);
    if (result instanceof CorruptItemError) report(result);
    else values.push(result);
  }
  return values;
}

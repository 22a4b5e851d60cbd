import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { StoreError } from './errors';

/** A JSON-like value the store writes: what the zod models hold. */
export type PlainValue = string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue | undefined };

/** One DynamoDB attribute from a plain value (undefined object members are left out). */
export function toAttribute(value: PlainValue): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new StoreError(`cannot store the number ${value}`);
    return { N: String(value) };
  }
  if (typeof value === 'boolean') return { BOOL: value };
  if (isPlainArray(value)) return { L: value.map(toAttribute) };
  return { M: toItem(value) };
}

function isPlainArray(value: PlainValue): value is readonly PlainValue[] {
  return Array.isArray(value);
}

/** A DynamoDB item from a plain object. */
export function toItem(value: { readonly [key: string]: PlainValue | undefined }): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) item[key] = toAttribute(member);
  }
  return item;
}

/** A plain value from one attribute; sets and binaries (which the store never writes) become null. */
export function fromAttribute(attribute: AttributeValue): unknown {
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) return Number(attribute.N);
  if (attribute.BOOL !== undefined) return attribute.BOOL;
  if (attribute.NULL !== undefined) return null;
  if (attribute.L !== undefined) return attribute.L.map(fromAttribute);
  if (attribute.M !== undefined) return fromItem(attribute.M);
  return null;
}

/** A plain object from an item, for a zod schema to check. */
export function fromItem(item: Record<string, AttributeValue>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(item)) value[key] = fromAttribute(attribute);
  return value;
}

import type { z } from 'zod';

/** A DynamoDB call failed or gave back something the store cannot use. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
}

/**
 * An item read from a table does not match its schema. Names the table and the item's key, and
 * keeps the zod issues as `cause`.
 */
export class CorruptItemError extends StoreError {
  override readonly name = 'CorruptItemError';
  readonly table: string;
  readonly key: string;
  constructor(table: string, key: string, cause: z.ZodError) {
    const issues = cause.issues.map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`).join('; ');
    super(`corrupt item ${key} in table ${table}: ${issues}`, { cause });
    this.table = table;
    this.key = key;
  }
}

/** Receives each corrupt item a listing skipped. */
export type CorruptItemReporter = (error: CorruptItemError) => void;

/** Default reporter: a Node process warning (printed on stderr, never silent). */
export const warnCorruptItem: CorruptItemReporter = (error) => {
  process.emitWarning(error.message, { type: 'CorruptItemWarning', code: 'NETMIX_CORRUPT_ITEM' });
};

/**
 * The tables' keys, indexes and TTL attribute, derived from `shared/store`'s own CreateTable inputs
 * (what DynamoDB Local gets in tests and `npm start`), so the deployed tables cannot drift from what
 * the stores query.
 */
import type { AttributeDefinition, KeySchemaElement } from '@aws-sdk/client-dynamodb';
import { tableDefinitions, tableNamesWithPrefix, TTL_ATTRIBUTE } from '../shared/store/tables';
import type { KeyAttribute, TableDesign, TableRole } from './constructs/tables';

/** The store's design could not be expressed as a CDK table (a key type or shape CDK tables lack). */
export class TableDesignError extends Error {
  override readonly name = 'TableDesignError';
}

function keyOf(name: string | undefined, attributes: readonly AttributeDefinition[]): KeyAttribute {
  const type = attributes.find((attribute) => attribute.AttributeName === name)?.AttributeType;
  if (name === undefined || (type !== 'S' && type !== 'N')) throw new TableDesignError(`key attribute ${String(name)} has no S or N definition`);
  return { name, type };
}

function keysOf(schema: readonly KeySchemaElement[] | undefined, attributes: readonly AttributeDefinition[]): Pick<TableDesign, 'partitionKey' | 'sortKey'> {
  const hash = schema?.find((key) => key.KeyType === 'HASH')?.AttributeName;
  const range = schema?.find((key) => key.KeyType === 'RANGE')?.AttributeName;
  return { partitionKey: keyOf(hash, attributes), ...(range !== undefined && { sortKey: keyOf(range, attributes) }) };
}

/** Converts the store's table definitions into the stack's per-role design. */
export function tableDesignFromStore(): Record<TableRole, TableDesign> {
  // Names are the store's business locally; on AWS CloudFormation names the tables.
  const names = tableNamesWithPrefix('netmix');
  const roles: TableRole[] = ['events', 'sources', 'subscribers', 'deliveries', 'limits', 'feedback'];
  const roleOf = new Map(roles.map((role) => [names[role], role]));
  const design: Partial<Record<TableRole, TableDesign>> = {};
  for (const { input, ttl } of tableDefinitions(names)) {
    const role = roleOf.get(input.TableName ?? '');
    if (role === undefined) throw new TableDesignError(`unknown table ${String(input.TableName)}`);
    const attributes = input.AttributeDefinitions ?? [];
    design[role] = {
      ...keysOf(input.KeySchema, attributes),
      ...(ttl && { timeToLiveAttribute: TTL_ATTRIBUTE }),
      globalSecondaryIndexes: (input.GlobalSecondaryIndexes ?? []).map((index) => {
        if (index.IndexName === undefined) throw new TableDesignError('index without a name');
        if (index.Projection?.ProjectionType !== 'ALL') throw new TableDesignError(`index ${index.IndexName} must project ALL`);
        return { indexName: index.IndexName, ...keysOf(index.KeySchema, attributes) };
      }),
    };
  }
  const { events, sources, subscribers, deliveries, limits, feedback } = design;
  if (!events || !sources || !subscribers || !deliveries || !limits || !feedback) throw new TableDesignError('the store defines fewer than six tables');
  return { events, sources, subscribers, deliveries, limits, feedback };
}

/** Keys, indexes and TTL attributes of the six tables. */
export const TABLE_DESIGN: Record<TableRole, TableDesign> = tableDesignFromStore();

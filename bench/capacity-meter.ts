/**
 * Counts the DynamoDB request units a client uses, for the cost bench. A middleware asks every data
 * command for `ReturnConsumedCapacity: 'TOTAL'` and adds up what the answer reports; a command whose
 * answer reports nothing is estimated from the size of its items instead, and counted as estimated.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);
const TRANSACTIONS = new Set(['TransactGetItemsCommand', 'TransactWriteItemsCommand']);

const CapacitySchema = z.object({ CapacityUnits: z.number().optional() }).loose();
const OutputSchema = z
  .object({
    ConsumedCapacity: z.union([CapacitySchema, z.array(CapacitySchema)]).optional(),
    Item: z.unknown().optional(),
    Items: z.array(z.unknown()).optional(),
    Responses: z.unknown().optional(),
  })
  .loose();
const InputSchema = z
  .object({
    ConsistentRead: z.boolean().optional(),
    Item: z.unknown().optional(),
    Key: z.unknown().optional(),
    RequestItems: z.record(z.string(), z.array(z.unknown())).optional(),
    TransactItems: z.array(z.unknown()).optional(),
  })
  .loose();

/** Per command name: how often it ran, the items it wrote or read, and its units. */
export interface CommandCount {
  calls: number;
  items: number;
  readUnits: number;
  writeUnits: number;
  /** Calls whose answer reported no consumed capacity (their units are estimated from sizes). */
  estimated: number;
  /** Reads reported below the billed minimum (an empty Query), counted at that minimum. */
  floored: number;
}

/** No calls yet. */
export const EMPTY_COUNT: Readonly<CommandCount> = { calls: 0, items: 0, readUnits: 0, writeUnits: 0, estimated: 0, floored: 0 };

export interface CapacityMeter {
  /** A copy of the counts so far, by command name. */
  snapshot(): Map<string, CommandCount>;
}

/** Rough DynamoDB size of a marshalled item: its JSON length (overstates a little: quotes and type tags). */
function sizeOf(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));
}

/** Units from sizes, as on-demand bills them: writes per 1 KB an item, reads per 4 KB (half when eventually consistent), transactions double. */
function estimate(command: string, input: z.infer<typeof InputSchema>, output: z.infer<typeof OutputSchema>): { items: number; units: number } {
  const double = TRANSACTIONS.has(command) ? 2 : 1;
  if (WRITES.has(command)) {
    const items = input.RequestItems !== undefined ? Object.values(input.RequestItems).flat() : (input.TransactItems ?? [input.Item ?? input.Key]);
    return { items: items.length, units: double * items.reduce<number>((sum, item) => sum + Math.max(1, Math.ceil(sizeOf(item) / 1024)), 0) };
  }
  const read = output.Items ?? (output.Item === undefined ? [] : [output.Item]);
  const factor = input.ConsistentRead === true || double === 2 ? double : 0.5;
  return { items: read.length, units: factor * Math.max(1, Math.ceil(read.reduce<number>((sum, item) => sum + sizeOf(item), 0) / 4096)) };
}

/** The least a read request is billed: one 4 KB unit, half when eventually consistent, double in a transaction. */
function readFloor(command: string, input: z.infer<typeof InputSchema>): number {
  if (TRANSACTIONS.has(command)) return 2;
  return input.ConsistentRead === true ? 1 : 0.5;
}

/** Adds the counting middleware to `client`. */
export function meterCapacity(client: DynamoDBClient): CapacityMeter {
  const counts = new Map<string, CommandCount>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (!READS.has(command) && !WRITES.has(command)) return next(args);
      Object.assign(args.input, { ReturnConsumedCapacity: 'TOTAL' });
      const result = await next(args);
      const input = InputSchema.parse(args.input);
      const output = OutputSchema.parse(result.output);
      const count = counts.get(command) ?? { ...EMPTY_COUNT };
      const reported = output.ConsumedCapacity === undefined ? [] : [output.ConsumedCapacity].flat();
      const guess = estimate(command, input, output);
      let units = reported.reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? 0), 0);
      if (reported.length === 0) {
        units = guess.units;
        count.estimated += 1;
      }
      // DynamoDB Local reports 0 for a read that finds nothing; on-demand bills such a request its minimum.
      if (READS.has(command) && units < readFloor(command, input)) {
        units = readFloor(command, input);
        count.floored += 1;
      }
      count.calls += 1;
      count.items += guess.items;
      if (WRITES.has(command)) count.writeUnits += units;
      else count.readUnits += units;
      counts.set(command, count);
      return result;
    },
    { step: 'initialize', name: 'meterCapacity' },
  );
  return { snapshot: () => new Map([...counts].map(([name, count]) => [name, { ...count }])) };
}

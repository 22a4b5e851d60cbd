import { GetItemCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { emptyTally, type WeekTally, type WeekTallyStore } from '../ops/week-tally';
import { fromItem } from './attribute-value';
import { IsoWeekSchema } from './dynamo-delivery-store';
import { StoreError } from './errors';
import { lazySchema } from '../model/lazy-schema';

/**
 * The tally's partition key in the deliveries table: no subscriber id starts with `#` (ids are 32 hex),
 * so listings of deliveries skip it like the `#send-rate` item (ACCESS-PATTERNS.md).
 */
export const TALLY_KEY = '#tally';
/** Skip counters are stored as `skip:<reason>` numbers: ADD works on top-level numbers only. */
const SKIP_PREFIX = 'skip:';

const TallyItemSchema = lazySchema(() => z.record(z.string(), z.unknown()));
const CountSchema = lazySchema(() => z.number().int().nonnegative().catch(0));

/** The DynamoDB {@link WeekTallyStore}: one item per ISO week (`#tally`, week), every change one UpdateItem `ADD`. */
export function createDynamoWeekTallyStore(client: DynamoDBClient, table: string): WeekTallyStore {
  const add = async (isoWeek: string, counts: Record<string, number>): Promise<void> => {
    const entries = Object.entries(counts).filter(([, n]) => n > 0);
    if (entries.length === 0) return;
    const names: Record<string, string> = {};
    const values: Record<string, AttributeValue> = {};
    const parts = entries.map(([name, n], index) => {
      names[`#c${index}`] = name;
      values[`:c${index}`] = { N: String(n) };
      return `#c${index} :c${index}`;
    });
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { subscriberId: { S: TALLY_KEY }, isoWeek: { S: IsoWeekSchema.parse(isoWeek) } },
          UpdateExpression: `ADD ${parts.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      throw new StoreError(`could not count into the tally of ${isoWeek}`, { cause: error });
    }
  };

  return {
    async addDigestRun(summary) {
      const skipped = Object.fromEntries(summary.skipped.map((skip) => [`${SKIP_PREFIX}${skip.reason}`, skip.count]));
      // `runs` is added even for an all-zero run, so the report can tell "no run" from "ran, sent none".
      await add(summary.isoWeek, { runs: 1, sent: summary.sent, failed: summary.failed, ...skipped });
    },
    async addFeedback(isoWeek, kind, recipients) {
      await add(isoWeek, { [kind === 'bounce' ? 'bounces' : 'complaints']: recipients });
    },
    async get(isoWeek) {
      const week = IsoWeekSchema.parse(isoWeek);
      const output = await client.send(new GetItemCommand({ TableName: table, Key: { subscriberId: { S: TALLY_KEY }, isoWeek: { S: week } }, ConsistentRead: true }));
      if (output.Item === undefined) return emptyTally(week);
      const item = TallyItemSchema.parse(fromItem(output.Item));
      const count = (name: string): number => CountSchema.parse(item[name]);
      const tally: WeekTally = {
        ...emptyTally(week),
        runs: count('runs'),
        sent: count('sent'),
        failed: count('failed'),
        bounces: count('bounces'),
        complaints: count('complaints'),
        skipped: Object.keys(item)
          .filter((name) => name.startsWith(SKIP_PREFIX))
          .map((name) => ({ reason: name.slice(SKIP_PREFIX.length), count: count(name) }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      };
      return tally;
    },
  };
}

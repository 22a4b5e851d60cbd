/**
 * The shared send rate's counter in DynamoDB: ONE item holds the current window's start and how
 * many sends were counted in it. Every digest worker takes its tokens from it with conditional
 * updates (no read-modify-write), so all of them together stay within SES's MaxSendRate.
 *
 * The item lives in the deliveries table (the workers already write there) under a key no
 * subscriber can have: subscriber ids are 32 hex digits, weeks are `YYYY-Www`.
 */
import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RateTokenStore } from '../ports';
import { StoreError } from './errors';

/** The counter's key in the deliveries table. */
export const SEND_RATE_KEY = { subscriberId: { S: '#send-rate' }, isoWeek: { S: '#ses' } } as const;

/**
 * The RateTokenStore over one DynamoDB item. A take is one UpdateItem in the common case (count
 * up inside the current window), two when the window has moved on (start the new one), and at most
 * three when another worker started it between the two.
 */
export function createDynamoRateTokenStore(client: DynamoDBClient, table: string): RateTokenStore {
  const conditional = async (input: { update: string; condition: string; values: Record<string, { N: string }> }): Promise<boolean> => {
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: SEND_RATE_KEY,
          UpdateExpression: input.update,
          ConditionExpression: input.condition,
          ExpressionAttributeNames: { '#window': 'windowStart', '#sent': 'sent' },
          ExpressionAttributeValues: input.values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new StoreError('could not take a send-rate token', { cause: error });
    }
  };

  const countInWindow = (window: string, limit: number): Promise<boolean> =>
    conditional({
      update: 'SET #sent = #sent + :one',
      condition: '#window = :window AND #sent < :limit',
      values: { ':one': { N: '1' }, ':window': { N: window }, ':limit': { N: String(limit) } },
    });

  return {
    async tryTake(windowStartMs, limit) {
      if (!Number.isSafeInteger(windowStartMs) || !Number.isSafeInteger(limit) || limit < 1) {
        throw new StoreError(`a send-rate window needs an integer start and a limit ≥ 1 (got ${windowStartMs}, ${limit})`);
      }
      const window = String(windowStartMs);
      if (await countInWindow(window, limit)) return true;
      // A window behind ours (or none yet) is over: start ours with this send. A worker whose clock
      // lags never resets a newer window, so no window is ever counted twice.
      const started = await conditional({
        update: 'SET #window = :window, #sent = :one',
        condition: 'attribute_not_exists(#window) OR #window < :window',
        values: { ':one': { N: '1' }, ':window': { N: window } },
      });
      if (started) return true;
      // Someone else started it a moment ago: it may still have room.
      return countInWindow(window, limit);
    },
  };
}

/**
 * The signup limits over the limits table: one item per counted key and window, updated with a
 * conditional write so concurrent Lambda instances share one count, and deleted by TTL once its
 * window is over.
 */
import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inboxKey, SignupLimitsSchema, type SignupLimiter, type SignupLimits } from '../subscriptions/signup-limits';
import { StoreError } from './errors';
import { LIMITS_KEY, TTL_ATTRIBUTE } from './tables';

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;

/** The DynamoDB SignupLimiter (limits table). */
export function createDynamoSignupLimiter(client: DynamoDBClient, table: string, limits: SignupLimits): SignupLimiter {
  const checked = SignupLimitsSchema.parse(limits);

  /** True when the write happened; false when its condition (the limit) refused it. */
  const conditional = async (input: {
    key: string;
    /** An `ADD` clause, or null; the TTL is always SET beside `set`. */
    add: string | null;
    set: string | null;
    condition: string;
    values: Record<string, number>;
    expiresAt: number;
    /** Refused anyway: the same request to DynamoDB, with a condition that never holds. */
    dry: boolean;
  }): Promise<boolean> => {
    const values = Object.fromEntries(Object.entries(input.values).map(([name, value]) => [name, { N: String(value) }]));
    const update = {
      TableName: table,
      Key: { [LIMITS_KEY]: { S: input.key } },
      UpdateExpression: `${input.add === null ? '' : `ADD ${input.add} `}SET ${input.set === null ? '' : `${input.set}, `}#ttl = :ttl`,
      ConditionExpression: input.dry ? `(${input.condition}) AND attribute_exists(#never)` : input.condition,
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE, ...(input.dry && { '#never': 'neverWritten' }) },
      ExpressionAttributeValues: { ...values, ':ttl': { N: String(input.expiresAt) } },
    };
    try {
      await client.send(new UpdateItemCommand(update));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new StoreError('could not count a signup', { cause: error });
    }
  };

  /** At most `max` in the fixed window of `windowS` seconds that holds `nowS`. */
  const count = (name: string, key: string, max: number, windowS: number, nowS: number, dry: boolean): Promise<boolean> => {
    const start = nowS - (nowS % windowS);
    return conditional({
      key: `${name}#${key}#${start}`,
      add: 'n :one',
      set: null,
      condition: 'attribute_not_exists(n) OR n < :max',
      values: { ':one': 1, ':max': max },
      expiresAt: start + windowS + HOUR_S,
      dry,
    });
  };

  return {
    admit: ({ address, clientIp }, now) => admitNow(address, clientIp, now),
  };

  async function admitNow(address: string, clientIp: string | null, now: Date): Promise<boolean> {
    const nowS = Math.floor(now.getTime() / 1000);
    const inbox = inboxKey(address);
    const gapS = checked.perAddressIntervalMinutes * 60;
    // In order, each counted only if the ones before admitted: a client over its limit cannot use up
    // an inbox's or everyone's allowance with requests refused anyway. After a refusal the remaining
    // checks still go to DynamoDB as dry runs, so a refusal takes as long as an admission.
    let admitted = await count('client', clientIp ?? 'unknown', checked.perClientPerHour, HOUR_S, nowS, false);
    admitted =
      // A sliding gap, not a window: two mails to an inbox are never closer than the interval.
      (await conditional({
        key: `inbox-gap#${inbox}`,
        add: null,
        set: 'lastAt = :now',
        condition: 'attribute_not_exists(lastAt) OR lastAt <= :cutoff',
        values: { ':now': nowS, ':cutoff': nowS - gapS },
        expiresAt: nowS + gapS + HOUR_S,
        dry: !admitted,
      })) && admitted;
    admitted = (await count('inbox-day', inbox, checked.perAddressPerDay, DAY_S, nowS, !admitted)) && admitted;
    admitted = (await count('global', 'mail', checked.globalPerHour, HOUR_S, nowS, !admitted)) && admitted;
    return admitted;
  }
}

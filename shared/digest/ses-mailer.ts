import { GetSendQuotaCommand, SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { MailerThrottledError, type Mailer } from '../ports';

/** SES answered, but not with what a send needs, or the call failed for a reason other than rate. */
export class SesMailerError extends Error {
  override readonly name = 'SesMailerError';
}

export interface SesMailerOptions {
  /** Sent with every message so bounce and complaint events reach the feedback topic. */
  configurationSetName?: string;
  /** A fixed rate that skips GetSendQuota (useful where the endpoint has none). */
  maxSendRate?: number;
  /** Rate used when SES reports none or -1 (unlimited); default 14/s, SES's historic starting quota. */
  defaultMaxSendRate?: number;
  /** GetSendQuota gives up after this long (ms); default 10 s. */
  quotaTimeoutMs?: number;
}

/** SES error codes that mean "too fast or too many": SES drops such a message, so it must be retried. */
const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequests',
  'TooManyRequestsException',
  'LimitExceeded',
  'LimitExceededException',
]);
const THROTTLE_MESSAGE = /maximum sending rate exceeded|daily message quota exceeded/i;

/** True for an SES error that reports a rate or quota limit (v1 Throttling, v2 TooManyRequests/LimitExceeded). */
export function isSesThrottle(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return THROTTLE_CODES.has(error.name) || THROTTLE_MESSAGE.test(error.message);
}

function mapSesError(error: unknown, action: string): Error {
  if (isSesThrottle(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new MailerThrottledError(`SES ${action} throttled: ${detail}`, { cause: error });
  }
  return new SesMailerError(`SES ${action} failed`, { cause: error });
}

/** The Mailer over SES v1 SendRawEmail; the quota is read once and kept. */
export function createSesMailer(client: SESClient, options: SesMailerOptions = {}): Mailer {
  const defaultRate = options.defaultMaxSendRate ?? 14;
  let quota: Promise<number> | null = options.maxSendRate === undefined ? null : Promise.resolve(options.maxSendRate);

  const readQuota = async (): Promise<number> => {
    let rate: number | undefined;
    try {
      const output = await client.send(new GetSendQuotaCommand({}), {
        abortSignal: AbortSignal.timeout(options.quotaTimeoutMs ?? 10_000),
      });
      rate = output.MaxSendRate;
    } catch (error) {
      throw mapSesError(error, 'GetSendQuota');
    }
    return rate === undefined || !Number.isFinite(rate) || rate <= 0 ? defaultRate : rate;
  };

  return {
    async sendRaw(message) {
      let messageId: string | undefined;
      try {
        const output = await client.send(
          new SendRawEmailCommand({ RawMessage: { Data: message }, ConfigurationSetName: options.configurationSetName }),
        );
        messageId = output.MessageId;
      } catch (error) {
        throw mapSesError(error, 'SendRawEmail');
      }
      if (messageId === undefined || messageId === '') throw new SesMailerError('SES SendRawEmail returned no MessageId');
      return { messageId };
    },

    async maxSendRate() {
      if (quota === null) {
        const pending = readQuota();
        quota = pending;
        // A failed read is not cached: the next call asks again.
        pending.catch(() => {
          if (quota === pending) quota = null;
        });
      }
      return quota;
    },
  };
}

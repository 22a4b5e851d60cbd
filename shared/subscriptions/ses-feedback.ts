/**
 * SES bounce and complaint feedback (EM-23): a permanent bounce or any complaint stops all mail to
 * that address. Accepts what SNS delivers: one Lambda SNS record (`{ Sns: envelope }`), the SNS
 * envelope (`{ Type, Message: "<json>" }`, also an HTTP POST body), its JSON text, or the SES
 * notification itself,
 * in either the identity-notification shape (`notificationType`) or the configuration-set event
 * shape (`eventType`).
 */
import * as z from 'zod';
import { isoWeekOf } from '../digest/iso-week';
import type { WeekTallyStore } from '../ops/week-tally';
import type { Clock, SubscriberStore } from '../ports';
import { EmailSchema } from '../model/subscriber';
import { SnsSignatureError, type SnsVerifier } from './sns-signature';
import { lazySchema } from '../model/lazy-schema';

/** SNS messages are at most 256 KB; a body far beyond that is not one. */
export const MAX_FEEDBACK_BYTES = 300_000;
/** An SES notification is a few levels deep; anything deeper is refused before it is looked at. */
export const MAX_FEEDBACK_DEPTH = 32;

const RecipientSchema = lazySchema(() => z.object({ emailAddress: z.string().max(1000) }));

const BounceSchema = lazySchema(() => z.object({
  bounceType: z.string(),
  bounceSubType: z.string().optional(),
  bouncedRecipients: z.array(RecipientSchema).max(1000),
}));

const ComplaintSchema = lazySchema(() => z.object({
  complainedRecipients: z.array(RecipientSchema).max(1000),
  complaintFeedbackType: z.string().optional(),
}));

const SesNotificationSchema = lazySchema(() => z
  .object({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    bounce: BounceSchema.optional(),
    complaint: ComplaintSchema.optional(),
    mail: z.object({ messageId: z.string() }).optional(),
  })
  .refine((n) => n.notificationType !== undefined || n.eventType !== undefined, { message: 'not an SES notification' }));

const LambdaSnsRecordSchema = lazySchema(() => z.object({ Sns: z.record(z.string(), z.unknown()) }));

const SnsEnvelopeSchema = lazySchema(() => z.object({
  Type: z.string().optional(),
  Message: z.string(),
}));

/** What one notification did, without addresses (results get logged). */
export type SesFeedbackResult =
  | {
      outcome: 'suppressed' | 'ignored';
      kind: 'bounce' | 'complaint' | 'delivery' | 'other';
      /** Why nothing was suppressed, when nothing was. */
      reason: string | null;
      /** Ids of subscribers newly marked suppressed. */
      suppressedIds: string[];
      /** Recipients already suppressed or not subscribers at all. */
      skippedRecipients: number;
      sesMessageId: string | null;
    }
  | { outcome: 'invalid'; reason: string };

export interface SesFeedbackDeps {
  subscribers: SubscriberStore;
  clock: Clock;
  /** When set, every message must come in an SNS envelope that verifies; the Lambda always sets it. */
  verifySignature?: SnsVerifier;
  /** Counts bounced and complaining recipients by (UTC) ISO week, for the operator's report. */
  tally?: Pick<WeekTallyStore, 'addFeedback'>;
}

/** Parses one SNS-delivered SES notification and suppresses the addresses it condemns. */
export async function handleSesFeedback(message: unknown, deps: SesFeedbackDeps): Promise<SesFeedbackResult> {
  const notification = await parseNotification(message, deps.verifySignature);
  if (!notification.success) return { outcome: 'invalid', reason: notification.reason };
  const n = notification.data;
  const type = (n.notificationType ?? n.eventType ?? '').toLowerCase();
  const sesMessageId = n.mail?.messageId ?? null;
  const ignored = (kind: 'bounce' | 'complaint' | 'delivery' | 'other', reason: string): SesFeedbackResult => ({
    outcome: 'ignored',
    kind,
    reason,
    suppressedIds: [],
    skippedRecipients: 0,
    sesMessageId,
  });

  let recipients: string[];
  let kind: 'bounce' | 'complaint';
  if (type === 'bounce') {
    if (!n.bounce) return { outcome: 'invalid', reason: 'bounce notification without a bounce object' };
    // Transient bounces are retried by SES; Undetermined ones are not proof the address is dead.
    if (n.bounce.bounceType !== 'Permanent') return ignored('bounce', `${n.bounce.bounceType} bounce`.slice(0, 60));
    recipients = n.bounce.bouncedRecipients.map((r) => r.emailAddress);
    kind = 'bounce';
  } else if (type === 'complaint') {
    if (!n.complaint) return { outcome: 'invalid', reason: 'complaint notification without a complaint object' };
    // A mailbox provider's `not-spam` report says the recipient took the mail OUT of spam: keep sending.
    // Every other complaint counts, whatever its feedback type (or none): the recipient said "stop".
    if (n.complaint.complaintFeedbackType?.toLowerCase() === 'not-spam') return ignored('complaint', 'not-spam feedback');
    recipients = n.complaint.complainedRecipients.map((r) => r.emailAddress);
    kind = 'complaint';
  } else {
    return ignored(type === 'delivery' ? 'delivery' : 'other', `${type || 'unknown'} notification`.slice(0, 60));
  }

  const suppressedIds: string[] = [];
  let skippedRecipients = 0;
  const now = deps.clock.now();
  for (const recipient of recipients) {
    const email = EmailSchema.safeParse(recipient);
    const subscriber = email.success ? await deps.subscribers.getByEmail(email.data) : null;
    if (!subscriber || subscriber.status === 'suppressed') {
      // An address erased at its owner's request keeps only a hash: the bounce is honoured there.
      if (!subscriber && email.success) await deps.subscribers.suppressErased(email.data, now);
      skippedRecipients += 1;
      continue;
    }
    await deps.subscribers.setStatus(subscriber.id, 'suppressed', now);
    suppressedIds.push(subscriber.id);
  }
  // Every recipient counts towards the rate, as SES counts it, subscriber or not; counted after the
  // suppressions, so a retry after a failed count suppresses nothing twice and counts once.
  await deps.tally?.addFeedback(isoWeekOf(now.toISOString().slice(0, 10)).key, kind, recipients.length);
  return {
    outcome: suppressedIds.length > 0 ? 'suppressed' : 'ignored',
    kind,
    reason: suppressedIds.length > 0 ? null : 'no subscriber to suppress',
    suppressedIds,
    skippedRecipients,
    sesMessageId,
  };
}

type Parsed = { success: true; data: z.infer<typeof SesNotificationSchema> } | { success: false; reason: string };

/**
 * Unwraps a Lambda SNS record, an SNS envelope (or its JSON text) and the SES notification in at
 * most three steps, without recursion, after checking size and depth: a hostile body can only be
 * refused, never overflow the stack.
 */
async function parseNotification(message: unknown, verify: SnsVerifier | undefined): Promise<Parsed> {
  let value = message;
  let verified = false;
  for (let step = 0; step < 4; step += 1) {
    if (typeof value === 'string') {
      if (value.length > MAX_FEEDBACK_BYTES) return { success: false, reason: 'message too large' };
      value = parseJson(value);
    }
    if (depthExceeds(value, MAX_FEEDBACK_DEPTH)) return { success: false, reason: 'message nested too deeply' };
    const record = LambdaSnsRecordSchema.safeParse(value);
    if (record.success) {
      value = record.data.Sns;
      continue;
    }
    const envelope = SnsEnvelopeSchema.safeParse(value);
    if (envelope.success) {
      if (envelope.data.Type !== undefined && envelope.data.Type !== 'Notification') {
        return { success: false, reason: `SNS message of type ${envelope.data.Type.slice(0, 40)}` };
      }
      if (verify && !verified) {
        try {
          await verify(value);
        } catch (error) {
          if (error instanceof SnsSignatureError) return { success: false, reason: `signature: ${error.message}` };
          throw error;
        }
        verified = true;
      }
      value = envelope.data.Message;
      continue;
    }
    if (verify && !verified) return { success: false, reason: 'not in a signed SNS envelope' };
    const notification = SesNotificationSchema.safeParse(value);
    if (!notification.success) return { success: false, reason: 'not an SES notification' };
    return { success: true, data: notification.data };
  }
  return { success: false, reason: 'not an SES notification' };
}

/** True when `value` nests objects or arrays deeper than `limit` (checked with an explicit stack). */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  let visited = 0;
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || typeof top.node !== 'object' || top.node === null) continue;
    if (top.depth >= limit) return true;
    // Width is bounded by the byte cap on text; a parsed object handed in directly gets a node cap.
    visited += 1;
    if (visited > 100_000) return true;
    for (const child of Object.values(top.node)) stack.push({ node: child, depth: top.depth + 1 });
  }
  return false;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * SES bounce and complaint feedback (EM-23): a permanent bounce or any complaint stops all mail to
 * that address. Accepts what SNS delivers: one Lambda SNS record (`{ Sns: envelope }`), the SNS
 * envelope (`{ Type, Message: "<json>" }`, also an HTTP POST body), its JSON text, or the SES
 * notification itself,
 * in either the identity-notification shape (`notificationType`) or the configuration-set event
 * shape (`eventType`).
 */
import * as z from 'zod';
import type { Clock, SubscriberStore } from '../ports';
import { EmailSchema } from '../model/subscriber';

const RecipientSchema = z.object({ emailAddress: z.string().max(1000) });

const BounceSchema = z.object({
  bounceType: z.string(),
  bounceSubType: z.string().optional(),
  bouncedRecipients: z.array(RecipientSchema).max(1000),
});

const ComplaintSchema = z.object({
  complainedRecipients: z.array(RecipientSchema).max(1000),
  complaintFeedbackType: z.string().optional(),
});

const SesNotificationSchema = z
  .object({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    bounce: BounceSchema.optional(),
    complaint: ComplaintSchema.optional(),
    mail: z.object({ messageId: z.string() }).optional(),
  })
  .refine((n) => n.notificationType !== undefined || n.eventType !== undefined, { message: 'not an SES notification' });

const LambdaSnsRecordSchema = z.object({ Sns: z.record(z.string(), z.unknown()) });

const SnsEnvelopeSchema = z.object({
  Type: z.string().optional(),
  Message: z.string(),
});

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

/** Parses one SNS-delivered SES notification and suppresses the addresses it condemns. */
export async function handleSesFeedback(
  message: unknown,
  deps: { subscribers: SubscriberStore; clock: Clock },
): Promise<SesFeedbackResult> {
  const notification = parseNotification(message);
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
    // Every complaint counts, whatever its feedback type: the recipient said "stop".
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
      skippedRecipients += 1;
      continue;
    }
    await deps.subscribers.setStatus(subscriber.id, 'suppressed', now);
    suppressedIds.push(subscriber.id);
  }
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

function parseNotification(message: unknown): Parsed {
  const value = typeof message === 'string' ? parseJson(message) : message;
  const record = LambdaSnsRecordSchema.safeParse(value);
  if (record.success) return parseNotification(record.data.Sns);
  const envelope = SnsEnvelopeSchema.safeParse(value);
  if (envelope.success) {
    if (envelope.data.Type !== undefined && envelope.data.Type !== 'Notification') {
      return { success: false, reason: `SNS message of type ${envelope.data.Type.slice(0, 40)}` };
    }
    return parseNotification(parseJson(envelope.data.Message));
  }
  const notification = SesNotificationSchema.safeParse(value);
  if (!notification.success) return { success: false, reason: 'not an SES notification' };
  return { success: true, data: notification.data };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** mailparser's result, narrowed with zod to the fields the digest tests read. */
import { simpleParser } from 'mailparser';
import * as z from 'zod';

const ParsedMailSchema = z.object({
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.union([z.string(), z.literal(false)]).optional(),
  headerLines: z.array(z.object({ key: z.string(), line: z.string() })),
  replyTo: z.object({ text: z.string() }).optional(),
  from: z.object({ value: z.array(z.object({ name: z.string(), address: z.string().optional() }).loose().transform(({ name, address }) => ({ name, address }))) }).optional(),
  to: z.object({ text: z.string() }).optional(),
  bcc: z.unknown().optional(),
});
export type ParsedMail = z.infer<typeof ParsedMailSchema>;

export async function parseMail(raw: Uint8Array | string): Promise<ParsedMail> {
  const parsed: unknown = await simpleParser(typeof raw === 'string' ? raw : Buffer.from(raw));
  return ParsedMailSchema.parse(parsed);
}

/** The raw header lines named `key` (lower case), unfolded as mailparser keeps them. */
export function headerLinesOf(mail: ParsedMail, key: string): string[] {
  return mail.headerLines.filter((line) => line.key === key).map((line) => line.line);
}

import { simpleParser } from 'mailparser';
import type { Hono } from 'hono';
import * as z from 'zod';
import { BASE_URL, SITE_ORIGIN } from './memory-ports';

/** A urlencoded form POST from a page of the site (the origin the CSRF check accepts). */
export function postForm(app: Hono, path: string, fields: [string, string][], headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE_ORIGIN, ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

export const VALID_SIGNUP: [string, string][] = [
  ['email', 'Pat.Doe@Example.com'],
  ['zip', '01852'],
  ['radiusMiles', '15'],
  ['mix', 'balanced'],
  ['fields', 'technology'],
  ['fields', 'healthcare'],
  ['interests', 'biotech, payroll'],
  ['targetEmployers', 'Acme, Globex'],
  ['online', 'no'],
  ['digestSize', '5'],
];

const ParsedMailSchema = z.object({
  subject: z.string().default(''),
  text: z.string().default(''),
  html: z.union([z.string(), z.literal(false)]).default(''),
  to: z.object({ text: z.string() }).optional(),
  date: z.date().optional(),
});
export type ParsedMail = z.infer<typeof ParsedMailSchema>;

/** Parses a raw MIME message with mailparser. */
export async function parseMime(raw: Uint8Array): Promise<ParsedMail> {
  return ParsedMailSchema.parse(await simpleParser(Buffer.from(raw)));
}

/** The text part and the app-relative links of a raw message. */
export async function readMail(raw: Uint8Array): Promise<{ subject: string; text: string; html: string; paths: string[]; to: string }> {
  const parsed = await parseMime(raw);
  const paths = [...parsed.text.matchAll(/https:\/\/subscribe\.example\.org(\/\S+)/g)].map((match) => match[1] ?? '');
  const html = parsed.html === false ? '' : parsed.html;
  return { subject: parsed.subject, text: parsed.text, html, paths, to: parsed.to?.text ?? '' };
}

/** The first link path in `paths` under `prefix` (`/confirm/`, `/u/`, `/preferences/`). */
export function pathUnder(paths: string[], prefix: string): string {
  const found = paths.find((path) => path.startsWith(prefix));
  if (found === undefined) throw new Error(`no ${prefix} link in ${JSON.stringify(paths)}`);
  return found;
}

export { BASE_URL };

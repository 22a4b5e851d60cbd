import type { Context } from 'hono';
import { coerceFormFields } from './signup-input';

/** How the client sent its body; the answer uses the same format. */
export type BodyFormat = 'json' | 'form';

export type BodyResult =
  | { ok: true; format: BodyFormat; value: unknown }
  | { ok: false; format: BodyFormat; status: 400 | 415 };

/** The media type of the request body, lower-cased, without parameters. */
export function mediaTypeOf(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads a JSON or form body (urlencoded or multipart) into the JSON shape the input schemas
 * expect. Unreadable bodies become a 400 and other media types a 415, as values.
 */
export async function readInputBody(c: Context): Promise<BodyResult> {
  const mediaType = mediaTypeOf(c);
  if (mediaType === 'application/json') {
    try {
      const value: unknown = await c.req.json();
      return { ok: true, format: 'json', value };
    } catch {
      return { ok: false, format: 'json', status: 400 };
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data') {
    try {
      const form = await c.req.parseBody({ all: true });
      return { ok: true, format: 'form', value: coerceFormFields(form) };
    } catch {
      return { ok: false, format: 'form', status: 400 };
    }
  }
  return { ok: false, format: 'form', status: 415 };
}

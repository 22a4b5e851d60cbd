/** Reading the inputs a user names on the command line: local files or http(s) URLs. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createFetcher, FetchError } from '../shared/fetch';
import { isSafeHttpUrl } from '../shared/model/common';
import { buildUserAgent } from '../shared/fetch';
import { NETMIX_VERSION, CONTACT_URL } from './version';

/** An input that could not be read at all; the CLI prints its message and exits 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export interface InputText {
  input: string;
  text: string;
  /** Base for relative links: the final URL, or a file: URL for local files. */
  baseUrl: string;
  label: string;
}

/** Reads one input. A loopback URL is allowed only on the exact port the user typed (redirects stay checked). */
export async function readInput(input: string): Promise<InputText> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    if (!isSafeHttpUrl(input)) throw new InputError(`${input}: only http and https URLs without credentials can be read`);
    const url = new URL(input);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const fetcher = createFetcher({
      userAgent: buildUserAgent({ version: NETMIX_VERSION, contactUrl: CONTACT_URL }),
      ...(loopback ? { allowLoopback: { ports: [port] } } : {}),
    });
    try {
      const outcome = await fetcher.fetch(input);
      if (outcome.kind !== 'ok') throw new InputError(`${input}: the server answered 304 to an unconditional request`);
      return { input, text: outcome.body, baseUrl: outcome.finalUrl, label: url.hostname };
    } catch (error) {
      if (error instanceof InputError) throw error;
      const reason = error instanceof FetchError ? `${error.code}: ${error.message}` : String(error);
      throw new InputError(`${input}: ${reason}`, { cause: error });
    }
  }
  try {
    const text = await readFile(input, 'utf8');
    return { input, text, baseUrl: `file://${encodeURI(input)}`, label: basename(input) };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError(`${input}: cannot read file (${code})`, { cause: error });
  }
}

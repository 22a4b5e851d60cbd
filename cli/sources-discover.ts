/**
 * `netmix sources discover <url> [--json] [--allow-local] [--tz ZONE]` and
 * `netmix sources add <url> --to FILE [--allow-local]`.
 */
import { parseArgs } from 'node:util';
import { discoverSources, type Discovery } from '../shared/discover';
import { buildUserAgent, createFetcher, FetchError, ForbiddenAddressError, type Fetcher } from '../shared/fetch';
import { isSafeHttpUrl } from '../shared/model/common';
import { appendSource } from './sources-append';
import { UsageError } from './errors';
import { formatTable } from './format';
import { InputError } from './inputs';
import type { Io } from './io';
import { CONTACT_URL, NETMIX_VERSION } from './version';

export const DISCOVER_USAGE = 'usage: netmix sources discover <url> [--json] [--allow-local] [--tz ZONE]';
export const ADD_USAGE = 'usage: netmix sources add <url> --to FILE [--allow-local]';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The fetcher discovery uses. `--allow-local` lets loopback through on the port the operator typed
 * (the fetcher's test-only loopback allowance, the same one the tests use) and shortens the
 * per-host delay, since the server is the operator's own; redirects and other ports stay checked.
 */
function fetcherFor(url: URL, allowLocal: boolean): Fetcher {
  const local = allowLocal && LOOPBACK_HOSTS.has(url.hostname);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return createFetcher({
    userAgent: buildUserAgent({ version: NETMIX_VERSION, contactUrl: CONTACT_URL }),
    ...(local ? { allowLoopback: { ports: [port] }, perHostDelayMs: 50 } : {}),
  });
}

function refusedMessage(input: string, error: ForbiddenAddressError, allowLocal: boolean): string {
  if (allowLocal) {
    return `${input}: ${error.message}. --allow-local lets through only this machine (127.0.0.1, ::1, localhost) on the port you typed; other private-network addresses stay refused.`;
  }
  return `${input} is on this machine or a private network (${error.message}). Netmix refuses such addresses so that no source can reach inside your network. To try a saved copy or a calendar served on this machine, run the command again with --allow-local.`;
}

/** Runs discovery for `input`, turning a failure of the address itself into a plain-words InputError. */
export async function discoverFor(input: string, options: { allowLocal: boolean; timeZone: string; now: Date }): Promise<Discovery> {
  if (!isSafeHttpUrl(input)) throw new InputError(`${input}: give the http(s) address of the organisation's homepage or events page`);
  const url = new URL(input);
  const fetcher = fetcherFor(url, options.allowLocal);
  try {
    return await discoverSources(url.href, { fetcher, now: options.now, timeZone: options.timeZone });
  } catch (error) {
    if (error instanceof ForbiddenAddressError) throw new InputError(refusedMessage(input, error, options.allowLocal), { cause: error });
    if (error instanceof FetchError) throw new InputError(`${input}: ${error.code}: ${error.message}`, { cause: error });
    throw error;
  } finally {
    await fetcher.close();
  }
}

function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `sources discover`: prints the candidates best first and the suggested entry. */
export async function runSourcesDiscover(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, 'allow-local': { type: 'boolean', default: false }, tz: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(DISCOVER_USAGE);
    return 0;
  }
  const [input] = positionals;
  if (input === undefined || positionals.length > 1) throw new UsageError(DISCOVER_USAGE);
  const discovery = await discoverFor(input, { allowLocal: values['allow-local'], timeZone: values.tz ?? systemZone(), now: io.now() });
  if (discovery.candidates.length === 0) io.err(`netmix sources discover: found no feed, platform API, event markup or schedule sentence at ${input}`);
  if (values.json) {
    io.out(JSON.stringify(discovery));
    return 0;
  }
  if (discovery.candidates.length === 0) return 0;
  const rows = discovery.candidates.map((candidate, index) => [
    String(index + 1),
    candidate.kind,
    candidate.platform ?? '',
    candidate.verified ? 'yes' : 'no',
    candidate.events === null ? '' : String(candidate.events),
    candidate.url,
    candidate.note,
  ]);
  io.out(formatTable(['#', 'kind', 'platform', 'verified', 'events', 'url', 'note'], rows, 90));
  if (discovery.suggested !== null) {
    io.out(`\nSuggested entry (review the name, kind and audience; add it with \`netmix sources add ${input} --to FILE\`):`);
    io.out(JSON.stringify(discovery.suggested, null, 2));
  } else {
    io.out('\nNo candidate could be verified, so there is no suggested entry.');
  }
  return 0;
}

/** `sources add`: discovers, appends the suggested entry to FILE and validates the file. */
export async function runSourcesAdd(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, 'allow-local': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(ADD_USAGE);
    return 0;
  }
  const [input] = positionals;
  if (input === undefined || positionals.length > 1 || values.to === undefined) throw new UsageError(ADD_USAGE);
  const file = values.to;
  return appendSource(file, io, async (timeZone) => {
    const discovery = await discoverFor(input, { allowLocal: values['allow-local'], timeZone, now: io.now() });
    if (discovery.suggested === null) {
      const reason = discovery.candidates.length === 0 ? 'found no way to read it' : `none of its ${discovery.candidates.length} candidates could be verified (${discovery.candidates[0]?.note ?? ''})`;
      throw new InputError(`${input}: ${reason}; nothing was added to ${file}`);
    }
    return discovery.suggested;
  });
}

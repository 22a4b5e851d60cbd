/** `netmix <command>`: the command-line entry (bin/netmix.js runs it through tsx). */
import { ZodError } from 'zod';
import { UsageError } from './errors';
import { InputError } from './inputs';
import { processIo, type Io } from './io';
import { SourcesFileError } from '../shared/sources/sources-file';
import { runPreview } from './preview';

const USAGE = `usage: netmix <command> [options]

commands:
  preview <file-or-url>...   parse feeds/pages and print their events (--json for machine output)
  digest --events <f>... --zip 01852   preview the digest a subscriber would get (nothing stored or sent)
  sources check <file>       validate a sources file and fetch each source once
  sources status             show each stored source's health (local DynamoDB under .netmix/)
  sources discover <url>     find every way to read a site, verified and ranked (--json, --allow-local)
  sources add <url> --to F   append the suggested entry for a site to sources file F and validate it
  ingest [--sources FILE]    run the ingest job against the local store
  send-digests [--date YYYY-MM-DD] [--dry-run]   send this week's digests from the local store
  start [--once] [--sources FILE]   the whole weekly job on the embedded local default (npm start)`;

type Command = (argv: string[], io: Io) => Promise<number>;

async function lazy(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'preview':
      return runPreview;
    case 'digest':
      return (await import('./digest')).runDigest;
    case 'sources':
      return (await import('./sources')).runSources;
    case 'ingest':
      return (await import('./ingest')).runIngest;
    case 'send-digests':
      return (await import('./send-digests')).runSendDigests;
    case 'start':
      return (await import('./start')).runStart;
    default:
      return undefined;
  }
}

/** Runs one command; returns the exit code (0 ok, 1 an input or run failed, 2 usage). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = await lazy(name);
  if (!command) {
    io.err(`netmix: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof SourcesFileError) {
      io.err(`netmix ${name}: ${error.file} is not a valid sources file:\n${error.problems.map((problem) => `  ${problem}`).join('\n')}`);
      return 1;
    }
    if (error instanceof InputError) {
      io.err(`netmix ${name}: ${error.message}`);
      return 1;
    }
    if (error instanceof UsageError || error instanceof RangeError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`netmix ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ZodError) {
      io.err(`netmix ${name}: ${error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return 2;
    }
    throw error;
  }
}

/** `netmix <command>`: the command-line entry (bin/netmix.js runs it through tsx). */
import { ZodError } from 'zod';
import { UsageError } from './errors';
import { InputError } from './inputs';
import { processIo, type Io } from './io';
import { SourcesFileError } from '../shared/sources/sources-file';
import { PREVIEW_USAGE, runPreview } from './preview';

const USAGE = `usage: netmix <command> [options]   (netmix <command> --help for its options)

commands:
  preview <file-or-url>...   parse feeds/pages and print their events (--json for machine output; --recipe FILE to try CSS selectors)
  digest --events <f>... --zip 01852   preview the digest a subscriber would get (nothing stored or sent)
  sources check <file>       validate a sources file, fetch each source once and say why an empty one is empty
  sources schema             print the sources file's JSON Schema (for editors)
  sources status             show each stored source's health (local DynamoDB under .netmix/)
  sources discover <url>     find every way to read a site, verified and ranked (--json, --allow-local)
  sources add <url> --to F   append the suggested entry for a site to sources file F and validate it
  ingest [--sources FILE]    run the ingest job against the local store
  send-digests [--date YYYY-MM-DD] [--dry-run]   send this week's digests from the local store
  feedback [--week]          count the digest's "I'm going" / "Not for me" by category and audience
  start [--once] [--sources FILE]   the whole weekly job on the embedded local default (npm start)
  smoke --aws [--outputs FILE]   after \`cdk deploy --outputs-file FILE\`: check the deployed API and its links
  report [--week 2026-W49] [--mail]   the operator's weekly report (local store; --aws: the deployed tables)
  subscribers [--list]       subscribers by status, new this week (no addresses unless --list; --aws)
  deliveries [--week W]      what the week's digests carried, to how many, skipped and failed (--aws)
  subscribers migrate [--aws] [--dry-run]   merge subscribers that share an address (local store or deployed table)`;

/** Each command's own help; `sources` prints its subcommands' help itself. */
const COMMAND_HELP: Readonly<Record<string, string>> = {
  preview: `${PREVIEW_USAGE}

  Reads iCalendar feeds and event pages (files or http(s) URLs) and prints the events in the window.
  --from, --to   the window's first and last local dates (default: today and 60 days on)
  --tz ZONE      zone for the window and for times that name none (default America/New_York)
  --recipe FILE  a JSON selector recipe ({"item", "title", "date", "time"?, "place"?, "link"?, "description"?}):
                 shows what each selector matched on the page, then the events it yields
  --json         one JSON object: {"events": [...], "problems": [...]}`,
  digest: `usage: netmix digest --events <file-or-url>... --zip 01852 [--radius 25] [--mix balanced] [--size 8] [--online yes|no]
       [--interests "human-resources, biotech"] [--employers "..."] [--date YYYY-MM-DD] [--days 7|14] [--tz ZONE] [--html FILE] [--text FILE] [--json]

  Previews the digest a subscriber with these settings would get from these inputs; nothing is stored or sent.`,
  ingest: `usage: netmix ingest [--sources FILE]

  Fetches every source of the sources file (default sample/sources.json) into the local store under .netmix/.`,
  'send-digests': `usage: netmix send-digests [--date YYYY-MM-DD] [--dry-run] [--tz ZONE]

  Sends this week's digests from the local store through the local SES (--dry-run: render only).`,
  feedback: `usage: netmix feedback [--week] [--weeks N]

  Counts the digest's "I'm going" and "Not for me" choices by category and audience (local store under .netmix/).
  --week      only this ISO week (UTC)
  --weeks N   the last N ISO weeks, this one included (default 52)`,
  start: `usage: netmix start [--once] [--sources FILE] [--date YYYY-MM-DD]

  The whole weekly job on the embedded local default: ingest, then digests (npm start).`,
};

const wantsHelp = (argv: readonly string[]) => argv.some((arg) => arg === '--help' || arg === '-h');

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
    case 'feedback':
      return (await import('./feedback')).runFeedback;
    case 'smoke':
      return (await import('./smoke')).runSmoke;
    case 'report':
      return (await import('./report')).runReport;
    case 'subscribers':
      return (await import('./subscribers')).runSubscribers;
    case 'deliveries':
      return (await import('./deliveries')).runDeliveries;
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
  const help = COMMAND_HELP[name];
  if (help !== undefined && wantsHelp(rest)) {
    io.out(help);
    return 0;
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

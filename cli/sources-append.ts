/** Appending one entry to a sources file without losing anything already in it. */
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as z from 'zod';
import type { SourceInput } from '../shared/model/source';
import { parseSourcesFile } from '../shared/sources/sources-file';
import { InputError } from './inputs';
import type { Io } from './io';

const RawFileSchema = z.object({ sources: z.array(z.unknown()) }).loose();
const RawEntrySchema = z.object({ id: z.unknown(), url: z.unknown() }).loose();

function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${id.slice(0, 60)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Reads and validates `file`, asks `suggest` for an entry (given the file's region zone), appends it
 * under a free id, validates the whole file again and only then replaces it (write, then rename,
 * so a crash leaves the old file whole). The same URL twice is refused.
 */
export async function appendSource(file: string, io: Io, suggest: (timeZone: string) => Promise<SourceInput>): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the sources file (create it with a "region" and a first source, or check the path)`, { cause: error });
  }
  const current = parseSourcesFile(text, file);
  const entry = await suggest(current.region.timeZone);
  const same = current.sources.find((source) => source.url === entry.url);
  if (same !== undefined) throw new InputError(`${file} already reads ${entry.url} as "${same.id}"; nothing was added`);

  // Append to the file as written (not as zod filled in defaults), so the operator's text survives.
  const raw = RawFileSchema.parse(JSON.parse(text));
  const taken = new Set(raw.sources.map((source) => RawEntrySchema.safeParse(source)).flatMap((parsed) => (parsed.success && typeof parsed.data.id === 'string' ? [parsed.data.id] : [])));
  const added = { ...entry, id: freeId(entry.id, taken) };
  raw.sources.push(added);
  const next = `${JSON.stringify(raw, null, 2)}\n`;
  parseSourcesFile(next, file);
  const temporary = `${file}.netmix-${process.pid}.tmp`;
  await writeFile(temporary, next, 'utf8');
  await rename(temporary, file);
  io.out(`Added "${added.id}" to ${file} (${current.sources.length + 1} sources, the file validates). Review its name, kind and audience:`);
  io.out(JSON.stringify(added, null, 2));
  return 0;
}

/**
 * The operator's sources file: one JSON document a deployment, checked with zod so that a mistake
 * names the entry and the field ("sources[3] (boston-hr).url: must be an http(s) URL").
 */
import * as z from 'zod';
import { SourcesFileSchema, type SourcesFile } from '../model/source';

/** A sources file that is not JSON or does not match the schema; `problems` lists every mistake. */
export class SourcesFileError extends Error {
  override readonly name = 'SourcesFileError';
  constructor(
    readonly file: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problems.join('; ')}`, options);
  }
}

function describePath(path: readonly PropertyKey[], raw: unknown): string {
  const [first, index, ...rest] = path;
  if (first === 'sources' && typeof index === 'number') {
    const entry = z.object({ sources: z.array(z.object({ id: z.unknown() }).loose()) }).safeParse(raw);
    const id = entry.success ? entry.data.sources[index]?.id : undefined;
    const label = typeof id === 'string' ? ` (${id})` : '';
    return `sources[${index}]${label}${rest.length ? `.${rest.map(String).join('.')}` : ''}`;
  }
  return path.map(String).join('.') || '(file)';
}

/** Parses a sources file's text; throws `SourcesFileError` naming every bad entry and field. */
export function parseSourcesFile(text: string, file: string): SourcesFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SourcesFileError(file, [`not valid JSON (${error instanceof Error ? error.message : String(error)})`], { cause: error });
  }
  const parsed = SourcesFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SourcesFileError(
      file,
      parsed.error.issues.map((issue) => `${describePath(issue.path, raw)}: ${issue.message}`),
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

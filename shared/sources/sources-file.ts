/**
 * The operator's sources file: one JSON document a deployment, checked with zod so that a mistake
 * names the entry and the field ("sources[3] (boston-hr).url: must be an http(s) URL"), and every
 * mistake is listed at once, in file order.
 */
import * as z from 'zod';
import { SourcesFileSchema, type SourcesFile } from '../model/source';
import { describeIssue, describeJsonError, duplicateIdProblems, type FileProblem } from './sources-file-problems';

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

/** Region and top-level keys first, then each source by its index: the order an operator reads the file in. */
function fileOrder(a: FileProblem, b: FileProblem): number {
  const rank = (problem: FileProblem) => (problem.path[0] === 'sources' && typeof problem.path[1] === 'number' ? problem.path[1] : -1);
  return rank(a) - rank(b);
}

/** Where a problem sits: the entry (and its id) and the field, without the key an unknown-key sentence already names. */
function whereOf(problem: FileProblem, raw: unknown): string {
  const path = problem.text.startsWith('`') ? problem.path.slice(0, -1) : problem.path;
  return describePath(path, raw);
}

/** Parses a sources file's text; throws `SourcesFileError` naming every bad entry and field. */
export function parseSourcesFile(text: string, file: string): SourcesFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SourcesFileError(file, [describeJsonError(text, error)], { cause: error });
  }
  const parsed = SourcesFileSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, raw));
  // The schema's own duplicate check runs only once every entry is valid; this one runs always.
  const said = new Set(problems.filter((problem) => problem.text.startsWith('duplicate source id')).map((problem) => problem.path.join('.')));
  problems.push(...duplicateIdProblems(raw).filter((problem) => !said.has(problem.path.join('.'))));
  if (problems.length > 0 || !parsed.success) {
    throw new SourcesFileError(
      file,
      problems.sort(fileOrder).map((problem) => `${whereOf(problem, raw)}: ${problem.text}`),
      parsed.success ? {} : { cause: parsed.error },
    );
  }
  return parsed.data;
}

/**
 * A JSON Schema (draft 7, which editors support best) of the sources file, generated from the zod
 * schema: point a file's `$schema` at it for completion and checking as you type.
 */
export function sourcesFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(SourcesFileSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return { ...generated, title: 'Netmix sources file', description: "A region's organisations and how to read each one's events." };
}

import type { ParseProblem } from '../../model/raw-event';

const KEEP = 3;

/**
 * Folds long runs of the same problem (a feed that writes every DTSTART the same wrong way) into
 * the first few instances plus a count, so one habit of a producer does not bury the rest.
 */
export function compactProblems(problems: ParseProblem[]): ParseProblem[] {
  const groups = new Map<string, ParseProblem[]>();
  for (const problem of problems) {
    const shape = problem.message.replace(/line \d+: /, '').replace(/\d+/g, '#');
    const group = groups.get(shape);
    if (group) group.push(problem);
    else groups.set(shape, [problem]);
  }
  const compacted: ParseProblem[] = [];
  for (const group of groups.values()) {
    compacted.push(...group.slice(0, KEEP));
    const first = group[0];
    if (group.length > KEEP && first) {
      compacted.push({ message: `${group.length - KEEP} more like: ${first.message.replace(/^line \d+: /, '')}` });
    }
  }
  return compacted;
}

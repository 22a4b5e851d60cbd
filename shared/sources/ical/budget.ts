import type { ParseBudget } from '../../model/raw-event';

/**
 * What one document has spent of its `ParseBudget`, shared by every series it holds: a feed of a
 * thousand endless series costs as much as one series a thousand times as long, so the limits are
 * per document, not per series. Once a limit is passed everything stops and `exceeded` says which.
 */
export class DocumentBudget {
  private iterations = 0;
  private occurrences = 0;
  /** Which limit was passed, in the words `ParseResult.budgetExceeded` uses; null while within. */
  exceeded: string | null = null;

  constructor(private readonly limits: ParseBudget) {}

  /** Counts one recurrence-rule iteration; false (and nothing counted) once over the limit. */
  step(): boolean {
    if (this.exceeded !== null) return false;
    if (this.iterations >= this.limits.maxIterations) {
      this.exceeded = `more than ${this.limits.maxIterations.toLocaleString('en-US')} recurrence iterations`;
      return false;
    }
    this.iterations += 1;
    return true;
  }

  /** Counts one occurrence the document yields; false once over the limit (it is not kept). */
  take(): boolean {
    if (this.exceeded !== null) return false;
    if (this.occurrences >= this.limits.maxOccurrences) {
      this.exceeded = `more than ${this.limits.maxOccurrences.toLocaleString('en-US')} occurrences`;
      return false;
    }
    this.occurrences += 1;
    return true;
  }
}

/**
 * Why lines numbered per run. A digest's line for an event depends only on the event and the first
 * of the subscriber's terms it matched (an employer, else a field, else an interest: `whyLine`'s
 * order), so a run of many digests shares a few thousand lines, each built once; the number lets
 * a caller key anything else on (event, line) without hashing the text.
 */
import type { PreparedEvent } from './prepare';
import { whyLine, type Matched } from './why';

export class WhyLines {
  private readonly lines: string[] = [];
  /** Per term kind and term, per item: the line's number + 1 (0: not built yet). */
  private readonly plain: Int32Array;
  private readonly byEmployer = new Map<string, Int32Array>();
  private readonly byField = new Map<string, Int32Array>();
  private readonly byInterest = new Map<string, Int32Array>();

  constructor(private readonly items: readonly PreparedEvent[]) {
    this.plain = new Int32Array(items.length);
  }

  /** The number of item `index`'s line when the subscriber's terms matched `matched` in it. */
  idOf(index: number, matched: Matched): number {
    const table = this.tableFor(matched);
    const known = (table[index] ?? 0) - 1;
    if (known >= 0) return known;
    const event = this.items[index]?.event;
    if (event === undefined) throw new RangeError(`no item ${index}`);
    const id = this.lines.length;
    this.lines.push(whyLine(event, matched));
    table[index] = id + 1;
    return id;
  }

  line(id: number): string {
    const line = this.lines[id];
    if (line === undefined) throw new RangeError(`no why line ${id}`);
    return line;
  }

  private tableFor(matched: Matched): Int32Array {
    const employer = matched.employers[0];
    if (employer !== undefined) return this.termTable(this.byEmployer, employer);
    const field = matched.fields[0];
    if (field !== undefined) return this.termTable(this.byField, field);
    const interest = matched.interests[0];
    if (interest !== undefined) return this.termTable(this.byInterest, interest);
    return this.plain;
  }

  private termTable(tables: Map<string, Int32Array>, term: string): Int32Array {
    let table = tables.get(term);
    if (table === undefined) {
      table = new Int32Array(this.items.length);
      tables.set(term, table);
    }
    return table;
  }
}

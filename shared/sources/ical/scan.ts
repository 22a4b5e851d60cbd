import type { ParseProblem } from '../../model/raw-event';
import { repairLine } from './line-repair';

/**
 * A first, forgiving pass over the raw text: unfolds lines, splits the calendar into its top-level
 * components and repairs or drops damaged VEVENT lines, so ical.js later parses each component on
 * its own and one bad event never costs the feed.
 */

export type BlockKind = 'VEVENT' | 'VTIMEZONE' | 'VVENUE';

export interface Block {
  kind: BlockKind;
  /** 1-based position among the blocks of its kind. */
  index: number;
  /** Line of the input where the block begins. */
  line: number;
  /** The component's lines, unfolded and repaired, ready for ical.js. */
  text: string;
  uid: string | null;
  /** Why the whole block must be skipped, when it must. */
  rejected: string | null;
  /** For a VVENUE: the index of the VEVENT just before it (upcoming.org writes them in pairs). */
  afterEvent: number;
}

export interface ScanResult {
  /** Unfolded lines that are properties of the VCALENDAR itself. */
  calendarLines: string[];
  blocks: Block[];
  problems: ParseProblem[];
}

interface OpenBlock {
  block: Block;
  lines: string[];
  /** Components open inside the block (VALARM), innermost last. */
  nested: string[];
  notes: { line: number; message: string }[];
  dtstart: string | null;
}

/** Lines split at CRLF, LF or CR; a plain CRLF split (no regex) when that is all the text uses. */
function splitLines(text: string): string[] {
  const lines = text.split('\r\n');
  return lines.some((line) => line.includes('\n') || line.includes('\r')) ? text.split(/\r\n|\n|\r/) : lines;
}

/** Unfolds `text` into logical lines, each with the 1-based number of the line it starts on. */
export function unfold(text: string): { text: string; line: number }[] {
  const physical = splitLines(text.replace(/^\uFEFF/, ''));
  const logical: { text: string; line: number }[] = [];
  // Continuations are collected and joined once: appending to a string per fold is quadratic-ish
  // in V8's rope flattening for long folded descriptions.
  let parts: string[] = [];
  let startLine = 0;
  const flush = () => {
    if (parts.length > 0) logical.push({ text: parts.length === 1 ? (parts[0] ?? '') : parts.join(''), line: startLine });
    parts = [];
  };
  for (let i = 0; i < physical.length; i += 1) {
    const line = physical[i] ?? '';
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && parts.length > 0) {
      parts.push(line.slice(1));
    } else {
      flush();
      if (line.trim() !== '') {
        parts.push(line);
        startLine = i + 1;
      }
    }
  }
  flush();
  return logical;
}

const BLOCK_KINDS = new Set<string>(['VEVENT', 'VTIMEZONE', 'VVENUE']);

/** Splits the calendar text into its components (see the module note). */
export function scan(text: string): ScanResult {
  const problems: ParseProblem[] = [];
  const calendarLines: string[] = [];
  const blocks: Block[] = [];
  const counts: Record<BlockKind, number> = { VEVENT: 0, VTIMEZONE: 0, VVENUE: 0 };
  let open: OpenBlock | null = null;
  let inCalendar = false;
  let sawCalendar = false;
  let ended = false;

  const close = (reason: string | null) => {
    if (!open) return;
    if (reason) open.notes.push({ line: open.block.line, message: reason });
    for (const kind of open.nested.reverse()) open.lines.push(`END:${kind}`);
    open.lines.push(`END:${open.block.kind}`);
    open.block.text = open.lines.join('\r\n');
    const where = whereOf(open.block);
    for (const note of open.notes) problems.push({ message: `line ${note.line}: ${note.message}`, where });
    blocks.push(open.block);
    open = null;
  };

  for (const { text: raw, line } of unfold(text)) {
    const head = raw.slice(0, 6).toUpperCase();
    const upper = head.startsWith('BEGIN:') || head.startsWith('END:') ? raw.trim().toUpperCase() : '';
    if (upper.startsWith('BEGIN:')) {
      const kind = upper.slice(6).trim();
      if (kind === 'VCALENDAR') {
        inCalendar = true;
        sawCalendar = true;
        continue;
      }
      if (open && !BLOCK_KINDS.has(kind)) {
        open.nested.push(kind);
        open.lines.push(`BEGIN:${kind}`);
        continue;
      }
      if (kind === 'VEVENT' || kind === 'VTIMEZONE' || kind === 'VVENUE') {
        if (open) close(`${open.block.kind} has no END line`);
        counts[kind] += 1;
        open = {
          block: { kind, index: counts[kind], line, text: '', uid: null, rejected: null, afterEvent: counts.VEVENT },
          lines: [`BEGIN:${kind}`],
          nested: [],
          notes: [],
          dtstart: null,
        };
      }
      continue;
    }
    if (upper.startsWith('END:')) {
      const kind = upper.slice(4).trim();
      if (kind === 'VCALENDAR') {
        close(open ? 'component has no END line' : null);
        inCalendar = false;
        ended = true;
      } else if (open && open.nested.includes(kind)) {
        while (open.nested.length > 0) {
          const inner = open.nested.pop();
          open.lines.push(`END:${inner ?? kind}`);
          if (inner === kind) break;
        }
      } else if (open && kind === open.block.kind) {
        close(null);
      }
      continue;
    }
    if (open) {
      addLine(open, raw, line);
    } else if (inCalendar || !sawCalendar) {
      calendarLines.push(raw);
    }
  }
  close('component has no END line (the feed is truncated)');
  if (!sawCalendar) problems.push({ message: 'no BEGIN:VCALENDAR line: not an iCalendar feed, or a damaged one' });
  else if (!ended) problems.push({ message: 'no END:VCALENDAR line: the feed may be truncated' });
  return { calendarLines, blocks, problems };
}

function addLine(open: OpenBlock, raw: string, line: number): void {
  if (open.block.kind === 'VTIMEZONE') {
    open.lines.push(raw);
    return;
  }
  const repaired = repairLine(raw);
  for (const message of repaired.notes) open.notes.push({ line, message });
  if (repaired.rejectEvent !== undefined && open.nested.length === 0 && open.block.rejected === null) open.block.rejected = repaired.rejectEvent;
  if (repaired.text === null) return;
  if (open.nested.length === 0 && repaired.name === 'UID' && open.block.uid === null) {
    open.block.uid = repaired.value.trim() || null;
  }
  if (open.nested.length === 0 && repaired.name === 'DTSTART') {
    if (open.dtstart !== null) {
      if (open.dtstart !== repaired.value && open.block.rejected === null) {
        open.block.rejected = `two different DTSTART values (${open.dtstart} and ${repaired.value}); the event is ambiguous`;
      }
      return;
    }
    open.dtstart = repaired.value;
  }
  open.lines.push(repaired.text);
}

/** `VEVENT 12 (UID abc)`: where a problem in this block is. */
export function whereOf(block: Pick<Block, 'kind' | 'index' | 'uid'>): string {
  const uid = block.uid === null ? '' : ` (UID ${block.uid.length > 80 ? `${block.uid.slice(0, 77)}...` : block.uid})`;
  return `${block.kind} ${block.index}${uid}`;
}

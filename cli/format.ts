/** Plain-text tables and local times for terminal output. */
import type { Event } from '../shared/model/event';

/** Renders rows as aligned columns; cells longer than `maxWidth` are cut with an ellipsis. */
export function formatTable(header: string[], rows: string[][], maxWidth = 48): string {
  const cut = (cell: string) => (cell.length > maxWidth ? `${cell.slice(0, maxWidth - 1)}…` : cell);
  const all = [header, ...rows].map((row) => row.map((cell) => cut(cell.replace(/\s+/g, ' '))));
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const [head, ...body] = all;
  return [line(head ?? []), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/** `Wed Dec 2 6:00 PM EST` (or `Wed Dec 2 (all day)`) in `timeZone`. */
export function formatWhen(event: Event, timeZone: string): string {
  if (event.allDay) {
    const day = new Date(`${event.startDate}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
    return `${day} (all day)`;
  }
  return new Date(event.start).toLocaleString('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

export function formatPlace(event: Event): string {
  if (event.online && !event.venue) return 'Online';
  const venue = event.venue;
  if (!venue) return '';
  const parts = [venue.name, venue.city].filter((part): part is string => Boolean(part));
  return (event.online ? ['Online +', ...parts] : parts).join(', ');
}

export function formatCost(event: Event): string {
  switch (event.cost.kind) {
    case 'free':
      return 'Free';
    case 'free-for-job-seekers':
      return 'Free for job seekers';
    case 'paid':
      return event.cost.amount !== null ? `$${event.cost.amount}` : (event.cost.text ?? 'Paid');
    default:
      return '';
  }
}

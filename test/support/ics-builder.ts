/** Small iCalendar feeds for ingest tests: one VEVENT per entry, times in UTC. */
export interface TestEvent {
  uid: string;
  title: string;
  /** UTC instant, e.g. `2026-11-25T23:00:00Z`. */
  start: string;
  location?: string;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function buildIcs(name: string, events: readonly TestEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Netmix//tests//EN', `X-WR-CALNAME:${name}`];
  for (const event of events) {
    const end = new Date(new Date(event.start).getTime() + 2 * 3_600_000).toISOString();
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'DTSTAMP:20261101T000000Z',
      `DTSTART:${stamp(event.start)}`,
      `DTEND:${stamp(end)}`,
      `SUMMARY:${event.title}`,
      `LOCATION:${event.location ?? 'Waltham Public Library\\, 735 Main St\\, Waltham\\, MA 02451'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

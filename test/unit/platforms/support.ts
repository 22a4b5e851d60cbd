import { readFileSync } from 'node:fs';
import type { SourceContext } from '../../../shared/model/source';
import { readDocument, type ReadResult } from '../../../shared/sources';

export const NEW_YORK = 'America/New_York';

/** A job-seeker group in Massachusetts, the usual source these fixtures stand for. */
export const CONTEXT: SourceContext = { id: 'test-source', name: 'Test source', kind: 'other', audience: 'professional', timeZone: NEW_YORK };

export function fixture(name: string): string {
  return readFileSync(`test/fixtures/platforms/${name}`, 'utf8');
}

/** Reads `text` over Oct 1 2026 – Apr 1 2027 (both DST changes inside), New York time. */
export function readWindow(text: string, baseUrl = 'https://example.org/wp-json/tribe/events/v1/events', kind?: 'json'): ReadResult {
  return readDocument(text, CONTEXT, {
    ...(kind === undefined ? {} : { kind }),
    from: new Date('2026-10-01T04:00:00Z'),
    to: new Date('2027-04-01T04:00:00Z'),
    defaultTimeZone: NEW_YORK,
    baseUrl,
  });
}

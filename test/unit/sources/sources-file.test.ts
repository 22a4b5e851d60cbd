import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSourcesFile, SourcesFileError } from '../../../shared/sources/sources-file';

function problemsOf(text: string): string[] {
  try {
    parseSourcesFile(text, 'sources.json');
  } catch (error) {
    if (error instanceof SourcesFileError) return error.problems;
    throw error;
  }
  return [];
}

const region = { name: 'Test region', timeZone: 'America/New_York' };
const good = { id: 'boston-hr', name: 'Boston HR', kind: 'association', audience: 'professional', fetch: 'ical', url: 'https://example.org/hr.ics' };

describe('sources file', () => {
  it('reads the bundled sample region: 17 sources, defaults filled in', () => {
    const file = parseSourcesFile(readFileSync('sample/sources.json', 'utf8'), 'sample/sources.json');
    expect(file.sources).toHaveLength(17);
    expect(file.sources.find((source) => source.id === 'natick-wednesday')?.expectEmpty).toBe(false);
    expect(file.sources.find((source) => source.id === 'merrimack-career-center')?.selectors?.item).toBe('li.workshop');
  });

  it('names the entry and the field of each mistake', () => {
    const problems = problemsOf(
      JSON.stringify({
        region,
        sources: [good, { ...good, id: 'bad-url', url: 'javascript:alert(1)' }, { ...good, id: 'bad-kind', kind: 'club' }],
      }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^sources\[1\] \(bad-url\)\.url: must be an http\(s\) URL/);
    expect(problems[1]).toMatch(/^sources\[2\] \(bad-kind\)\.kind: /);
  });

  it('refuses duplicate ids, unknown fields, a non-IANA zone and credentials in URLs', () => {
    const problems = problemsOf(
      JSON.stringify({
        region: { ...region, timeZone: 'Eastern Standard Time' },
        sources: [good, { ...good, extra: 1 }, { ...good, id: 'creds', url: 'https://user:pw@example.org/x.ics' }],
      }),
    );
    expect(problems.some((problem) => problem.startsWith('region.timeZone'))).toBe(true);
    expect(problems.some((problem) => problem.includes('sources[1] (boston-hr)') && problem.includes('extra'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('sources[1] (boston-hr).id: duplicate source id'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('sources[2] (creds).url'))).toBe(true);
  });

  it('says when the file is not JSON at all', () => {
    expect(problemsOf('{ sources: [')[0]).toMatch(/^not valid JSON/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseSourcesFile, SourcesFileError, sourcesFileJsonSchema } from '../../../shared/sources/sources-file';
import { nearestKey } from '../../../shared/sources/sources-file-problems';

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

  it('gives the line and column of a JSON syntax error', () => {
    // Line 3 is `  sources: [`: the unquoted key starts at column 3.
    expect(problemsOf('{\n  "region": {},\n  sources: []\n}')).toEqual(['not valid JSON at line 3, column 3: Expected double-quoted property name']);
    // A file cut short ends at line 2, column 13 (after `  "region": ` and its 12 characters).
    expect(problemsOf('{\n  "region": ')[0]).toMatch(/^not valid JSON at line 2, column 13: /);
  });

  it('suggests the nearest known key for a misspelt one, at every level', () => {
    const problems = problemsOf(
      JSON.stringify({
        region: { ...region, timezone: 'America/New_York' },
        sources: [{ ...good, audiance: 'job-seeker' }, { ...good, id: 'recipe', fetch: 'html', selectors: { item: 'li', title: 'h3', dates: '.when' } }, { ...good, id: 'odd', colour: 'red' }],
      }),
    );
    expect(problems).toContain('region: `timezone`: did you mean `timeZone`? (unknown key)');
    expect(problems).toContain('sources[0] (boston-hr): `audiance`: did you mean `audience`? (unknown key)');
    expect(problems).toContain('sources[1] (recipe).selectors: `dates`: did you mean `date`? (unknown key)');
    // Nothing is close to `colour`: the known keys are listed instead of a guess.
    expect(problems.find((problem) => problem.startsWith('sources[2] (odd)'))).toMatch(/^sources\[2\] \(odd\): `colour`: unknown key \(known keys: id, name, kind, audience, fetch, url,/);
    expect(nearestKey('foo', ['id', 'url'])).toBeNull();
  });

  it('gives an example of a valid time zone, and the IANA name of a Windows one or an abbreviation', () => {
    const problemsFor = (timeZone: string) => problemsOf(JSON.stringify({ region: { ...region, timeZone }, sources: [good] }));
    expect(problemsFor('Eastern Standard Time')).toEqual(['region.timeZone: "Eastern Standard Time" is not an IANA time zone: did you mean "America/New_York"?']);
    expect(problemsFor('PST')).toEqual(['region.timeZone: "PST" is not an IANA time zone: did you mean "America/Los_Angeles"?']);
    expect(problemsFor('Lowell time')).toEqual(['region.timeZone: "Lowell time" is not an IANA time zone: write an IANA name such as "America/New_York" or "America/Chicago"']);
  });

  it('says when a ZIP code lost its leading zero', () => {
    const problems = problemsOf(
      JSON.stringify({
        region,
        sources: [
          { ...good, place: { city: 'Lowell', postalCode: 1852 } },
          { ...good, id: 'waltham', place: { postalCode: '2451' } },
          { ...good, id: 'nashua', place: { postalCode: 3060 } },
        ],
      }),
    );
    expect(problems).toEqual([
      'sources[0] (boston-hr).place.postalCode: 1852 looks like a ZIP code that lost its leading zero: write "01852" (in quotes)',
      'sources[1] (waltham).place.postalCode: "2451" looks like a ZIP code that lost its leading zero: write "02451" (in quotes)',
      'sources[2] (nashua).place.postalCode: 3060 looks like a ZIP code that lost its leading zero: write "03060" (in quotes)',
    ]);
  });

  it('reports duplicate ids in file order together with the other mistakes', () => {
    const problems = problemsOf(
      JSON.stringify({ region, sources: [good, { ...good, kind: 'club' }, { ...good, id: 'other', url: 'ftp://x' }, { ...good, id: 'other' }] }),
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'sources[1] (boston-hr).kind',
      'sources[1] (boston-hr).id',
      'sources[2] (other).url',
      'sources[3] (other).id',
    ]);
    expect(problems[1]).toBe('sources[1] (boston-hr).id: duplicate source id "boston-hr" (first used by sources[0])');
  });

  it('allows a `$schema` key and publishes a JSON Schema with every key of the zod schema', () => {
    expect(parseSourcesFile(JSON.stringify({ $schema: './sources.schema.json', region, sources: [good] }), 'sources.json').sources).toHaveLength(1);
    const schema = z
      .object({
        $schema: z.literal('http://json-schema.org/draft-07/schema#'),
        additionalProperties: z.literal(false),
        required: z.array(z.string()),
        properties: z.object({
          $schema: z.object({ type: z.literal('string') }),
          sources: z.object({
            items: z.object({
              additionalProperties: z.literal(false),
              required: z.array(z.string()),
              properties: z.record(z.string(), z.unknown()),
            }),
          }),
        }),
      })
      .parse(sourcesFileJsonSchema());
    expect(schema.required).toEqual(['region', 'sources']);
    const sourceKeys = Object.keys(schema.properties.sources.items.properties);
    expect(sourceKeys).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'audience', 'fetch', 'url', 'selectors', 'place', 'timeZone', 'tags', 'expectEmpty']));
    // Keys with a default (`tags`, `expectEmpty`) may be left out of a file.
    expect(schema.properties.sources.items.required).not.toContain('tags');
    // Every key the bundled sample uses is one the schema knows.
    const sample = z.object({ sources: z.array(z.record(z.string(), z.unknown())) }).parse(JSON.parse(readFileSync('sample/sources.json', 'utf8')));
    for (const source of sample.sources) for (const key of Object.keys(source)) expect(sourceKeys).toContain(key);
  });
});

// The build-time files are checked in; each must be what its generator makes from its source today.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTemplateModule, TEMPLATE_HTML_PATH } from '../../scripts/build-time/digest-template';
import { generatePlaces, PLACES_PATH } from '../../scripts/build-time/gazetteer';
import { digestTemplate } from '../../shared/digest/template';

const root = resolve(import.meta.dirname, '../..');

describe('generated files match their sources (run `npm run generate` after editing a source)', () => {
  it('the compiled digest layout is what MJML makes of template-mjml.ts', async () => {
    expect(readFileSync(resolve(root, TEMPLATE_HTML_PATH), 'utf8')).toBe(await generateTemplateModule());
  });

  it('the compiled layout holds every slot, in reading order (the title twice: <title> and the body\'s aria-label)', () => {
    expect(digestTemplate.slots).toEqual(['TITLE', 'PREVIEW', 'TITLE', 'HEADING', 'INTRO', 'REMINDERS', 'JOB_SEEKER', 'PROFESSIONAL', 'TIP', 'FOOTER']);
    expect(digestTemplate.literals.join('')).not.toMatch(/<mj-/);
  });

  it('the gazetteer is what the zipcodes package makes', () => {
    expect(readFileSync(resolve(root, PLACES_PATH), 'utf8')).toBe(generatePlaces());
  });
});

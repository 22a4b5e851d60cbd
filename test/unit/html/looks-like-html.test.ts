import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../../shared/sources/html';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

describe('looksLikeHtml', () => {
  it('accepts every HTML page of the corpus', () => {
    // The subfolders hold other projects' suites (microformats/tests, extruct), many of them fragments.
    for (const name of readdirSync(`${fixtures}html`).filter((file) => file.endsWith('.html'))) {
      expect(looksLikeHtml(readFileSync(`${fixtures}html/${name}`, 'utf8')), name).toBe(true);
    }
  });

  it('rejects every ICS fixture', () => {
    for (const name of readdirSync(`${fixtures}ics`)) {
      expect(looksLikeHtml(readFileSync(`${fixtures}ics/${name}`, 'utf8')), name).toBe(false);
    }
  });

  it.each([
    ['\ufeff  <!DOCTYPE html><html><body></body></html>', true],
    ['<?xml version="1.0"?>\n<!-- page --><html xmlns="http://www.w3.org/1999/xhtml"></html>', true],
    ['<div class="h-event">x</div>', true],
    ['{"@type":"Event"}', false],
    ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', false],
    ['plain text with <b>bold</b>', false],
    ['', false],
  ])('judges %j', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});

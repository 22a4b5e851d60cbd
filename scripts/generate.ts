/**
 * `npm run generate`: writes the build-time files (the compiled digest layout, the gazetteer).
 * `npm run generate -- --check` writes nothing and exits 1 when a checked-in file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateTemplateModule, TEMPLATE_HTML_PATH } from './build-time/digest-template';
import { generatePlaces, PLACES_PATH } from './build-time/gazetteer';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const outputs: [string, string][] = [
  [TEMPLATE_HTML_PATH, await generateTemplateModule()],
  [PLACES_PATH, generatePlaces()],
];
let stale = 0;
for (const [path, text] of outputs) {
  const file = resolve(root, path);
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) {
    console.log(`${path}: up to date`);
  } else if (check) {
    stale += 1;
    console.log(`${path}: out of date (run npm run generate)`);
  } else {
    writeFileSync(file, text);
    console.log(`${path}: written (${text.length} characters)`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;

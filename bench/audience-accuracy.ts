/**
 * `npx tsx bench/audience-accuracy.ts [--misses]`: the audience classifier's accuracy on the
 * labelled set, for the part tuned on and the held-out part, beside the always-the-source baseline.
 */
import { readLabelledSet, scoreAudience, type LabelledItem } from '../test/support/audience-labels';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const items = readLabelledSet();
const showMisses = process.argv.includes('--misses');

function report(name: string, part: readonly LabelledItem[]): void {
  const score = scoreAudience(part);
  // Following the source's default alone is right exactly once per item (each item is tried from both defaults).
  console.log(`${name.padEnd(9)} ${String(score.items).padStart(4)} items  ${String(score.correct).padStart(4)}/${score.trials} right  ${percent(score.accuracy).padStart(6)}   (source default alone: 50.0%)`);
  if (showMisses && name === 'tune') {
    for (const miss of score.misses) console.log(`   miss: ${miss.item.title} [${miss.item.audience}] from a ${miss.sourceDefault} source → ${miss.got} (${miss.reason})`);
  }
}

console.log('## Audience classifier on the labelled set (each item from a job-seeker and a professional default source)\n');
report('tune', items.filter((item) => item.split === 'tune'));
report('held-out', items.filter((item) => item.split === 'held-out'));
report('all', items);

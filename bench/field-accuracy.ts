/**
 * `npx tsx bench/field-accuracy.ts [--misses]`: the fields-of-interest tagger's exact-set accuracy
 * on the labelled set, for the part tuned on and the held-out part, beside the tag-nothing baseline.
 */
import { readFieldSet, scoreFields, type LabelledFieldItem } from '../test/support/field-labels';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const items = readFieldSet();
const showMisses = process.argv.includes('--misses');

function report(name: string, part: readonly LabelledFieldItem[]): void {
  const score = scoreFields(part);
  const baseline = score.items === 0 ? 0 : score.noneItems / score.items;
  console.log(
    `${name.padEnd(9)} ${String(score.items).padStart(4)} items  ${String(score.exact).padStart(4)} exact  ${percent(score.accuracy).padStart(6)}   (no field at all: ${percent(baseline)})`,
  );
  if (showMisses && name === 'tune') {
    for (const miss of score.misses) console.log(`   miss: ${miss.item.title} [${miss.item.fields.join(', ')}] → [${miss.got.join(', ')}]`);
  }
}

console.log('## Fields-of-interest tagger on the labelled set (exact set of field ids)\n');
report('tune', items.filter((item) => item.split === 'tune'));
report('held-out', items.filter((item) => item.split === 'held-out'));
report('all', items);

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboxFileOf, writeOutboxDigest, writeOutboxIndex } from '../../../cli/outbox';

describe('the local outbox', () => {
  it('keeps each week apart and lists every digest, newest week first, titles escaped', async () => {
    const root = await mkdtemp(join(tmpdir(), 'netmix-outbox-'));
    await writeOutboxDigest(root, '2026-W48', 'a1', '<html><head><title>3 events near Lowell</title></head></html>');
    await writeOutboxDigest(root, '2026-W49', 'a1', '<html><head><title>5 events near Lowell &amp; Nashua</title></head></html>');
    await writeOutboxDigest(root, '2026-W49', 'b2', '<html><head><title>&lt;script&gt;x&lt;/script&gt;</title></head></html>');
    const index = await readFile(await writeOutboxIndex(root), 'utf8');
    expect(await readFile(outboxFileOf(root, '2026-W48', 'a1'), 'utf8')).toContain('3 events near Lowell');
    expect(index.indexOf('Week 2026-W49 — 2 digests')).toBeGreaterThan(-1);
    expect(index.indexOf('Week 2026-W49')).toBeLessThan(index.indexOf('Week 2026-W48 — 1 digest'));
    expect(index).toContain('<a href="2026-W49/a1.html">5 events near Lowell &amp; Nashua</a>');
    expect(index).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(index).not.toContain('<script>');
  });

  it('says so when nothing was sent', async () => {
    const root = await mkdtemp(join(tmpdir(), 'netmix-outbox-'));
    expect(await readFile(await writeOutboxIndex(root), 'utf8')).toContain('No digest has been sent yet.');
  });
});

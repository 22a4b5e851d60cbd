/**
 * The local runner's outbox: each digest as a web page under `.netmix/outbox/<ISO week>/`, and an
 * `index.html` listing every week and what was sent in it, newest first.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../shared/digest/escape';

/** `.netmix/outbox/2026-W49/<subscriber id>.html`. */
export function outboxFileOf(root: string, isoWeek: string, subscriberId: string): string {
  return join(root, isoWeek, `${subscriberId}.html`);
}

/** Writes one digest's HTML into its week's folder. */
export async function writeOutboxDigest(root: string, isoWeek: string, subscriberId: string, html: string): Promise<void> {
  await mkdir(join(root, isoWeek), { recursive: true });
  await writeFile(outboxFileOf(root, isoWeek, subscriberId), html);
}

function titleOf(html: string): string {
  const match = /<title>([^<]*)<\/title>/i.exec(html);
  // The title is already escaped in the page; unescape the five entities the renderer writes.
  const text = match?.[1]?.trim() ?? '';
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Rewrites `index.html` from the folders on disk; returns its path. */
export async function writeOutboxIndex(root: string): Promise<string> {
  await mkdir(root, { recursive: true });
  const weeks = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && /^\d{4}-W\d{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const sections: string[] = [];
  for (const week of weeks) {
    const files = (await readdir(join(root, week))).filter((name) => name.endsWith('.html')).sort();
    const items: string[] = [];
    for (const file of files) {
      const title = titleOf(await readFile(join(root, week, file), 'utf8'));
      const subscriber = file.replace(/\.html$/, '');
      items.push(`<li><a href="${escapeHtml(`${week}/${file}`)}">${escapeHtml(title === '' ? file : title)}</a> <small>subscriber ${escapeHtml(subscriber)}</small></li>`);
    }
    sections.push(`<h2>Week ${escapeHtml(week)} — ${files.length} digest${files.length === 1 ? '' : 's'}</h2>\n<ul>\n${items.join('\n')}\n</ul>`);
  }
  const body = sections.length === 0 ? '<p>No digest has been sent yet.</p>' : sections.join('\n');
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<title>Netmix outbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}li{margin:.4rem 0}small{color:GrayText}</style>
</head><body>
<h1>Netmix outbox</h1>
${body}
</body></html>
`;
  const path = join(root, 'index.html');
  await writeFile(path, page);
  return path;
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDigest } from '../../shared/digest/render';
import { launchChromium } from '../support/browser';
import { sampleChosen, sampleInput } from '../unit/digest/sample-digest';

const SCREENSHOT = resolve(import.meta.dirname, '../../docs/digest.png');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('the digest in headless Chromium', () => {
  it('shows its headings at phone width without horizontal overflow, and asks for nothing remote', async () => {
    const { html } = renderDigest(sampleInput(sampleChosen()));
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const requested: string[] = [];
    await page.route('**/*', async (route) => {
      requested.push(route.request().url());
      await route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });

    for (const name of ['Your networking week near Lowell']) await expect(page.getByRole('heading', { level: 1, name }).isVisible()).resolves.toBe(true);
    for (const name of ['For your job search', 'Where professionals meet', 'Networking tip']) {
      await expect(page.getByRole('heading', { level: 2, name }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByRole('link', { name: 'Unsubscribe' }).isVisible()).resolves.toBe(true);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.client).toBe(375);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(requested).toEqual([]);

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await context.close();
  });
});

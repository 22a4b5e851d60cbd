import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDigest } from '../../shared/digest/render';
import { buildSignupMail } from '../../shared/subscriptions/confirmation-mail';
import { launchChromium } from '../support/browser';
import { lowest, measureTextContrast } from '../support/contrast';
import { parseMime } from '../unit/subscriptions/support/requests';
import { sampleChosen, sampleFullInput } from '../unit/digest/sample-digest';

const DOCS = resolve(import.meta.dirname, '../../docs');
const SCREENSHOT = resolve(DOCS, 'digest.png');

/** WCAG AA for body text. */
const MIN_CONTRAST = 4.5;
/** WCAG 2.5.5's target size, in CSS pixels. */
const MIN_TAP = 44;

// Chromium's canvas where nothing paints: white in light, #121212 in dark.
const CANVAS = { light: [255, 255, 255], dark: [18, 18, 18] } as const satisfies Record<string, [number, number, number]>;

type Mode = 'light' | 'dark' | 'outlook-dark';
const MODES: readonly Mode[] = ['light', 'dark', 'outlook-dark'];
const WIDTHS = [375, 1280] as const;

let browser: Browser;
let confirmationHtml: string;
beforeAll(async () => {
  browser = await launchChromium();
  const mail = await parseMime(
    await buildSignupMail({
      kind: 'confirm',
      to: 'pat@example.com',
      from: 'Netmix <digest@example.org>',
      operator: { name: 'Merrimack Valley Career Center', postalAddress: '107 Merrimack St, Lowell, MA 01852' },
      placeName: 'Lowell',
      date: new Date('2026-11-22T12:00:00Z'),
      confirmUrl: 'https://subscribe.example.org/confirm/abc.def',
    }),
  );
  confirmationHtml = mail.html === false ? '' : mail.html;
});
afterAll(async () => {
  await browser.close();
});

/**
 * Opens `html` at `width` in `mode`. `outlook-dark` stands in for Outlook.com's forced dark: it
 * marks the document with the `data-ogsc`/`data-ogsb` attributes Outlook.com adds, in a light
 * scheme, so only the mail's own `[data-ogsc]`/`[data-ogsb]` rules can make it dark.
 */
async function open(html: string, width: number, mode: Mode): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.emulateMedia({ colorScheme: mode === 'dark' ? 'dark' : 'light' });
  await page.setContent(html, { waitUntil: 'load' });
  if (mode === 'outlook-dark') {
    await page.evaluate(() => {
      document.documentElement.setAttribute('data-ogsc', '');
      document.documentElement.setAttribute('data-ogsb', '');
    });
  }
  return { page, close: () => context.close() };
}

/** Tallest docs screenshot (px): the opening, a few cards and, for the confirmation, the whole mail. */
const SHOT_HEIGHT = 2400;

async function checkMail(name: 'digest' | 'confirmation', html: string, buttons: string): Promise<string[]> {
  const report: string[] = [];
  for (const width of WIDTHS) {
    for (const mode of MODES) {
      const { page, close } = await open(html, width, mode);
      const results = await measureTextContrast(page, mode === 'dark' ? [...CANVAS.dark] : [...CANVAS.light]);
      const low = lowest(results);
      expect(results.length, `${name} ${width} ${mode}: texts measured`).toBeGreaterThan(5);
      expect(low?.ratio ?? 0, `${name} ${width} ${mode}: "${low?.text ?? ''}" ${low?.color ?? ''} on ${low?.background ?? ''}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      // The page is actually dark in the dark modes: the ground behind the last text (the footer's
      // postal address, which stayed light grey in dark mode before).
      const ground = results.at(-1)?.background ?? '';
      const level = Number(/rgb\((\d+)/.exec(ground)?.[1] ?? '0');
      if (mode === 'light') expect(level, `${name} ${width} light ground ${ground}`).toBeGreaterThan(200);
      else expect(level, `${name} ${width} ${mode} ground ${ground}`).toBeLessThan(60);
      const sizes = await page.locator(buttons).evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).map((box) => Math.min(box.width, box.height)));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes), `${name} ${width} ${mode}: smallest tap target`).toBeGreaterThanOrEqual(MIN_TAP);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `${name} ${width} ${mode}: horizontal overflow`).toBeLessThanOrEqual(widths.client);
      report.push(`${name} ${width}px ${mode}: min ${(low?.ratio ?? 0).toFixed(2)}:1 over ${results.length} texts ("${low?.text ?? ''}"), smallest button ${Math.min(...sizes).toFixed(0)} px`);
      if (mode !== 'outlook-dark') {
        // The top of the mail only: a full-page capture of a 15-event digest at phone width can pass
        // Chromium's largest texture and fail ("Unable to capture screenshot"); the docs need the look.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: resolve(DOCS, `${name}-${width}-${mode}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, SHOT_HEIGHT) } });
      }
      await close();
    }
  }
  return report;
}

describe('the digest in headless Chromium', () => {
  it('shows its headings at phone width without horizontal overflow, and asks for nothing remote', async () => {
    const { html } = renderDigest(sampleFullInput(sampleChosen()));
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

  it('keeps every text at 4.5:1 or more and every button 44 px or more, light and dark, at 375 and 1280 px', async () => {
    const report = await checkMail('digest', renderDigest(sampleFullInput()).html, 'a.nm-btn');
    console.log(report.join('\n'));
    expect(report).toHaveLength(6);
  });
});

describe('the confirmation mail in headless Chromium', () => {
  it('keeps every text at 4.5:1 or more and its button 44 px or more, light and dark, at 375 and 1280 px', async () => {
    const report = await checkMail('confirmation', confirmationHtml, 'a.nm-mail-btn');
    console.log(report.join('\n'));
    expect(report).toHaveLength(6);
  });
});

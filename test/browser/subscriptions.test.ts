import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { SubscriberSchema } from '../../shared/model/subscriber';
import { createLinkBuilder } from '../../shared/subscriptions/links';
import { launchChromium } from '../support/browser';
import { measureFocusRing, measureTextContrast, type TextContrast } from './support/contrast';
import { LOCAL_SERVICES_TIMEOUT_MS, useLocalServices } from '../support/local-services';
import { linkIn, serveAppOverLocalServices, uniqueAddress, type ServedSubscriptionApp } from '../integration/subscriptions/served-app';

let browser: Browser;
let served: ServedSubscriptionApp;

beforeAll(async () => {
  const services = await useLocalServices();
  served = await serveAppOverLocalServices(services);
  browser = await launchChromium();
}, LOCAL_SERVICES_TIMEOUT_MS);

afterAll(async () => {
  await browser.close();
  await served.close();
});

/** Collects what the browser reports on its console: a CSP violation shows up there. */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  return problems;
}

describe('subscription pages in headless Chromium', () => {
  it('signs up, confirms from the mailed link, changes the radius and unsubscribes by the page buttons', async () => {
    const email = uniqueAddress('browser');
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    const problems = consoleProblems(page);
    const status = async () => (await served.subscribers.getByEmail(email))?.status;

    await page.goto(`${served.url}/`);
    // The screenshot shows a fixed address so docs/signup.png only changes when the page does.
    await page.getByLabel('Email address').fill('pat@example.com');
    await page.getByLabel('ZIP code').fill('01852');
    await page.getByLabel('How far will you travel (miles)?').fill('15');
    await page.getByLabel('Mostly professional gatherings (associations, mixers, chambers)').check();
    await page.getByLabel('Technology').check();
    await page.getByLabel('No, in person only').check();
    await page.getByLabel('Events per weekly email').selectOption('5');
    await page.screenshot({ path: 'docs/signup.png', fullPage: true });
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your inbox');
    expect(await served.subscribers.getByEmail(email)).toMatchObject({
      status: 'pending',
      radiusMiles: 15,
      mix: 'professional',
      fields: ['technology'],
      interests: [],
      online: false,
      digestSize: 5,
    });

    const [mail] = await served.mailsTo(email);
    await page.goto(linkIn(mail, served.url, '/confirm/'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirm your subscription');
    expect(await status()).toBe('pending');
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("You're subscribed");
    expect(await served.subscribers.getByEmail(email)).toMatchObject({ status: 'active', consent: { ip: '127.0.0.1' } });
    expect((await served.subscribers.getByEmail(email))?.consent?.userAgent).toContain('Chrome');

    await page.getByRole('link', { name: 'Change your preferences' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your preferences');
    expect(await page.getByLabel('How far will you travel (miles)?').inputValue()).toBe('15');
    await page.getByLabel('How far will you travel (miles)?').fill('50');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved.');
    expect(await served.subscribers.getByEmail(email)).toMatchObject({ status: 'active', radiusMiles: 50, mix: 'professional' });

    await page.getByRole('link', { name: 'Unsubscribe from the weekly email' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Unsubscribe');
    expect(await status()).toBe('active');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("You're unsubscribed");
    expect(await status()).toBe('unsubscribed');

    expect(problems).toEqual([]);
    await context.close();
  });
});

/** A stored subscriber for pages opened by link. */
async function storedSubscriber(status: 'pending' | 'active'): Promise<string> {
  const id = randomBytes(16).toString('hex');
  const now = served.clock.now().toISOString();
  await served.subscribers.create(
    SubscriberSchema.parse({
      id,
      email: uniqueAddress('contrast'),
      status,
      zip: '01852',
      lat: 42.63,
      lon: -71.32,
      placeName: 'Lowell',
      timeZone: 'America/New_York',
      consent: null,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return id;
}

/** Heights of the controls a finger has to hit (WCAG 2.5.5's 44 px). */
function tapTargetHeights(page: Page): Promise<{ what: string; height: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input[type=text], input[type=email], input[type=number], select, label.choice')).map((el) => ({
      what: `${el.tagName.toLowerCase()}#${el.id || (el.textContent ?? '').trim().slice(0, 30)}`,
      height: el.getBoundingClientRect().height,
    })),
  );
}

function lowest(measured: readonly TextContrast[]): TextContrast {
  const sorted = [...measured].sort((a, b) => a.ratio - b.ratio);
  const first = sorted[0];
  if (!first) throw new Error('no text measured');
  return first;
}

describe('subscription pages are readable in light and dark, at phone and desktop width', () => {
  // The minima are printed so the figures in the closing note come from this run.
  const minima: string[] = [];
  afterAll(() => {
    process.stdout.write(`contrast minima (text / focus ring):\n${minima.join('\n')}\n`);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [375, 1280]) {
      it(`${colorScheme} at ${width} px: sign-up with errors, preferences, confirm and unsubscribe`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        const problems = consoleProblems(page);
        const links = createLinkBuilder(served.url, served.keys);

        await page.goto(`${served.url}/`);
        expect(await page.locator('.notice').first().textContent()).toMatch(/^Your first digest comes Monday, November 23, at 7 a\.m\. ET/);
        await page.getByLabel('Email address').fill('pat@example');
        await page.getByLabel('ZIP code').fill('01852');
        await page.getByLabel('How far will you travel (miles)?').fill('500');
        await page.getByRole('button', { name: 'Sign up' }).click();
        await expect.poll(() => page.locator('.field-error').count()).toBe(2);
        // Plain words beside each field, tied to it; the typed radius is kept; the cursor is in the first.
        expect(await page.locator('#radiusMiles-error').textContent()).toBe('Choose a radius between 1 and 200 miles.');
        expect(await page.getByLabel('How far will you travel (miles)?').inputValue()).toBe('500');
        expect(await page.getByLabel('How far will you travel (miles)?').getAttribute('aria-describedby')).toBe('radiusMiles-error');
        expect(await page.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByLabel('Email address').inputValue()).toBe('pat@example');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
        expect(await page.content()).not.toContain('Too big');

        const ring = await measureFocusRing(page);
        expect(ring.width).toBeGreaterThanOrEqual(2);
        expect(ring.ratio).toBeGreaterThanOrEqual(3);
        for (const target of await tapTargetHeights(page)) expect(target.height, target.what).toBeGreaterThanOrEqual(44);
        const signup = lowest(await measureTextContrast(page));
        expect(signup.ratio, JSON.stringify(signup)).toBeGreaterThanOrEqual(4.5);
        if (width === 375) await page.screenshot({ path: `docs/signup-errors-${colorScheme}.png`, fullPage: true });

        const id = await storedSubscriber('active');
        await page.goto(links.preferencesUrl(id, served.clock.now()));
        expect(await page.getByRole('heading', { name: "This week's picks for you" }).count()).toBe(1);
        for (const target of await tapTargetHeights(page)) expect(target.height, target.what).toBeGreaterThanOrEqual(44);
        const preferences = lowest(await measureTextContrast(page));
        expect(preferences.ratio, JSON.stringify(preferences)).toBeGreaterThanOrEqual(4.5);
        if (width === 375) await page.screenshot({ path: `docs/preferences-${colorScheme}.png`, fullPage: true });

        await page.goto(links.unsubscribeUrl(id, served.clock.now()));
        const unsubscribe = lowest(await measureTextContrast(page));
        expect(unsubscribe.ratio, JSON.stringify(unsubscribe)).toBeGreaterThanOrEqual(4.5);

        const pending = await storedSubscriber('pending');
        await page.goto(links.confirmUrl(pending, served.clock.now(), 0));
        const confirm = lowest(await measureTextContrast(page));
        expect(confirm.ratio, JSON.stringify(confirm)).toBeGreaterThanOrEqual(4.5);

        minima.push(
          `${colorScheme} ${width}px: signup-with-errors ${signup.ratio.toFixed(2)} (${signup.text}), preferences ${preferences.ratio.toFixed(2)} (${preferences.text}), ` +
            `unsubscribe ${unsubscribe.ratio.toFixed(2)}, confirm ${confirm.ratio.toFixed(2)}; focus ring ${ring.ratio.toFixed(2)}`,
        );
        // The sign-up with errors answers 400 on purpose; anything else on the console (a CSP refusal) fails.
        expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
        await context.close();
      });
    }
  }
});

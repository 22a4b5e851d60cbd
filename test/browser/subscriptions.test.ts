import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
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

/**
 * Launches the system's headless Chromium through playwright-core (no browser download): the
 * browser tests share this one launcher. Install it with `apt-get install -y chromium` if missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a sandboxless container that must not reach the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The browser tests need the system Chromium; this says how to get it when it is missing. */
export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

/** Starts headless Chromium; close it with `browser.close()`. */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new ChromiumMissingError(`no Chromium at ${executablePath}: run \`apt-get update && apt-get install -y chromium\``);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

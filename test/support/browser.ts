/**
 * Launches headless Chromium through playwright-core: the browser tests share this one launcher.
 * The browser comes from the `@sparticuz/chromium` package (a Chromium build shipped in the npm
 * package, unpacked to /tmp on first use), so `npm install && npm test` needs no system browser;
 * where that build cannot run, Debian's /usr/bin/chromium is used when present.
 */
import { existsSync } from 'node:fs';
import packagedChromium from '@sparticuz/chromium';
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

async function packagedPath(): Promise<string | null> {
  try {
    return await packagedChromium.executablePath();
  } catch {
    return null;
  }
}

/** Starts headless Chromium (the packaged build, else the system's); close it with `browser.close()`. */
export async function launchChromium(executablePath?: string): Promise<Browser> {
  if (executablePath === undefined) {
    const packaged = await packagedPath();
    if (packaged !== null) {
      try {
        return await chromium.launch({ executablePath: packaged, headless: true, args: CHROMIUM_ARGS });
      } catch {
        // This machine cannot run the packaged build (another libc or CPU): try the system's.
      }
    }
  }
  const path = executablePath ?? CHROMIUM_PATH;
  if (!existsSync(path)) {
    throw new ChromiumMissingError(`no Chromium at ${path} and the @sparticuz/chromium build does not run here: run \`apt-get update && apt-get install -y chromium\``);
  }
  return chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS });
}

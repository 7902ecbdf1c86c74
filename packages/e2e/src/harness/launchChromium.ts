import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
const defaultChromium = '/usr/bin/chromium';

/**
 * Starts the system Chromium, headless. The tests never download a browser: a missing one is a
 * failure that says how to install it, so browser coverage cannot silently disappear.
 */
export async function launchChromium(env: Record<string, string | undefined>): Promise<Browser> {
  const executablePath = env.CHROMIUM_PATH || defaultChromium;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. The browser tests need it.\n` +
        'Install it with `sudo apt-get install -y chromium` (or run the second Quick start line ' +
        'of the README), or point CHROMIUM_PATH at an existing Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
